/**
 * Presence answers from a tracker that lies (hostile-peers issue): only ids the client asked
 * about count, only for the ask named, and a tracker that never answers costs one timeout.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresenceAsks } from '../../../src/core/tracker/presence-asks';
import { MAX_PRESENCE_IDS, PRESENCE_TYPE } from '../../../src/core/tracker/frames';
import { peerIdFor } from '../peer-ids';

const ann = peerIdFor('ann');
const ben = peerIdFor('ben');
const stranger = peerIdFor('stranger');
const answer = (ask: number, online: unknown[]) => ({
  type: PRESENCE_TYPE,
  payload: { ask, online },
});

afterEach(() => vi.useRealTimers());

describe('asking a tracker who is online', () => {
  it('counts only the ids asked about, however many more the tracker names', async () => {
    const asks = new PresenceAsks(5_000);
    const { frame, answer: online } = asks.ask([ann, ben]);
    expect(frame).toEqual({ type: PRESENCE_TYPE, payload: { ask: 1, ids: [ann, ben] } });
    expect(asks.answered(answer(1, [stranger, ben]))).toBe(true);
    expect(await online).toEqual([ben]);
  });

  it('matches answers to their ask: an answer to another ask or a second answer changes nothing', async () => {
    const asks = new PresenceAsks(5_000);
    const first = asks.ask([ann]);
    const second = asks.ask([ben]);
    asks.answered(answer(2, [ben]));
    asks.answered(answer(2, [])); // a replay is ignored: the ask is answered
    asks.answered(answer(1, [ann]));
    expect(await Promise.all([first.answer, second.answer])).toEqual([[ann], [ben]]);
  });

  it('leaves PeerJS’s own frames and malformed answers to others', () => {
    const asks = new PresenceAsks(5_000);
    asks.ask([ann]);
    expect(asks.answered({ type: 'OPEN' })).toBe(false);
    expect(asks.answered(answer(1, ['not a peer id']))).toBe(false);
    expect(asks.answered(answer(1, Array(MAX_PRESENCE_IDS + 1).fill(ann)))).toBe(false);
  });

  it('ends empty when the tracker does not answer in time', async () => {
    vi.useFakeTimers();
    const asks = new PresenceAsks(5_000);
    const { answer: online } = asks.ask([ann]);
    vi.advanceTimersByTime(5_000);
    expect(await online).toEqual([]);
    expect(asks.answered(answer(1, [ann]))).toBe(true); // too late: nobody waits for it
  });

  it('asks about at most as many ids as a tracker takes, and counts only those', async () => {
    const asks = new PresenceAsks(5_000);
    const many = Array.from({ length: MAX_PRESENCE_IDS + 1 }, (_, i) => peerIdFor(`p${i}`));
    const { frame, answer: online } = asks.ask(many);
    expect(frame.payload.ids).toHaveLength(MAX_PRESENCE_IDS);
    asks.answered(answer(1, [many[0], many[MAX_PRESENCE_IDS]]));
    expect(await online).toEqual([many[0]]);
  });
});
