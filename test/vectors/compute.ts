/**
 * The protocol's test vectors, computed from fixed inputs by the real code. PROTOCOL.md
 * embeds the output; test/unit/core/vectors.test.ts recomputes and compares, so the spec and
 * the code cannot drift. `npx tsx test/vectors/compute.ts` prints them.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { fromHex, toHex } from '../../src/core/bytes';
import { contactCardToText, encodeContactCard } from '../../src/core/identity/contact-card';
import { inviteLinkOf } from '../../src/core/identity/invite-link';
import { safetyNumber } from '../../src/core/identity/safety-number';
import {
  encodeHeader,
  envelopeId,
  headerBinding,
  encodeEnvelope,
} from '../../src/core/envelope/format';
import {
  commitmentFor,
  direction,
  hintFor,
  pairwiseKeys,
  receiptTokenFor,
} from '../../src/core/envelope/pairwise';
import { buildPkesk } from '../../src/core/envelope/pkesk';
import { encodeMessage } from '../../src/core/messages/codec';
import type { Friend } from '../../src/core/keyring';
import { encodeFrame } from '../../src/core/sync/frames';
import { helloTag, initiatorProof, welcomeProof } from '../../src/core/sync/handshake';
import { signingKeyFromSeed } from '../../src/core/crypto/ed25519';
import { peerIdOf } from '../../src/core/tracker/peer-id';
import { makeProofToken } from '../../src/core/tracker/proof';
import { turnCredential } from '../../src/core/tracker/turn-credentials';
import { inviteToken } from '../../src/core/identity/invite-token';
import type { PeerId } from '../../src/core/tracker/peer-id';
import { messageIdFromBytes } from '../../src/core/messages/message-id';
import { homeVectors } from './home-vectors';

export type Vector = Record<string, string>;

const A_SECRET = fromHex('a8'.repeat(32));
const B_SECRET = fromHex('b0'.repeat(32));
const A_FP = fromHex('1111111111111111111111111111111111111111');
const B_FP = fromHex('2222222222222222222222222222222222222222');
const A_SUB_FP = fromHex('3333333333333333333333333333333333333333');
const B_SUB_FP = fromHex('4444444444444444444444444444444444444444');
const NONCE = fromHex('000102030405060708090a0b0c0d0e0f');
const CHALLENGE_C = fromHex('c0'.repeat(16));
const CHALLENGE_B = fromHex('b1'.repeat(16));
const BINDING = fromHex('bd'.repeat(32));

const TRACKER_SEED = fromHex('7e'.repeat(32));
const TRACKER_CHALLENGE = fromHex('c4'.repeat(24));

export async function computeVectors(): Promise<Record<string, Vector>> {
  const trackerKey = signingKeyFromSeed(TRACKER_SEED);
  const keysAB = pairwiseKeys(A_SECRET, A_FP, x25519.getPublicKey(B_SECRET), B_FP);
  const dirAB = direction(A_FP, B_FP);
  // The two sides' views of each other, as a keyring holds them (only these fields are used).
  const aSeesB = { keys: keysAB, dirFromMe: dirAB, dirToMe: direction(B_FP, A_FP) } as Friend;
  const bSeesA = { keys: keysAB, dirFromMe: direction(B_FP, A_FP), dirToMe: dirAB } as Friend;
  const token = receiptTokenFor(keysAB, NONCE, dirAB);

  const ephemeralSecret = fromHex('e0'.repeat(32));
  const pkesk = await buildPkesk(
    {
      publicKey: x25519.getPublicKey(ephemeralSecret),
      agree: async (peer) => x25519.getSharedSecret(ephemeralSecret, peer),
    },
    {
      publicKey: x25519.getPublicKey(B_SECRET),
      fingerprint: fromHex('33'.repeat(20)),
      kdfHash: 8,
      kdfCipher: 7,
    },
    fromHex('5e'.repeat(32)),
  );

  const header = {
    version: 1,
    hopLimit: 2,
    hopsLeft: 2,
    expiresAt: 4_000_000_000,
    nonce: NONCE,
    slots: [
      {
        hint: fromHex('0102030405060708'),
        commitment: fromHex('1112131415161718191a1b1c1d1e1f20'),
      },
    ],
  };
  const body = fromHex('c103aabbcc' + 'd203ddeeff');

  const card = {
    publicKey: fromHex('99000102'),
    displayName: 'Ann',
    peerId: 'm0123',
    tracker: 'ws://127.0.0.1:9000/murmur',
    inviteSecret: fromHex('ab'.repeat(16)),
  };

  return {
    'safety-number': {
      fingerprint_a: toHex(A_FP),
      encryption_fingerprint_a: toHex(A_SUB_FP),
      fingerprint_b: toHex(B_FP),
      encryption_fingerprint_b: toHex(B_SUB_FP),
      safety_number: safetyNumber(
        { fingerprint: A_FP, encryption: { fingerprint: A_SUB_FP } },
        { fingerprint: B_FP, encryption: { fingerprint: B_SUB_FP } },
      ),
    },
    'pairwise-keys': {
      x25519_secret_a: toHex(A_SECRET),
      x25519_public_b: toHex(x25519.getPublicKey(B_SECRET)),
      fingerprint_a: toHex(A_FP),
      fingerprint_b: toHex(B_FP),
      hint_key: toHex(keysAB.hintKey),
      receipt_key: toHex(keysAB.receiptKey),
      session_key: toHex(keysAB.sessionKey),
    },
    'tracker-proof': {
      tracker_seed: toHex(TRACKER_SEED),
      tracker_public_key: toHex(trackerKey.publicKey),
      peer_id: peerIdOf(trackerKey.publicKey),
      host: '127.0.0.1:9000',
      challenge: toHex(TRACKER_CHALLENGE),
      token: await makeProofToken(trackerKey, '127.0.0.1:9000', TRACKER_CHALLENGE),
    },
    'invite-token': {
      invite_secret: 'ab'.repeat(16),
      caller: peerIdOf(trackerKey.publicKey),
      callee: 'm0123456789abcdef0123456789abcdef',
      token: inviteToken(
        fromHex('ab'.repeat(16)),
        peerIdOf(trackerKey.publicKey),
        'm0123456789abcdef0123456789abcdef' as PeerId,
      ),
    },
    'turn-credential': {
      secret: 'north-window-lantern',
      peer_id: peerIdOf(trackerKey.publicKey),
      expires_at: '1796256000',
      ...turnCredential('north-window-lantern', peerIdOf(trackerKey.publicKey), 1796256000),
    },
    'sync-handshake': {
      caller: 'A (fingerprint_a above), calling B',
      challenge_caller: toHex(CHALLENGE_C),
      challenge_callee: toHex(CHALLENGE_B),
      binding: toHex(BINDING),
      hello_tag: toHex(helloTag(aSeesB, CHALLENGE_C)),
      welcome_proof: toHex(welcomeProof(bSeesA, CHALLENGE_C, CHALLENGE_B, BINDING, true)),
      caller_proof: toHex(initiatorProof(aSeesB, CHALLENGE_C, CHALLENGE_B, BINDING, true)),
    },
    'sync-frames': {
      policy: toHex(
        encodeFrame({
          type: 'policy',
          policy: { maxMessageBytes: 65536, maxHoldSeconds: 1209600, quotaBytes: 52428800 },
        }),
      ),
      offer: toHex(
        encodeFrame({
          type: 'offer',
          entries: [
            {
              id: fromHex('11'.repeat(32)),
              size: 1234,
              expiresAt: 4_000_000_000,
              hopsLeft: 2,
              header: encodeHeader(header),
            },
          ],
        }),
      ),
      receipts: toHex(
        encodeFrame({
          type: 'receipts',
          entries: [{ id: fromHex('11'.repeat(32)), slot: 0, token: token }],
        }),
      ),
    },
    'slot-values': {
      nonce: toHex(NONCE),
      direction_a_to_b: String(dirAB),
      hint: toHex(hintFor(keysAB, NONCE, dirAB)),
      receipt_token: toHex(token),
      receipt_commitment: toHex(commitmentFor(token)),
    },
    pkesk: {
      ephemeral_secret: toHex(ephemeralSecret),
      recipient_public: toHex(x25519.getPublicKey(B_SECRET)),
      recipient_subkey_fingerprint: '33'.repeat(20),
      kdf: 'SHA256 (8), AES-128 key wrap (7)',
      session_key: '5e'.repeat(32),
      packet: toHex(pkesk),
    },
    'envelope-header': {
      header: toHex(encodeHeader(header)),
      body: toHex(body),
      envelope: toHex(encodeEnvelope(header, body)),
      id: envelopeId(encodeEnvelope(header, body)),
      binding_with_body_pkesk: toHex(headerBinding(header, [body.subarray(0, 5)])),
    },
    ...homeVectors(),
    'message-direct': {
      message: toHex(
        encodeMessage({
          kind: 'direct',
          id: messageIdFromBytes(fromHex('0f'.repeat(16))),
          createdAt: 1_790_000_000_000,
          text: 'Hi ✓',
        }),
      ),
    },
    'message-post': {
      message: toHex(
        encodeMessage({
          kind: 'post',
          id: messageIdFromBytes(fromHex('0e'.repeat(16))),
          createdAt: 1_790_000_000_000,
          text: 'Up the hill',
          thumbnails: [{ type: 'jpeg', width: 2, height: 1, data: fromHex('ffd8ffd9') }],
          audience: { kind: 'list', name: 'family' },
          mirroredFrom: { source: 'facebook', publishedAt: 1_789_999_999_000 },
        }),
      ),
    },
    'message-friend-list': {
      message: toHex(
        encodeMessage({
          kind: 'friend-list',
          updatedAt: 1_790_000_000_000,
          friends: [{ fingerprint: fromHex('0d'.repeat(20)), name: 'Carol' }],
        }),
      ),
    },
    'message-shared-reply': {
      message: toHex(
        encodeMessage({
          kind: 'shared-reply',
          createdAt: 1_790_000_000_000,
          authorName: 'Bob',
          authorKey: fromHex('c6'.repeat(4)),
          signedData: fromHex('01' + '0b'.repeat(52) + '0301'),
          signature: fromHex('c2'.repeat(3)),
        }),
      ),
    },
    'contact-card': {
      card: toHex(encodeContactCard(card)),
      text: contactCardToText(card),
    },
    'invite-link': {
      tracker: card.tracker,
      link: inviteLinkOf(contactCardToText(card), card.tracker) ?? '',
      secure_tracker: 'wss://tracker.example:443/murmur/',
      secure_link: inviteLinkOf(contactCardToText(card), 'wss://tracker.example:443/murmur/') ?? '',
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, vector] of Object.entries(await computeVectors())) {
    console.log('```vector ' + name);
    for (const [k, v] of Object.entries(vector)) console.log(`${k}: ${v}`);
    console.log('```\n');
  }
}
