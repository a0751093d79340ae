/**
 * Decoders of text from outside: contact cards and invite links (pasted, or read from a page),
 * tracker addresses, base64url, the invite tab's address, tracker proof tokens.
 */
import { fromBase64Url } from '../../src/core/bytes';
import { DecodeError } from '../../src/core/codec/decode-error';
import { generateSigningKey } from '../../src/core/crypto/ed25519';
import {
  cardTextOfInviteLink,
  contactCardFromText,
  contactCardToText,
} from '../../src/core/identity/contact-card';
import { judgeInviteOpening } from '../../src/core/identity/invite-opening';
import { parseTrackerUrl } from '../../src/core/tracker-url';
import { checkProofToken, makeProofToken, ProofError } from '../../src/core/tracker/proof';
import { peerIdOf } from '../../src/core/tracker/peer-id';
import { readInviteTabFragment } from '../../src/messaging/invite-tab-address';
import { mutateText, randomText } from './inputs';
import { SAMPLE_CARD, type FuzzTarget } from './target';

const CARD = contactCardToText(SAMPLE_CARD);
const LINK = `https://tracker.example/murmur/invite#${CARD}`;

function textTarget(
  name: string,
  seeds: string[],
  handle: (text: string) => unknown,
  typed: (error: unknown) => boolean = () => false,
  weight = 1,
): FuzzTarget<string> {
  return {
    name,
    weight,
    input: (r) => (r.int(2) === 0 ? mutateText(r, r.pick(seeds)) : randomText(r, 200)),
    handle: (text) => {
      const out = handle(text);
      return out instanceof Promise ? out.then(() => undefined) : undefined;
    },
    typed,
    show: (text) => JSON.stringify(text.slice(0, 300)),
  };
}

export async function textTargets(): Promise<FuzzTarget<string>[]> {
  const key = generateSigningKey();
  const peerId = peerIdOf(key.publicKey);
  const token = await makeProofToken(key, '127.0.0.1:9000', new Uint8Array(24).fill(1));
  const isDecodeError = (e: unknown) => e instanceof DecodeError;
  return [
    textTarget(
      'contact card text',
      [CARD, LINK, `web+murmur:${CARD}`],
      contactCardFromText,
      isDecodeError,
    ),
    textTarget('invite link', [LINK], cardTextOfInviteLink),
    textTarget(
      'tracker URL',
      ['wss://tracker.example/murmur', 'ws://127.0.0.1:9000/murmur'],
      parseTrackerUrl,
    ),
    textTarget('base64url', ['AQAEmQABAgNBbm4F', CARD.slice(8)], fromBase64Url),
    textTarget(
      'invite tab address',
      [`#invite=${CARD}&site=tracker.example`, '#invite-refused=redirected&site=x'],
      readInviteTabFragment,
    ),
    textTarget('invite opening', [LINK, 'http://127.0.0.1:9000/murmur/invite'], (t) =>
      judgeInviteOpening(t, t.length % 2 === 0),
    ),
    textTarget(
      'tracker proof token',
      [token],
      (t) =>
        checkProofToken(t, '127.0.0.1:9000', peerId).catch((error: unknown) => {
          if (!(error instanceof ProofError)) throw error;
        }),
      () => false,
      0.2,
    ),
  ];
}
