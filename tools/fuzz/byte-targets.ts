/**
 * The decoders of bytes from outside the user's browser: messages, envelopes and their parts,
 * contact cards, OpenPGP packet framing, sync frames. Each gives a value or a DecodeError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex } from '../../src/core/bytes';
import { DecodeError } from '../../src/core/codec/decode-error';
import { decodeContactCard, encodeContactCard } from '../../src/core/identity/contact-card';
import { decodeEnvelope, decodeHeader } from '../../src/core/envelope/format';
import { decodeInner, encodeInner } from '../../src/core/envelope/inner';
import { splitPackets } from '../../src/core/envelope/openpgp-packets';
import { decodeMessage, encodeMessage } from '../../src/core/messages/codec';
import type { Message } from '../../src/core/messages/kinds';
import { messageIdFromBytes } from '../../src/core/messages/message-id';
import { decodeFrame, encodeFrame } from '../../src/core/sync/frames';
import { ROOT } from '../build';
import { mutate, randomBytes } from './inputs';
import { bytesTarget, SAMPLE_CARD, type FuzzTarget } from './target';

const typed = (error: unknown) => error instanceof DecodeError;
const id = (n: number) => messageIdFromBytes(new Uint8Array(16).fill(n));
const t = 1_790_000_000_000;
const thumb = { type: 'jpeg' as const, width: 2, height: 2, data: new Uint8Array(40).fill(9) };

const MESSAGES: Message[] = [
  {
    kind: 'post',
    id: id(1),
    createdAt: t,
    text: 'Sunny day',
    thumbnails: [thumb],
    audience: { kind: 'list', name: 'club' },
    mirroredFrom: null,
  },
  { kind: 'direct', id: id(2), createdAt: t, text: 'hi' },
  {
    kind: 'reply',
    id: id(3),
    createdAt: t,
    postAuthor: new Uint8Array(20).fill(4),
    postId: id(5),
    parentReplyId: null,
    visibility: 'public',
    text: 'same',
  },
  { kind: 'profile', updatedAt: t, name: 'Ann', status: 'away', avatar: thumb, home: null },
  { kind: 'home-friends', updatedAt: t, cards: [new Uint8Array(80).fill(3)] },
  {
    kind: 'friend-request',
    id: id(6),
    createdAt: t,
    introduction: 'hello',
    card: new Uint8Array(60).fill(1),
    pairingProof: new Uint8Array(32).fill(7),
  },
];

const CARD = encodeContactCard(SAMPLE_CARD);

const ENVELOPE = fromHex(readFileSync(join(ROOT, 'test/vectors/envelope-v1.hex'), 'utf8').trim());

const FRAMES = [
  encodeFrame({ type: 'hello', challenge: new Uint8Array(16), tag: new Uint8Array(16) }),
  encodeFrame({ type: 'request', ids: [new Uint8Array(32).fill(1)] }),
  encodeFrame({ type: 'ack', ids: [new Uint8Array(32).fill(2)] }),
  encodeFrame({ type: 'envelope', bytes: ENVELOPE }),
  encodeFrame({ type: 'bye', code: 'done', reason: 'bye' }),
];

export function byteTargets(): FuzzTarget<Uint8Array>[] {
  const random = (r: Parameters<typeof randomBytes>[0]) => randomBytes(r, 512);
  const target = (name: string, decode: (b: Uint8Array) => unknown, seeds: Uint8Array[]) =>
    bytesTarget(name, decode, seeds, typed, mutate, random);
  return [
    target('message', decodeMessage, MESSAGES.map(encodeMessage)),
    target('envelope', decodeEnvelope, [ENVELOPE]),
    target('envelope header', decodeHeader, [ENVELOPE]),
    target(
      'sealed content',
      decodeInner,
      MESSAGES.map((m) => encodeInner(new Uint8Array(32), new Uint8Array(20), encodeMessage(m))),
    ),
    target('contact card', decodeContactCard, [CARD]),
    target('OpenPGP packets', (b) => splitPackets(b, 100), [ENVELOPE.subarray(60)]),
    target('sync frame', decodeFrame, FRAMES),
  ];
}
