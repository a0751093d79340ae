/**
 * The session handshake as a state machine: each step takes where the session is and the frame
 * that came, and says where it goes and what to send. Pure (the keys are in the keyring), so
 * every path — a stranger, a bad proof, a frame out of turn — is a plain function call.
 */
import { bytesEqual } from '../bytes';
import type { Friend, Keyring } from '../keyring';
import type { RelayPolicy } from '../state/records';
import type { Frame } from './frames';
import { friendForHello, initiatorProof, welcomeProof } from './handshake';
import { SessionError } from './session-error';

/**
 * Where a session is, each step holding exactly what it knows: the caller knows its friend from
 * the start; the answerer learns who calls from the HELLO and must still see the PROOF.
 */
export type Phase =
  | { kind: 'calling'; friend: Friend }
  | { kind: 'answering' }
  | { kind: 'welcomed'; friend: Friend; theirChallenge: Uint8Array }
  | { kind: 'established'; friend: Friend; policy: RelayPolicy | null }
  | { kind: 'closed'; friend: Friend | null };

export type HandshakePhase = Extract<Phase, { kind: 'calling' | 'answering' | 'welcomed' }>;

export interface HandshakeContext {
  keyring: Keyring;
  /** Binds the proofs to this channel (its DTLS fingerprints). */
  binding: Uint8Array;
  myChallenge: Uint8Array;
  /** Answering side: one stranger's INTRODUCE is taken instead of a HELLO. */
  acceptIntroductions: boolean;
}

export type HandshakeStep =
  /** A friend's HELLO: answer with WELCOME and wait for their PROOF. */
  | { kind: 'welcome'; next: Extract<Phase, { kind: 'welcomed' }>; send: Frame }
  /** The friend is proven (sending our PROOF first, when we called). */
  | { kind: 'established'; friend: Friend; send: Frame | null }
  /** A stranger's friend request: hand it over, then close. */
  | { kind: 'introduction'; envelope: Uint8Array };

export function handshakeStep(
  phase: HandshakePhase,
  frame: Frame,
  ctx: HandshakeContext,
): HandshakeStep {
  const { keyring, binding, myChallenge } = ctx;
  if (phase.kind === 'answering' && frame.type === 'introduce' && ctx.acceptIntroductions)
    return { kind: 'introduction', envelope: frame.envelope };
  if (phase.kind === 'answering' && frame.type === 'hello') {
    const friend = friendForHello(keyring, frame.challenge, frame.tag);
    if (!friend) throw new SessionError('stranger', 'not a friend');
    return {
      kind: 'welcome',
      next: { kind: 'welcomed', friend, theirChallenge: frame.challenge },
      send: {
        type: 'welcome',
        challenge: myChallenge,
        proof: welcomeProof(friend, frame.challenge, myChallenge, binding, true),
      },
    };
  }
  if (phase.kind === 'welcomed' && frame.type === 'proof') {
    const expected = initiatorProof(
      phase.friend,
      phase.theirChallenge,
      myChallenge,
      binding,
      false,
    );
    if (!bytesEqual(expected, frame.proof))
      throw new SessionError('bad-proof', 'the caller could not prove its key');
    return { kind: 'established', friend: phase.friend, send: null };
  }
  if (phase.kind === 'calling' && frame.type === 'welcome') {
    const friend = phase.friend;
    const expected = welcomeProof(friend, myChallenge, frame.challenge, binding, false);
    if (!bytesEqual(expected, frame.proof))
      throw new SessionError('bad-proof', 'the peer at this id is not our friend');
    return {
      kind: 'established',
      friend,
      send: {
        type: 'proof',
        proof: initiatorProof(friend, myChallenge, frame.challenge, binding, true),
      },
    };
  }
  throw new SessionError('protocol', `unexpected ${frame.type} during handshake`);
}
