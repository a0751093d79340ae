import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isObject, isString } from '../../../src/core/guard';
import { MessagingError } from '../../../src/messaging/errors';
import { defineRequest } from '../../../src/messaging/request-map';
import { dispatch, route, type Routes } from '../../../src/messaging/router';

interface Ctx {
  trusted: boolean;
}

const map = {
  echo: defineRequest<{ said: string }>()(isObject({ text: isString({ max: 10 }) })),
  explode: defineRequest<never>()(isObject({})),
  refuse: defineRequest<never>()(isObject({})),
};
const routes: Routes<Ctx> = {
  ui: route(
    map,
    {
      echo: async ({ text }) => ({ said: text }),
      explode: async () => {
        throw new Error('boom');
      },
      refuse: async () => {
        throw new MessagingError('unavailable', 'host is gone');
      },
    },
    (ctx) => ctx.trusted,
  ),
};
const options = { foreignChannels: ['host'] as const, answerMalformed: true };
const send = (message: unknown, ctx: Ctx = { trusted: true }) =>
  dispatch(message, ctx, routes, options);
const req = (type: string, payload: unknown, channel = 'ui') => ({
  murmur: 1,
  channel,
  type,
  payload,
});

describe('dispatch', () => {
  it('answers a valid request with the handler result', async () => {
    expect(await send(req('echo', { text: 'hi' }))).toEqual({
      murmur: 1,
      ok: true,
      value: { said: 'hi' },
    });
  });

  it.each([
    ['not an object', 'hello', 'malformed-message'],
    ['wrong version', { ...req('echo', { text: 'x' }), murmur: 2 }, 'malformed-message'],
    ['extra envelope key', { ...req('echo', { text: 'x' }), sneaky: 1 }, 'malformed-message'],
    ['unknown channel', req('echo', { text: 'x' }, 'elsewhere'), 'unknown-channel'],
    ['unknown type', req('nope', {}), 'unknown-type'],
    ['prototype key as type', req('toString', {}), 'unknown-type'],
    ['wrong payload shape', req('echo', { text: 5 }), 'invalid-payload'],
    ['payload too long', req('echo', { text: 'x'.repeat(11) }), 'invalid-payload'],
    ['extra payload key', req('echo', { text: 'x', more: 1 }), 'invalid-payload'],
    ['handler throws', req('explode', {}), 'handler-failed'],
    ['handler throws typed', req('refuse', {}), 'unavailable'],
  ])('%s → %s', async (_name, message, code) => {
    const reply = await send(message);
    expect(reply).toMatchObject({ murmur: 1, ok: false, error: { code } });
  });

  it('refuses senders the channel does not allow', async () => {
    expect(await send(req('echo', { text: 'x' }), { trusted: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('stays silent for channels another context serves, and for junk when told to', () => {
    expect(send(req('anything', {}, 'host'))).toBeUndefined();
    expect(
      dispatch('junk', { trusted: true }, routes, { foreignChannels: [], answerMalformed: false }),
    ).toBeUndefined();
  });

  it('never throws, whatever arrives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (message) => {
        const reply = await send(message);
        expect(reply === undefined || typeof reply.ok === 'boolean').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
