/**
 * What the user sees before accepting a friend request or adding someone from an invite link,
 * beyond a name the other chose and their note: the safety number the two would share (to
 * compare by phone before trusting the key), and which of the user's friends also have them as a
 * friend (from the lists friends share).
 */
import * as openpgp from 'openpgp';
import { contactCardFromText } from '../core/identity/contact-card';
import type { Identity } from '../core/identity/identity';
import { encryptionSubkeyOf } from '../core/identity/key-material';
import { safetyNumber } from '../core/identity/safety-number';
import { fromHex } from '../core/bytes';
import type { NodeStore } from '../core/state/store-port';
import type { InvitePreview, RequestView } from '../messaging/views';
import { pendingRequests } from './friend-requests';
import { readStoredFriendKey, requireValid } from '../core/identity/friend-key';
import { fingerprintFromBytes } from '../core/identity/fingerprint';
import { fingerprintBytes } from '../core/identity/key-material';
import { cardRefusal, refusing } from './refusals';
import { nameTakenByAnother } from './name-clashes';
import { inCommonWithStranger } from './friends-in-common';

/** Pending requests as the Friends screen shows them; without an identity, no safety numbers. */
export async function requestsToShow(
  store: NodeStore,
  me: Identity | null,
): Promise<RequestView[]> {
  const [requests, contacts] = await Promise.all([pendingRequests(store), store.listContacts()]);
  return Promise.all(
    requests.map(async (r) => ({
      ...r,
      safetyNumber: me ? await safetyNumberWith(me, r.card) : null,
      inCommon: inCommonWithStranger(contacts, r.fingerprint),
      nameClash: nameTakenByAnother(
        r.displayName,
        r.fingerprint,
        contacts,
        me?.displayName ?? null,
      ),
    })),
  );
}

/**
 * An invite link opened (or a card pasted), before anything is added: who it is, whether they
 * are already a friend or the user themself, and what to check. An unreadable card or a key
 * that is not valid now is the same refusal adding it would give.
 */
export async function previewInvite(
  store: NodeStore,
  me: Identity,
  cardText: string,
): Promise<InvitePreview> {
  const card = await refusing(
    Promise.resolve().then(() => contactCardFromText(cardText)),
    cardRefusal,
  );
  const { key } = await refusing(
    readStoredFriendKey(card.publicKey).then(requireValid),
    cardRefusal,
  );
  const fingerprint = fingerprintFromBytes(fingerprintBytes(key));
  if (fingerprint === me.fingerprintHex) return { kind: 'own' };
  const contact = await store.getContact(fingerprint);
  const displayName = card.displayName;
  if (contact?.state === 'friend')
    return { kind: 'friend', fingerprint, displayName: contact.displayName };
  const them = { fingerprint: fingerprintBytes(key), encryption: encryptionSubkeyOf(key) };
  const contacts = await store.listContacts();
  return {
    kind: contact?.state === 'requested' ? 'asked' : 'new',
    fingerprint,
    displayName,
    safetyNumber: safetyNumber(me, them),
    inCommon: inCommonWithStranger(contacts, fingerprint),
    nameClash: nameTakenByAnother(displayName, fingerprint, contacts, me.displayName),
  };
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
