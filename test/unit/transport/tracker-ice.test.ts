/** The STUN/TURN servers a tracker hands out: asked, merged with the user's, renewed in time. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrackerIce } from '../../../src/transport/tracker-ice';

const TURN = { urls: ['turn:t.example:3478'], username: '1:m1', credential: 'c' };
const answer = (ask: number, ttl = 600) => ({
  type: 'MURMUR-ICE',
  payload: { ask, iceServers: [{ urls: ['stun:t.example:3478'] }, TURN], ttl },
});

describe('TrackerIce', () => {
  let sent: { payload: { ask: number } }[];
  const socket = { send: (frame: object) => sent.push(frame as { payload: { ask: number } }) };
  beforeEach(() => {
    sent = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('merges the tracker servers with the user own, and relay-only when asked', async () => {
    const ice = new TrackerIce([{ urls: 'stun:mine.example:3478' }], () => undefined);
    const asked = ice.ask(socket);
    expect(ice.answered(answer(sent[0]!.payload.ask))).toBe(true);
    await asked;
    expect(ice.offer).toBe('turn');
    expect(ice.offersRelay).toBe(true);
    expect(ice.rtcConfig(false)).toEqual({
      iceServers: [{ urls: ['stun:t.example:3478'] }, TURN, { urls: 'stun:mine.example:3478' }],
      iceTransportPolicy: 'all',
    });
    expect(ice.rtcConfig(true).iceTransportPolicy).toBe('relay');
    ice.stop();
  });

  it('asks again before the credentials run out', async () => {
    const ice = new TrackerIce([], () => undefined);
    const asked = ice.ask(socket);
    ice.answered(answer(sent[0]!.payload.ask, 600));
    await asked;
    vi.advanceTimersByTime(479_000);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    expect(sent).toHaveLength(2);
    ice.stop();
  });

  it('ignores answers to other questions and foreign frames; says so when nobody answers', async () => {
    const ice = new TrackerIce([], () => undefined);
    const asked = ice.ask(socket);
    expect(ice.answered({ type: 'OPEN' })).toBe(false);
    expect(ice.answered(answer(999))).toBe(true);
    expect(ice.offer).toBe('asking');
    vi.advanceTimersByTime(5_000);
    await asked;
    expect(ice.offer).toBe('no-answer');
    expect(ice.rtcConfig(false).iceServers).toEqual([]);
    ice.stop();
  });

  it('a refusal keeps what it had and asks again when told', async () => {
    const ice = new TrackerIce([], () => undefined);
    const first = ice.ask(socket);
    ice.answered(answer(sent[0]!.payload.ask));
    await first;
    const second = ice.ask(socket);
    ice.answered({
      type: 'MURMUR-ICE',
      payload: { ask: sent[1]!.payload.ask, refused: 'rate-limited', retryAfter: 300 },
    });
    await second;
    expect(ice.offer).toBe('turn');
    vi.advanceTimersByTime(300_000);
    expect(sent).toHaveLength(3);
    ice.stop();
  });

  it('refuses a hostile answer: too many servers, a bad URL, an absurd lifetime', () => {
    const ice = new TrackerIce([], () => undefined);
    void ice.ask(socket);
    const ask = sent[0]!.payload.ask;
    const many = Array.from({ length: 5 }, () => ({ urls: ['stun:t.example'] }));
    for (const payload of [
      { ask, iceServers: many, ttl: 600 },
      { ask, iceServers: [{ urls: ['http://evil.example'] }], ttl: 600 },
      { ask, iceServers: [], ttl: 10 },
    ])
      expect(ice.answered({ type: 'MURMUR-ICE', payload })).toBe(false);
    expect(ice.offer).toBe('asking');
    ice.stop();
  });
});
