/**
 * The life of one Murmur: no identity yet, locked (waiting for its passphrase), running, or
 * stopping (a restore is replacing the store). Running holds what exists only together: the
 * unlocked identity, the node over it and each contact's key state. Every request waits for
 * the store to be read first (`ready`).
 */
import { exportPrivateKey, exportPublicKey, type Identity } from '../core/identity/identity';
import { Keyring } from '../core/keyring';
import { MurmurNode, type NodeOptions } from '../core/node/node';
import type { NodeStore } from '../core/state/store-port';
import {
  changePassphrase,
  createAccount,
  importAccount,
  loadIdentity,
  NoIdentityError,
  unlockIdentity,
  type UnlockedKeyCache,
} from './account';
import { loadContactKeys, type ContactKeys } from './contact-keys';
import type { LockStateView } from '../messaging/views';
import type { Fingerprint } from '../core/identity/fingerprint';

export type Life =
  | { kind: 'no-identity' }
  | { kind: 'locked'; displayName: string }
  | Running
  | { kind: 'stopping' };

export interface Running {
  kind: 'running';
  identity: Identity;
  node: MurmurNode;
  contactKeys: ContactKeys;
}

export interface LifeOptions {
  store: NodeStore;
  unlockedKeys: UnlockedKeyCache;
  /** How a new node reports to the rest of the app; `node()` is the node being started. */
  hooks: (
    node: () => MurmurNode,
  ) => Pick<NodeOptions, 'events' | 'onSessionEstablished' | 'onSessionClosed'>;
  /** Whose home this Murmur is (null: a person's). */
  homeOf: () => Promise<Fingerprint | null>;
}

export class MurmurLife {
  private life: Life = { kind: 'no-identity' };
  private ready: Promise<void>;

  constructor(private readonly options: LifeOptions) {
    this.ready = this.load();
  }

  /** Where it is now, once the store has been read. */
  async now(): Promise<Life> {
    await this.ready;
    return this.life;
  }

  /** The running Murmur, or NoIdentityError. */
  async running(): Promise<Running> {
    const running = await this.runningOrNull();
    if (!running) throw new NoIdentityError();
    return running;
  }

  /** The running Murmur, or null when there is none (no identity, locked, stopping). */
  async runningOrNull(): Promise<Running | null> {
    const life = await this.now();
    return life.kind === 'running' ? life : null;
  }

  async lockState(): Promise<LockStateView> {
    const life = await this.now();
    const record = await this.options.store.getIdentity();
    return {
      exists: record !== undefined,
      locked: life.kind === 'locked',
      protected: record?.protected ?? false,
      displayName:
        life.kind === 'running' ? life.identity.displayName : (record?.displayName ?? ''),
    };
  }

  private async load(): Promise<void> {
    const { store, unlockedKeys } = this.options;
    const loaded = await loadIdentity(store, unlockedKeys);
    if (loaded.kind === 'locked') this.life = { kind: 'locked', displayName: loaded.displayName };
    else if (loaded.kind === 'ready') await this.startNode(loaded.identity);
    else this.life = { kind: 'no-identity' };
  }

  async unlock(passphrase: string): Promise<Identity> {
    const life = await this.now();
    if (life.kind === 'running') return life.identity;
    const { store, unlockedKeys } = this.options;
    return (await this.startNode(await unlockIdentity(store, unlockedKeys, passphrase))).identity;
  }

  async create(displayName: string, passphrase?: string): Promise<Identity> {
    await this.ready;
    const { store, unlockedKeys } = this.options;
    const identity = await createAccount(store, unlockedKeys, displayName, passphrase);
    return (await this.startNode(identity)).identity;
  }

  async import(armored: string, passphrase?: string): Promise<Identity> {
    await this.ready;
    const { store, unlockedKeys } = this.options;
    const identity = await importAccount(store, unlockedKeys, armored, passphrase);
    return (await this.startNode(identity)).identity;
  }

  /** Sets, changes or removes (next: null) the passphrase; `current` when there is one. */
  async setPassphrase(current: string | undefined, next: string | null): Promise<void> {
    const { identity } = await this.running();
    const { store, unlockedKeys } = this.options;
    await changePassphrase(store, unlockedKeys, identity, current, next);
  }

  /** The public key, or (with a passphrase to protect it) the private key, armoured. */
  async exportKeys(passphrase?: string): Promise<string> {
    const { identity } = await this.running();
    return passphrase ? exportPrivateKey(identity, passphrase) : exportPublicKey(identity);
  }

  /** Before the store is replaced (a restore): the node is dropped. */
  async stop(): Promise<void> {
    await this.ready;
    this.life = { kind: 'stopping' };
  }

  /** Starts again from whatever the store holds now. */
  async start(): Promise<void> {
    this.ready = this.load();
    await this.ready;
  }

  private async startNode(identity: Identity): Promise<Running> {
    const { store } = this.options;
    const keyring = new Keyring(identity);
    const contacts = await store.listContacts();
    // Someone we asked is in the keyring too: when they accept and call, we know them.
    const contactKeys = await loadContactKeys(
      contacts.filter((c) => c.state === 'friend' || c.state === 'requested'),
      keyring,
      Date.now(),
    );
    const homeOf = await this.options.homeOf();
    const node: MurmurNode = new MurmurNode({
      keyring,
      store,
      ...(homeOf ? { homeOf } : {}),
      ...this.options.hooks(() => node),
    });
    const running: Running = { kind: 'running', identity, node, contactKeys };
    this.life = running;
    return running;
  }
}
