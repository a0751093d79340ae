/**
 * For a friend who is offline: how many of our messages to them are still on their way, and
 * which friends carry them (hold a sealed copy to hand on). The Friends list says where their
 * messages wait.
 */
import type { OutboxEntry } from '../core/state/records';
import type { Fingerprint } from '../core/identity/fingerprint';

export interface Waiting {
  messages: number;
  /** Fingerprints of friends (not recipients) who hold a copy. */
  carriers: string[];
}

export function waitingFor(
  fingerprint: Fingerprint,
  outbox: OutboxEntry[],
  nowSeconds: number,
): Waiting {
  let messages = 0;
  const carriers = new Set<string>();
  for (const entry of outbox) {
    if (entry.expiresAt < nowSeconds) continue;
    const mine = entry.recipients.find((r) => r.fingerprintHex === fingerprint);
    if (!mine || mine.state === 'delivered') continue;
    messages += 1;
    const recipients = new Set(entry.recipients.map((r) => r.fingerprintHex));
    for (const holder of entry.heldBy) if (!recipients.has(holder)) carriers.add(holder);
  }
  return { messages, carriers: [...carriers].sort() };
}
