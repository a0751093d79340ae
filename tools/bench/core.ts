/**
 * `npm run bench:core`: the protocol core on this machine. A 2 KB direct message sealed to
 * 150 friends; opened by one of them; the cheap recipient check by a recipient and by someone
 * who is not one (each with 150 friends); and, in the same run for comparison, openpgp.js's own
 * hidden-recipient trial decryption and its own multi-recipient encrypt on the same input.
 */
import * as openpgp from 'openpgp';
import { concatBytes } from '../../src/core/bytes';
import { checkRecipient } from '../../src/core/envelope/check';
import { decodeEnvelope } from '../../src/core/envelope/format';
import { open } from '../../src/core/envelope/open';
import { seal } from '../../src/core/envelope/seal';
import { createIdentity } from '../../src/core/identity/identity';
import { Keyring } from '../../src/core/keyring';
import type { DirectMessage } from '../../src/core/messages/kinds';
import { median, report, round, timeRuns } from './stats';
import { at } from '../at';
import { newMessageId } from '../../src/core/messages/message-id';
import { answerHelp, sizeFlag } from '../cli-help';

answerHelp(`npm run bench:core [-- --runs 9]

Seal a 2 KB message to 150 friends, open it, and the cheap recipient check, against
openpgp.js's own trial decryption and multi-recipient encryption. A table, then one JSON line.`);

const RECIPIENTS = 150;
/** Timed runs of sealing (the other steps run proportionally more: they are quicker). */
const RUNS = sizeFlag('runs', 9);
const people = await Promise.all(
  Array.from({ length: RECIPIENTS + 2 }, (_, i) => createIdentity(`p${i}`)),
);
const sender = at(people, 0);
const recipients = people.slice(1, RECIPIENTS + 1);
const outsider = at(people, RECIPIENTS + 1);

const senderRing = new Keyring(sender);
for (const r of recipients) senderRing.addFriend(r.publicKey);
// The reader is a recipient with 150 friends: the sender and 149 others.
const readerRing = new Keyring(at(recipients, RECIPIENTS - 1));
readerRing.addFriend(sender.publicKey);
for (const r of recipients.slice(0, RECIPIENTS - 1)) readerRing.addFriend(r.publicKey);
// The outsider also has 150 friends, none of them the sender.
const outsiderRing = new Keyring(outsider);
for (const r of recipients) outsiderRing.addFriend(r.publicKey);

const message: DirectMessage = {
  kind: 'direct',
  id: newMessageId(),
  createdAt: Date.now(),
  text: 'm'.repeat(2048),
};
const expiresAt = Math.floor(Date.now() / 1000) + 3600;
const friends = senderRing.list();

// Warm up JIT and WebCrypto.
for (let i = 0; i < 2; i++) await seal(message, friends, sender, { expiresAt });

let sealed = await seal(message, friends, sender, { expiresAt });
const sealMs = await timeRuns(RUNS, async () => {
  sealed = await seal(message, friends, sender, { expiresAt });
});
const one = await seal(message, friends.slice(0, 1), sender, { expiresAt });
const bytesPerRecipient = (sealed.bytes.length - one.bytes.length) / (RECIPIENTS - 1);

const openMs = await timeRuns(Math.ceil((RUNS * 15) / 9), async () => {
  const r = await open(sealed.bytes, readerRing, { now: Date.now() });
  if (!r.ok) throw r.error;
});
const checkForMe = await timeRuns(RUNS * 33 + 4, () => {
  const r = checkRecipient(sealed.bytes, readerRing);
  if (!r.ok || r.value.length !== 1) throw new Error('check failed');
});
const checkNotForMe = await timeRuns(RUNS * 33 + 4, () => {
  const r = checkRecipient(sealed.bytes, outsiderRing);
  if (!r.ok || r.value.length !== 0) throw new Error('false positive');
});

const envelope = decodeEnvelope(sealed.bytes);
const body = concatBytes(...envelope.pkesks, envelope.encryptedData);
const trialMs = await timeRuns(Math.ceil((RUNS * 5) / 9), async () => {
  const failed = await openpgp
    .decrypt({
      message: await openpgp.readMessage({ binaryMessage: body }),
      decryptionKeys: outsider.privateKey,
    })
    .then(
      () => false,
      () => true,
    );
  if (!failed) throw new Error('outsider decrypted?');
});
const openpgpSealMs = await timeRuns(5, () =>
  openpgp.createMessage({ binary: new Uint8Array(2048) }).then((m) =>
    openpgp.encrypt({
      message: m,
      encryptionKeys: recipients.map((r) => r.publicKey),
      signingKeys: sender.privateKey,
      wildcard: true,
      format: 'binary',
    }),
  ),
);

report(
  `Protocol core: 2 KB message, ${RECIPIENTS} recipients (medians; ${new Date().toISOString()})`,
  [
    { metric: 'seal_2kb_150_ms', value: round(median(sealMs), 2), unit: 'ms', target: '≤ 60' },
    { metric: 'open_2kb_150_ms', value: round(median(openMs), 2), unit: 'ms', target: '≤ 10' },
    {
      metric: 'check_for_me_150_ms',
      value: round(median(checkForMe)),
      unit: 'ms',
      target: '≤ 0.5',
    },
    {
      metric: 'check_not_for_me_150_ms',
      value: round(median(checkNotForMe)),
      unit: 'ms',
      target: '≤ 0.5',
    },
    {
      metric: 'openpgp_trial_150_ms',
      value: round(median(trialMs), 2),
      unit: 'ms',
      target: '(openpgp.js trial decryption, for comparison)',
    },
    {
      metric: 'openpgp_seal_150_ms',
      value: round(median(openpgpSealMs), 2),
      unit: 'ms',
      target: '(openpgp.js encrypt to 150, for comparison)',
    },
    {
      metric: 'bytes_per_recipient',
      value: round(bytesPerRecipient, 1),
      unit: 'B',
      target: '~100',
    },
    { metric: 'envelope_bytes', value: sealed.bytes.length, unit: 'B' },
  ],
  {
    check_speedup_vs_openpgp_trial: round(median(trialMs) / median(checkNotForMe), 0),
    seal_speedup_vs_openpgp: round(median(openpgpSealMs) / median(sealMs), 2),
  },
);
