/**
 * What the user sees before accepting a friend request, beyond a name the asker chose and their
 * note: the safety number the two would share (to compare by phone before trusting the key), and
 * which of the user's friends also have the asker as a friend (from the lists friends share).
 */
import * as openpgp from 'openpgp';
import { contactCardFromText } from '../core/identity/contact-card';
import type { Identity } from '../core/identity/identity';
import { encryptionSubkeyOf } from '../core/identity/key-material';
import { safetyNumber } from '../core/identity/safety-number';
import { fromHex } from '../core/bytes';
import type { NodeStore } from '../core/state/store-port';
import type { RequestView } from '../messaging/views';
import { pendingRequests } from './friend-requests';

/** Pending requests as the Friends screen shows them; without an identity, no safety numbers. */
export async function requestsToShow(
  store: NodeStore,
  me: Identity | null,
): Promise<RequestView[]> {
  const [requests, contacts] = await Promise.all([pendingRequests(store), store.listContacts()]);
  const friends = contacts.filter((c) => c.state === 'friend');
  return Promise.all(
    requests.map(async (r) => ({
      ...r,
      safetyNumber: me ? await safetyNumberWith(me, r.card) : null,
      mutualFriends: friends
        .filter((f) => f.friendList?.some((x) => x.fingerprint === r.fingerprint))
        .map((f) => f.displayName),
    })),
  );
}

/** Null when the card's key cannot be read (the request is shown, but not as checkable). */
async function safetyNumberWith(me: Identity, cardText: string): Promise<string | null> {
  try {
    const key = await openpgp.readKey({ binaryKey: contactCardFromText(cardText).publicKey });
    const them = {
      fingerprint: fromHex(key.getFingerprint()),
      encryption: encryptionSubkeyOf(key),
    };
    return safetyNumber(me, them);
  } catch {
    return null;
  }
}
