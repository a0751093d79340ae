/** One thing fuzzed: how to make an input, how to hand it over, and what counts as typed. */
import type { ContactCard } from '../../src/core/identity/contact-card';
import type { Random } from '../sim/random';

export interface FuzzTarget<I = unknown> {
  name: string;
  /** Share of the run's inputs, relative to the others (heavier targets get fewer). */
  weight: number;
  input(r: Random): I;
  /** Throws only when the input is refused; `typed` says whether that throw is a refusal. */
  handle(input: I): void | Promise<void>;
  typed(error: unknown): boolean;
  /** The input, short, for the report of a crash. */
  show(input: I): string;
  /** Ends what the target started (sessions, timers). */
  close?(): Promise<void>;
}

export const hex = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 256)).toString('hex');

/** A byte decoder: random bytes half the time, a valid encoding damaged the other half. */
export function bytesTarget(
  name: string,
  decode: (bytes: Uint8Array) => unknown,
  seeds: readonly Uint8Array[],
  typed: (error: unknown) => boolean,
  mutate: (r: Random, valid: Uint8Array) => Uint8Array,
  random: (r: Random) => Uint8Array,
): FuzzTarget<Uint8Array> {
  return {
    name,
    weight: 1,
    input: (r) => (seeds.length && r.int(2) === 0 ? mutate(r, r.pick(seeds)) : random(r)),
    handle: (bytes) => void decode(bytes),
    typed,
    show: hex,
  };
}

/** A well-formed card (placeholder key bytes: the codecs do not parse keys), seed of mutations. */
export const SAMPLE_CARD: ContactCard = {
  publicKey: new Uint8Array(120).fill(7),
  displayName: 'Ann',
  peerId: `m${'0'.repeat(32)}`,
  tracker: 'wss://tracker.example/murmur',
  inviteSecret: new Uint8Array(16).fill(2),
};
