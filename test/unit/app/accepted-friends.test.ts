/**
 * Someone we asked who has not accepted (hostile-peers issue, point 9): they have our card,
 * but our "all friends" posts and our profile are not theirs until they accept.
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { createAccount } from '../../../src/app/account';
import { createIdentity } from '../../../src/core/identity/identity';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { contact, noCache, serviceOver } from './service-harness';

it('an "all friends" post goes to friends who accepted, not to people we only asked', async () => {
  const store = new MemoryStore();
  await createAccount(store, noCache, 'Me');
  const fay = (await createIdentity('Fay')).publicKey;
  const asked = (await createIdentity('Asked')).publicKey;
  await store.putContact(contact(fay, 'Fay'));
  await store.putContact({ ...contact(asked, 'Asked'), state: 'requested' });
  const service = serviceOver(store);
  const sent = await service.ask('posts.publish', { text: 'for my friends' });
  expect(sent.recipients).toBe(1);
  const entry = await store.getOutbox(sent.id);
  expect(entry?.recipients.map((r) => r.fingerprintHex)).toEqual([fay.getFingerprint()]);
});
