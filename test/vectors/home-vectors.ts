/** PROTOCOL.md §15's vectors (Murmur homes), computed from fixed inputs by the real code. */
import { fromHex, toHex } from '../../src/core/bytes';
import type { Fingerprint } from '../../src/core/identity/fingerprint';
import { pairingProof } from '../../src/core/identity/home-pairing';
import { encodeMessage } from '../../src/core/messages/codec';
import { messageIdFromBytes } from '../../src/core/messages/message-id';

const PAIRING_SECRET = fromHex('5a'.repeat(16));
const OWNER = '1111111111111111111111111111111111111111' as Fingerprint;
const HOME = '2222222222222222222222222222222222222222' as Fingerprint;

export function homeVectors(): Record<string, Record<string, string>> {
  return {
    'message-friend-request-pairing': {
      message: toHex(
        encodeMessage({
          kind: 'friend-request',
          id: messageIdFromBytes(fromHex('0a'.repeat(16))),
          createdAt: 1_790_000_000_000,
          introduction: '',
          card: fromHex('c0c1c2c3'),
          pairingProof: pairingProof(PAIRING_SECRET, OWNER, HOME),
        }),
      ),
    },
    'message-home-friends': {
      message: toHex(
        encodeMessage({
          kind: 'home-friends',
          updatedAt: 1_790_000_000_000,
          cards: [fromHex('c0c1c2c3'), fromHex('d0d1')],
        }),
      ),
    },
    'message-home-release': {
      message: toHex(encodeMessage({ kind: 'home-release', releasedAt: 1_790_000_000_000 })),
    },
    'message-profile-home': {
      message: toHex(
        encodeMessage({
          kind: 'profile',
          updatedAt: 1_790_000_000_000,
          name: 'Ann',
          status: '',
          avatar: null,
          home: fromHex('c0c1c2c3'),
        }),
      ),
    },
    'home-pairing': {
      secret: toHex(PAIRING_SECRET),
      owner: OWNER,
      home: HOME,
      proof: toHex(pairingProof(PAIRING_SECRET, OWNER, HOME)),
    },
  };
}
