/**
 * What a backup holds: everything this profile needs to be the same Murmur again — the identity,
 * friends with their keys, own and received messages, the outbox, the receipts and seen-ids that
 * keep relays informed, the relay policy and the browser-side settings (tracker key included,
 * so friends find us at the same peer id). Foreign relay copies are not the user's and are left out.
 *
 * Read back from a file, so everything is checked as untrusted input.
 */
import {
  isArray,
  isBoolean,
  isInteger,
  isLiteral,
  isNullable,
  isObject,
  isOptional,
  isString,
  type Guard,
} from '../guard';
import type {
  ContactRecord,
  IdentityRecord,
  OutboxEntry,
  ReceiptRecord,
  RelayPolicy,
  SeenRecord,
  StoredMessage,
} from '../state/records';
import { isReceiptKey } from '../state/receipt-key';
import { isFingerprint } from '../identity/fingerprint';
import { isPeerId } from '../tracker/peer-id';
import { isEnvelopeId } from '../envelope/envelope-id';

export const BACKUP_FORMAT = 'murmur-backup';
export const BACKUP_VERSION = 1;

/** JSON values as kept in extension storage (settings, read markers). */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface BackupContents {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: number;
  identity: IdentityRecord;
  contacts: ContactRecord[];
  messages: StoredMessage[];
  outbox: OutboxEntry[];
  receipts: ReceiptRecord[];
  seen: SeenRecord[];
  relayPolicy: RelayPolicy;
  /** Extension-storage settings by key (network, tracker key, notifications, read markers). */
  settings: Record<string, JsonValue>;
}

const MANY = 10_000_000;
const MB = 1024 * 1024;
const isId = isEnvelopeId;
const isTime = isInteger({ min: 0, max: Number.MAX_SAFE_INTEGER });
const isShort = isString({ max: 1024 });
const isFingerprints = isArray(isFingerprint, { max: 100_000 });

export const isBytes =
  (max: number): Guard<Uint8Array> =>
  (input, path = '') =>
    input instanceof Uint8Array && input.length <= max
      ? { ok: true, value: input }
      : { ok: false, reason: `${path || 'value'}: expected at most ${max} bytes` };

const isIdentity: Guard<IdentityRecord> = isObject({
  armoredPrivateKey: isString({ min: 1, max: 64 * 1024 }),
  displayName: isString({ max: 256 }),
  createdAt: isTime,
  protected: isBoolean,
});

const isContact: Guard<ContactRecord> = isObject({
  fingerprint: isFingerprint,
  publicKey: isBytes(64 * 1024),
  displayName: isString({ max: 256 }),
  theirName: isOptional(isString({ max: 256 })),
  peerId: isPeerId,
  tracker: isShort,
  state: isLiteral('friend', 'requested', 'declined', 'blocked'),
  addedAt: isTime,
  introduction: isOptional(isString({ max: 16 * 1024 })),
  requestSentAt: isOptional(isTime),
  status: isOptional(isString({ max: 1024 })),
  avatar: isOptional(
    isObject({
      type: isLiteral('jpeg', 'png', 'webp'),
      width: isInteger({ min: 1, max: 4096 }),
      height: isInteger({ min: 1, max: 4096 }),
      data: isBytes(256 * 1024),
    }),
  ),
  profileUpdatedAt: isOptional(isTime),
  profileSentAt: isOptional(isTime),
  friendList: isOptional(
    isArray(isObject({ fingerprint: isFingerprint, name: isString({ max: 256 }) }), { max: 1000 }),
  ),
  friendListUpdatedAt: isOptional(isTime),
  inviteSecret: isOptional(isBytes(16)),
  verifiedAt: isOptional(isTime),
});

const isMessage: Guard<StoredMessage> = isObject({
  id: isId,
  authorFingerprint: isFingerprint,
  kind: isString({ min: 1, max: 32 }),
  message: isBytes(4 * MB),
  conversationWith: isNullable(isFingerprint),
  receivedAt: isTime,
  signedData: isNullable(isBytes(4 * MB)),
  signature: isNullable(isBytes(64 * 1024)),
  sharedBy: isOptional(
    isObject({
      fingerprint: isFingerprint,
      authorName: isString({ max: 256 }),
      authorKey: isBytes(16 * 1024),
    }),
  ),
});

const isOutboxEntry: Guard<OutboxEntry> = isObject({
  id: isId,
  bytes: isBytes(8 * MB),
  createdAt: isTime,
  expiresAt: isTime,
  recipients: isArray(
    isObject({
      fingerprintHex: isFingerprint,
      slot: isInteger({ min: 0, max: 65_535 }),
      state: isLiteral('pending', 'delivered'),
    }),
    { max: 65_536 },
  ),
  heldBy: isFingerprints,
  downstream: isFingerprints,
  declinedBy: isFingerprints,
});

const isReceipt: Guard<ReceiptRecord> = isObject({
  key: isReceiptKey,
  id: isId,
  slot: isInteger({ min: 0, max: 65_535 }),
  token: isBytes(1024),
  expiresAt: isTime,
  audience: isFingerprints,
  sentTo: isFingerprints,
});

const isSeen: Guard<SeenRecord> = isObject({
  id: isId,
  expiresAt: isTime,
  header: isNullable(isBytes(64 * 1024)),
  sender: isNullable(isFingerprint),
  deliveredBy: isNullable(isFingerprint),
  notify: isFingerprints,
});

const isRelayPolicy: Guard<RelayPolicy> = isObject({
  maxMessageBytes: isTime,
  maxHoldSeconds: isTime,
  quotaBytes: isTime,
});

function isJson(input: unknown, depth = 0): input is JsonValue {
  if (depth > 16) return false;
  if (input === null || ['boolean', 'string'].includes(typeof input)) return true;
  if (typeof input === 'number') return Number.isFinite(input);
  if (Array.isArray(input)) return input.every((v) => isJson(v, depth + 1));
  if (typeof input !== 'object' || Object.getPrototypeOf(input) !== Object.prototype) return false;
  return Object.values(input).every((v) => isJson(v, depth + 1));
}

const isSettings: Guard<Record<string, JsonValue>> = (input, path = '') =>
  isJson(input) && typeof input === 'object' && input !== null && !Array.isArray(input)
    ? { ok: true, value: input }
    : { ok: false, reason: `${path || 'value'}: expected an object of JSON settings` };

const isContentsShape = isObject({
  format: isLiteral(BACKUP_FORMAT),
  version: isInteger({ min: 1, max: 1_000_000 }),
  createdAt: isTime,
  identity: isIdentity,
  contacts: isArray(isContact, { max: 100_000 }),
  messages: isArray(isMessage, { max: MANY }),
  outbox: isArray(isOutboxEntry, { max: MANY }),
  receipts: isArray(isReceipt, { max: MANY }),
  seen: isArray(isSeen, { max: MANY }),
  relayPolicy: isRelayPolicy,
  settings: isSettings,
});

export const isBackupContents: Guard<BackupContents> = (input, path) =>
  isContentsShape(input, path);
