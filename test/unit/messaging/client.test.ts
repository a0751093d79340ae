import { describe, expect, it } from 'vitest';
import { isObject, isString } from '../../../src/core/guard';
import { createClient } from '../../../src/messaging/client';
import { MessagingError } from '../../../src/messaging/errors';
import { defineRequest } from '../../../src/messaging/request-map';
import { dispatch, route } from '../../../src/messaging/router';

const map = { greet: defineRequest<string>()(isObject({ name: isString({ max: 20 }) })) };
const routes = { ui: route(map, { greet: async ({ name }) => `hello ${name}` }, () => true) };

describe('client', () => {
  it('round-trips through the router with types intact', async () => {
    const client = createClient<typeof map>('ui', async (m) =>
      dispatch(m, null, routes, { foreignChannels: [], answerMalformed: true }),
    );
    await expect(client.request('greet', { name: 'Alice' })).resolves.toBe('hello Alice');
  });

  it('turns an error reply into a MessagingError with its code', async () => {
    const client = createClient<typeof map>('ui', async (m) =>
      dispatch({ ...m, type: 'other' }, null, routes, {
        foreignChannels: [],
        answerMalformed: true,
      }),
    );
    const error = await client.request('greet', { name: 'A' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessagingError);
    expect((error as MessagingError).code).toBe('unknown-type');
  });

  it('reports nobody answering, a send failure, junk and silence as typed errors', async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [async () => undefined, 'unavailable'],
      [async () => Promise.reject(new Error('Receiving end does not exist.')), 'unavailable'],
      [async () => ({ ok: true }), 'malformed-message'],
      [() => new Promise(() => undefined), 'timeout'],
    ];
    for (const [send, code] of cases) {
      const client = createClient<typeof map>('ui', send, 50);
      await expect(client.request('greet', { name: 'A' })).rejects.toMatchObject({ code });
    }
  });
});
