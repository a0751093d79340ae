/**
 * Frames a peer sends faster than we can store them (hostile-peers issue, point 9): within the
 * rate limits, a friend could still pile up frames waiting to be handled without bound.
 */
import { expect, it } from 'vitest';
import { InboundFrames, MAX_WAITING } from '../../../src/core/sync/inbound-frames';
import type { SessionError } from '../../../src/core/sync/session-error';

it('cuts off a peer with more frames waiting than the bound, and handles them in order', async () => {
  const failures: unknown[] = [];
  const handled: number[] = [];
  let release = () => {};
  const blocked = new Promise<void>((resolve) => (release = resolve));
  const inbound = new InboundFrames(
    {},
    async (bytes) => {
      await blocked; // a slow store: nothing is handled until released
      handled.push(bytes[0]!);
    },
    (error) => failures.push(error),
  );
  for (let i = 0; i < MAX_WAITING.frames; i++) inbound.push(Uint8Array.of(i % 256));
  expect(failures).toEqual([]);
  inbound.push(Uint8Array.of(0));
  expect(failures).toHaveLength(1);
  expect((failures[0] as SessionError).code).toBe('rate-limited');
  release();
  await new Promise<void>((resolve) => inbound.then(resolve));
  expect(handled).toHaveLength(MAX_WAITING.frames);
  expect(handled.slice(0, 3)).toEqual([0, 1, 2]);
});
