/**
 * A request the user is expecting gets through (hostile peers, second round, point 5): while
 * someone holding an old card of the user's keeps the strangers' places taken, a call proving
 * the user's current invite link (core/identity/invite-token.ts) comes in a lane of its own;
 * a wrong or missing token does not.
 */
import type { DataConnection } from 'peerjs';
import { expect, it } from 'vitest';
import { generateSigningKey } from '../../../src/core/crypto/ed25519';
import { inviteToken } from '../../../src/core/identity/invite-token';
import { peerIdOf, type PeerId } from '../../../src/core/tracker/peer-id';
import { FriendLinks, type LinkSink } from '../../../src/transport/friend-links';

/** As much of a PeerJS DataConnection as FriendLinks touches before a channel opens. */
function call(peer: PeerId, metadata?: unknown) {
  const fake = {
    peer,
    metadata,
    closed: false,
    on: () => fake,
    close: () => void (fake.closed = true),
  };
  return fake;
}

const sink: LinkSink = {
  open: () => undefined,
  frame: () => undefined,
  closed: () => undefined,
  alive: () => undefined,
  changed: () => undefined,
};

it('admits an invited call while strangers hold every place, and not a forged one', () => {
  const me = peerIdOf(generateSigningKey().publicKey);
  const secret = new Uint8Array(16).fill(7);
  const links = new FriendLinks(
    me,
    sink,
    () => false,
    (caller, metadata) =>
      typeof metadata === 'object' &&
      metadata !== null &&
      'invite' in metadata &&
      metadata.invite === inviteToken(secret, caller, me),
  );
  const accept = (c: ReturnType<typeof call>) => {
    links.accept(c as unknown as DataConnection, 'ws://127.0.0.1:9000/murmur');
    return !c.closed;
  };
  const throwaway = () => peerIdOf(generateSigningKey().publicKey);
  // Mallory's throwaway ids: the strangers' four places, then no more.
  const mallory = Array.from({ length: 6 }, () => accept(call(throwaway())));
  expect(mallory).toEqual([true, true, true, true, false, false]);
  // Someone with a token of another secret, or with Mallory's old card and no token: refused.
  const forger = throwaway();
  expect(accept(call(forger, { invite: inviteToken(new Uint8Array(16), forger, me) }))).toBe(false);
  // Ann, who added the user's invite link: in.
  const ann = throwaway();
  expect(accept(call(ann, { invite: inviteToken(secret, ann, me) }))).toBe(true);
  // Her token shown by someone else is worth nothing: it names her peer id.
  expect(accept(call(throwaway(), { invite: inviteToken(secret, ann, me) }))).toBe(false);
  links.closeAll();
});
