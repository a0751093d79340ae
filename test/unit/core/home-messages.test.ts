/**
 * The messages of a Murmur home (PROTOCOL.md §6, §15): a friend request with a pairing proof,
 * a profile naming a home, the owner's friend list for its home — round-trips, and refusals of
 * what a hostile sender might write instead.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../src/core/bytes';
import { decodeMessage, encodeMessage } from '../../../src/core/messages/codec';
import type { Message } from '../../../src/core/messages/kinds';
import { messageIdFromBytes } from '../../../src/core/messages/message-id';

const t = 1_790_000_000_000;
const SAMPLES: Message[] = [
  {
    kind: 'friend-request',
    id: messageIdFromBytes(randomBytes(16)),
    createdAt: t,
    introduction: '',
    card: randomBytes(300),
    pairingProof: randomBytes(32),
  },
  { kind: 'profile', updatedAt: t, name: 'Ann', status: '', avatar: null, home: randomBytes(400) },
  { kind: 'home-friends', updatedAt: t, cards: [randomBytes(400), randomBytes(1)] },
  { kind: 'home-friends', updatedAt: t, cards: [] },
];

describe('home messages', () => {
  it.each(SAMPLES.map((m) => [m.kind, m] as const))('%s round-trips', (_kind, message) => {
    expect(decodeMessage(encodeMessage(message))).toEqual(message);
  });

  it('refuses a flag other than 0 or 1, and cards past the limits', () => {
    const request = encodeMessage(SAMPLES[0] as Message);
    request[request.length - 33] = 2; // the pairing flag
    expect(() => decodeMessage(request)).toThrow(/pairing flag/);
    const profile = encodeMessage(SAMPLES[1] as Message);
    profile[profile.length - 403] = 7; // the home flag
    expect(() => decodeMessage(profile)).toThrow(/home flag/);
    const tooMany = { kind: 'home-friends', updatedAt: t, cards: Array(1001).fill(randomBytes(1)) };
    expect(() => encodeMessage(tooMany as Message)).toThrow(/at most 1000/);
    const tooBig = { kind: 'home-friends', updatedAt: t, cards: [randomBytes(2049)] };
    expect(() => encodeMessage(tooBig as Message)).toThrow();
  });
});
