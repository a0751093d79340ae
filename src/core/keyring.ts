/**
 * Who I am and who my friends are, with what the envelope needs precomputed per friend:
 * their encryption subkey and our pairwise keys. `matchSlots` is the cheap recipient check:
 * one SHA-256 block per friend per envelope (less: see HintHash), independent of the number of
 * slots. A hint (HINT_BYTES = 8) is compared as two big-endian words.
 */
import type * as openpgp from 'openpgp';
import { u32At } from './bytes';
import { HintHash, nonceWords } from './crypto/hint-hash';
import { direction, pairwiseKeys, pairwiseKeysAsync, type PairwiseKeys } from './envelope/pairwise';
import type { Slot } from './envelope/format';
import type { Identity } from './identity/identity';
import {
  encryptionSubkeyOf,
  fingerprintBytes,
  type EncryptionSubkey,
} from './identity/key-material';
import { entryOf } from './map-entry';
import { fingerprintFromBytes, type Fingerprint } from './identity/fingerprint';

export interface Friend {
  fingerprint: Uint8Array;
  fingerprintHex: Fingerprint;
  publicKey: openpgp.PublicKey;
  encryption: EncryptionSubkey;
  keys: PairwiseKeys;
  /** Direction byte of messages from me to them, and from them to me. */
  dirFromMe: 0 | 1;
  dirToMe: 0 | 1;
  /**
   * When their key expired; null while it is valid. An expired friend's messages still open
   * (what they signed while the key was valid verifies), but nothing new is sealed to them.
   */
  keyExpiredAt: number | null;
  /**
   * Whose Murmur home this is (an always-on node of theirs that cannot read what it carries):
   * our own home's owner is us; a friend's home is named in their profile. null: a person.
   */
  homeOf: Fingerprint | null;
}

export interface AddFriendOptions {
  keyExpiredAt?: number;
  homeOf?: Fingerprint;
}

interface MatchEntry {
  friend: Friend;
  hash: HintHash;
}

export interface SlotMatch {
  slot: number;
  friend: Friend;
}

export class Keyring {
  private readonly friends = new Map<string, Friend>();
  private entries: MatchEntry[] = [];

  constructor(readonly me: Identity) {}

  addFriend(publicKey: openpgp.PublicKey, options: AddFriendOptions = {}): Friend {
    const fingerprint = fingerprintBytes(publicKey);
    const encryption = encryptionSubkeyOf(publicKey);
    return this.remember(
      publicKey,
      options,
      pairwiseKeys(
        this.me.encryptionSecret,
        this.me.fingerprint,
        encryption.publicKey,
        fingerprint,
      ),
    );
  }

  /** Like addFriend, with the key agreement done by WebCrypto (for many friends at once). */
  async addFriendAsync(
    publicKey: openpgp.PublicKey,
    options: AddFriendOptions = {},
  ): Promise<Friend> {
    const fingerprint = fingerprintBytes(publicKey);
    const encryption = encryptionSubkeyOf(publicKey);
    return this.remember(
      publicKey,
      options,
      await pairwiseKeysAsync(
        this.me.encryptionSecret,
        this.me.fingerprint,
        encryption.publicKey,
        fingerprint,
      ),
    );
  }

  private remember(
    publicKey: openpgp.PublicKey,
    options: AddFriendOptions,
    keys: PairwiseKeys,
  ): Friend {
    const fingerprint = fingerprintBytes(publicKey);
    const friend: Friend = {
      fingerprint,
      fingerprintHex: fingerprintFromBytes(fingerprint),
      publicKey,
      encryption: encryptionSubkeyOf(publicKey),
      keys,
      dirFromMe: direction(this.me.fingerprint, fingerprint),
      dirToMe: direction(fingerprint, this.me.fingerprint),
      keyExpiredAt: options.keyExpiredAt ?? null,
      homeOf: options.homeOf ?? null,
    };
    this.friends.set(friend.fingerprintHex, friend);
    this.rebuild();
    return friend;
  }

  removeFriend(fingerprintHex: Fingerprint): void {
    this.friends.delete(fingerprintHex);
    this.rebuild();
  }

  friend(fingerprintHex: Fingerprint): Friend | undefined {
    return this.friends.get(fingerprintHex);
  }

  /** A friend we may seal new messages to: known, and their key not expired. */
  /**
   * A friend content may be sealed to: a key that has not expired, and a person — never a
   * Murmur home, which carries what it is given and must not be able to read any of it.
   */
  writableFriend(fingerprintHex: Fingerprint): Friend | undefined {
    const friend = this.friends.get(fingerprintHex);
    return friend && writable(friend) ? friend : undefined;
  }

  writableList(): Friend[] {
    return this.list().filter(writable);
  }

  get size(): number {
    return this.friends.size;
  }

  list(): Friend[] {
    return [...this.friends.values()];
  }

  private rebuild(): void {
    this.entries = this.list().map((friend) => ({
      friend,
      hash: new HintHash(friend.keys.hintKey, friend.dirToMe),
    }));
  }

  /** Slots addressed to me by a friend. Usually none or one. */
  matchSlots(nonce: Uint8Array, slots: readonly Slot[]): SlotMatch[] {
    const hints = new Uint32Array(2 * slots.length);
    slots.forEach(({ hint }, i) => {
      hints[2 * i] = u32At(hint, 0);
      hints[2 * i + 1] = u32At(hint, 4);
    });
    return this.matchHints(nonce, hints);
  }

  /** The same, with the hints as words (high, low per slot; see hintWordsOf). */
  matchHints(nonce: Uint8Array, hints: Uint32Array): SlotMatch[] {
    const matches: SlotMatch[] = [];
    const words = nonceWords(nonce);
    // Most envelopes have a slot or a few: a scan beats building a lookup.
    const byHigh = hints.length > 2 * SCAN_SLOTS ? slotsByHigh(hints) : null;
    for (const { friend, hash } of this.entries) {
      hash.run(words);
      if (byHigh) {
        for (const slot of byHigh.get(hash.high) ?? [])
          if (hints[2 * slot + 1] === hash.low) matches.push({ slot, friend });
      } else
        for (let i = 0; i < hints.length; i += 2)
          if (hints[i] === hash.high && hints[i + 1] === hash.low)
            matches.push({ slot: i >> 1, friend });
    }
    return matches;
  }
}

const SCAN_SLOTS = 32;

function slotsByHigh(hints: Uint32Array): Map<number, number[]> {
  const byHigh = new Map<number, number[]>();
  for (let i = 0; i < hints.length; i += 2) entryOf(byHigh, hints[i] ?? 0, () => []).push(i >> 1);
  return byHigh;
}

const writable = (friend: Friend): boolean =>
  friend.keyExpiredAt === null && friend.homeOf === null;
