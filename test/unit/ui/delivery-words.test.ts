/**
 * Delivery in words about people (product UI issue): a one-to-one message says whom it waits for
 * and who carries it — "Waiting for Cat to come online · Ben is carrying it" — never "Delivered
 * to 0 of 1 · carried by 1 friends for the others"; "Sending…" while the friend is online.
 */
import { describe, expect, it, vi } from 'vitest';
import { deliveryView } from '../../../src/app/delivery-view';
import type { OutboxEntry } from '../../../src/core/state/records';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';
import { deliveryText } from '../../../src/ui/delivery-text';
import { getMessage } from './english';

// The page's i18n, as the browser answers an English user (called later, once imported).
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string, subs?: string[]) => getMessage(key, subs) } },
}));

const fp = (c: string) => c.repeat(40) as Fingerprint;
const [ben, cat, dan, eve, fay] = ['b', 'c', 'd', 'e', 'f'].map(fp) as [
  Fingerprint,
  Fingerprint,
  Fingerprint,
  Fingerprint,
  Fingerprint,
];
const names = new Map([
  [ben, 'Ben'],
  [cat, 'Cat'],
  [dan, 'Dan'],
  [eve, 'Eve'],
  [fay, 'Fay'],
]);
const NOW = 1_000;

function sentTo(
  recipients: [Fingerprint, 'delivered' | 'pending'][],
  heldBy: Fingerprint[] = [],
): OutboxEntry {
  return {
    id: 'e1' as EnvelopeId,
    bytes: new Uint8Array(1),
    createdAt: 0,
    expiresAt: NOW + 3600,
    recipients: recipients.map(([fingerprintHex, state], slot) => ({
      fingerprintHex,
      slot,
      state,
    })),
    heldBy,
    downstream: [],
    declinedBy: [],
  } as OutboxEntry;
}
const words = (entry: OutboxEntry, online: Fingerprint[] = []) =>
  deliveryText(deliveryView(entry, NOW, names, new Set(online)));

describe('delivery in words', () => {
  it('a message to Cat, who is offline, carried by Ben', () => {
    expect(words(sentTo([[cat, 'pending']], [ben]))).toBe(
      'Waiting for Cat to come online · Ben is carrying it',
    );
  });

  it('says "Sending…" while the friend is online, and "Delivered" once they have it', () => {
    expect(words(sentTo([[cat, 'pending']]), [cat])).toBe('Sending…');
    expect(words(sentTo([[cat, 'delivered']]))).toBe('Delivered');
    expect(
      words(
        sentTo([
          [cat, 'delivered'],
          [dan, 'delivered'],
        ]),
      ),
    ).toBe('Delivered to all 2');
  });

  it('names up to three people in a post’s progress, and counts beyond', () => {
    expect(
      words(
        sentTo(
          [
            [cat, 'delivered'],
            [dan, 'pending'],
            [eve, 'pending'],
          ],
          [ben, fay],
        ),
      ),
    ).toBe(
      'Delivered to 1 of 3 · Waiting for Dan and Eve to come online · Ben and Fay are carrying it',
    );
    const many = sentTo([
      [ben, 'pending'],
      [cat, 'pending'],
      [dan, 'pending'],
      [eve, 'pending'],
    ]);
    expect(words(many)).toBe('Waiting for 4 friends to come online');
  });

  it('a recipient holding a copy is no carrier', () => {
    expect(words(sentTo([[cat, 'pending']], [cat]))).toBe('Waiting for Cat to come online');
  });

  describe('with Murmur homes (issue 32)', () => {
    const catsHome = fp('1');
    const myHome = fp('2');
    const me = fp('9');
    const homes = new Map([
      [catsHome, cat],
      [myHome, me],
    ]);
    const withHomes = new Map([...names, [catsHome, 'Cat’s home'], [myHome, 'My home']]);
    const said = (entry: OutboxEntry, online: Fingerprint[] = []) =>
      deliveryText(deliveryView(entry, NOW, withHomes, new Set(online), homes));

    it('says the message waits at the recipient’s home, not that a friend carries it', () => {
      expect(said(sentTo([[cat, 'pending']], [catsHome]))).toBe('Waiting at Cat’s home');
    });

    it('says the user’s own home carries it while the recipient is away', () => {
      expect(said(sentTo([[cat, 'pending']], [myHome]))).toBe(
        'Waiting for Cat to come online · Your home is carrying it',
      );
      expect(said(sentTo([[cat, 'pending']], [myHome, catsHome, ben]))).toBe(
        'Waiting at Cat’s home · Your home is carrying it · Ben is carrying it',
      );
    });

    it('says nothing of homes once the recipient has it', () => {
      expect(said(sentTo([[cat, 'delivered']], [catsHome, myHome]))).toBe('Delivered');
    });
  });
});
