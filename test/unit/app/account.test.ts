import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import {
  changePassphrase,
  createAccount,
  loadIdentity,
  unlockIdentity,
  type UnlockedKeyCache,
} from '../../../src/app/account';
import { Refusal } from '../../../src/core/refusal';
import { MemoryStore } from '../../../src/core/state/memory-store';

/** Session storage as the browser keeps it: gone when the browser quits (a new cache). */
function sessionCache(): UnlockedKeyCache & { value: string | null } {
  return {
    value: null,
    async get() {
      return this.value;
    },
    async set(v) {
      this.value = v;
    },
  };
}

/** The app refuses with a code the page translates. */
const codeOf = (e: unknown) => (e instanceof Refusal ? e.code : String(e));

describe('a passphrase on the identity', () => {
  it('stores the key encrypted, starts each browser session locked, and unlocks with it', async () => {
    const store = new MemoryStore();
    const session = sessionCache();
    const made = await createAccount(store, session, 'Alice', 'long enough passphrase');
    const stored = (await store.getIdentity())!;
    expect(stored.protected).toBe(true);
    expect(
      (await openpgp.readPrivateKey({ armoredKey: stored.armoredPrivateKey })).isDecrypted(),
    ).toBe(false);

    // The background restarts within the session: still unlocked.
    const again = await loadIdentity(store, session);
    expect(again.kind === 'ready' && again.identity.fingerprintHex).toBe(made.fingerprintHex);

    // The browser restarts: locked until the passphrase is given.
    const nextSession = sessionCache();
    expect(await loadIdentity(store, nextSession)).toEqual({
      kind: 'locked',
      displayName: 'Alice',
    });
    const wrong = await unlockIdentity(store, nextSession, 'not it').catch(codeOf);
    expect(wrong).toBe('wrong-passphrase');
    expect(nextSession.value).toBeNull();
    const unlocked = await unlockIdentity(store, nextSession, 'long enough passphrase');
    expect(unlocked.fingerprintHex).toBe(made.fingerprintHex);
    expect((await loadIdentity(store, nextSession)).kind).toBe('ready');
  });

  it('changes or removes only with the current passphrase', async () => {
    const store = new MemoryStore();
    const session = sessionCache();
    const me = await createAccount(store, session, 'Bob', 'first passphrase');
    const refused = await changePassphrase(store, session, me, 'wrong', 'second passphrase').catch(
      codeOf,
    );
    expect(refused).toBe('wrong-passphrase');
    await changePassphrase(store, session, me, 'first passphrase', 'second passphrase');
    expect(await unlockIdentity(store, sessionCache(), 'first passphrase').catch(codeOf)).toBe(
      'wrong-passphrase',
    );
    await unlockIdentity(store, sessionCache(), 'second passphrase');

    await changePassphrase(store, session, me, 'second passphrase', null);
    expect((await store.getIdentity())!.protected).toBe(false);
    expect(session.value).toBeNull();
    expect((await loadIdentity(store, sessionCache())).kind).toBe('ready');
  });

  it('without a passphrase, the key is stored as it is and never locked', async () => {
    const store = new MemoryStore();
    await createAccount(store, sessionCache(), 'Carol');
    expect((await store.getIdentity())!.protected).toBe(false);
    expect((await loadIdentity(store, sessionCache())).kind).toBe('ready');
  });
});
