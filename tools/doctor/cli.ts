/**
 * `npm run tracker:doctor -- wss://tracker.example.org/murmur [--turn-secret-file FILE]`
 * Exit 0 when every line is ✔ (or –), 1 otherwise, 2 for bad arguments.
 */
import { readFileSync } from 'node:fs';
import { runChecks } from './checks';
import { answerHelp } from '../cli-help';

answerHelp(`npm run tracker:doctor -- wss://host/path [--turn-secret-file FILE]

Checks a running tracker from outside, as a Murmur client would, one line each: TLS and HTTP,
challenge and registration, the ICE servers it hands out, STUN, TURN allocations with the
handed-out credentials, forged and (with the secret file) expired ones refused, and that TURN
is no open relay (no TCP relay, nothing to the server itself or to private addresses).
Exit 0 when every line is ✔ (or –), 1 otherwise, 2 for bad arguments.`);

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--'));
const secretAt = args.indexOf('--turn-secret-file');
const secretFile = secretAt >= 0 ? args[secretAt + 1] : undefined;
if (!url || (secretAt >= 0 && !secretFile)) {
  console.error('usage: npm run tracker:doctor -- wss://host/path [--turn-secret-file FILE]');
  process.exit(2);
}
const turnSecret = secretFile ? readFileSync(secretFile, 'utf8').trim() : undefined;
const good = await runChecks(url, { turnSecret }, ({ mark, text }) =>
  console.log(`${mark} ${text}`),
);
process.exit(good ? 0 : 1);
