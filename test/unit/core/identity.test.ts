import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../src/core/bytes';
import { DecodeError } from '../../../src/core/codec/decode-error';
import {
  contactCardFromText,
  contactCardToLink,
  contactCardToText,
  cardTextOfInviteLink,
  encodeContactCard,
  type ContactCard,
} from '../../../src/core/identity/contact-card';
import { inviteLinkOf } from '../../../src/core/identity/invite-link';
import {
  createIdentity,
  exportPrivateKey,
  exportPublicKey,
  importIdentity,
  IdentityError,
} from '../../../src/core/identity/identity';
import { formatFingerprint, safetyNumber } from '../../../src/core/identity/safety-number';
import { open } from '../../../src/core/envelope/open';
import { seal } from '../../../src/core/envelope/seal';
import { readFriendKey } from '../../../src/core/identity/friend-key';
import { inAnHour, makePerson } from './people';
import { peerIdFor } from '../peer-ids';
import { newMessageId } from '../../../src/core/messages/message-id';

describe('identity', () => {
  it('is a v4 Curve25519 key pair with a 40-hex-digit fingerprint', async () => {
    const me = await createIdentity('  Ann  ');
    expect(me.displayName).toBe('Ann');
    expect(me.privateKey.keyPacket.version).toBe(4);
    expect(me.fingerprintHex).toMatch(/^[0-9a-f]{40}$/);
    expect(formatFingerprint(me.fingerprintHex)).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    expect(exportPublicKey(me)).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');
  });

  it('exports and imports back, with or without a passphrase', async () => {
    const me = await createIdentity('Ann');
    const plain = await importIdentity(await exportPrivateKey(me));
    expect(plain.fingerprintHex).toBe(me.fingerprintHex);
    expect(plain.encryptionSecret).toEqual(me.encryptionSecret);

    const armored = await exportPrivateKey(me, 'correct horse');
    expect(armored).toContain('-----BEGIN PGP PRIVATE KEY BLOCK-----');
    const unlocked = await importIdentity(armored, 'correct horse');
    expect(unlocked.fingerprintHex).toBe(me.fingerprintHex);
    expect(unlocked.displayName).toBe('Ann');
  });

  it('says clearly what is wrong with a key it cannot import', async () => {
    const me = await createIdentity('Ann');
    const locked = await exportPrivateKey(me, 'secret');
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'imported',
        (e: unknown) => (e instanceof IdentityError ? e.code : `untyped ${String(e)}`),
      );
    expect(await codeOf(importIdentity(locked))).toBe('passphrase-required');
    expect(await codeOf(importIdentity(locked, 'wrong'))).toBe('wrong-passphrase');
    expect(await codeOf(importIdentity('not a key'))).toBe('malformed');
    expect(await codeOf(importIdentity(exportPublicKey(me)))).toBe('malformed');
  });

  it('gives both friends the same safety number, different for other pairs', async () => {
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((n) => createIdentity(n)));
    const ab = safetyNumber(a!, b!);
    expect(ab).toMatch(/^(\d{5} ){5}\d{5}$/);
    expect(safetyNumber(b!, a!)).toBe(ab);
    expect(safetyNumber(a!, c!)).not.toBe(ab);
  });
});

describe('contact card', () => {
  const cardOf = async (name: string, invite = false): Promise<ContactCard> => {
    const me = await createIdentity(name);
    return {
      publicKey: me.publicKey.write(),
      displayName: name,
      peerId: peerIdFor('me'),
      tracker: 'wss://tracker.example/murmur',
      inviteSecret: invite ? randomBytes(16) : null,
    };
  };

  it('round-trips as text and as a link, surviving wrapped copy-paste', async () => {
    const card = await cardOf('Ann', true);
    const text = contactCardToText(card);
    expect(text).toMatch(/^murmur1\.[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(1000);
    expect(contactCardFromText(text)).toEqual(card);
    expect(contactCardFromText(contactCardToLink(card))).toEqual(card);
    const wrapped = text.replace(/(.{60})/g, '$1\n  ');
    expect(contactCardFromText(wrapped)).toEqual(card);
  });

  it('reads an invite link, pasted or opened, and nothing that only resembles one', async () => {
    const card = await cardOf('Ann');
    const text = contactCardToText(card);
    const link = inviteLinkOf(text, card.tracker);
    expect(link).toBe(`https://tracker.example/murmur/invite#${text}`);
    expect(contactCardFromText(link ?? '')).toEqual(card);
    // A messenger that wrapped the long link still gives the card.
    expect(contactCardFromText(` ${(link ?? '').replace(/(.{70})/g, '$1\n')} `)).toEqual(card);
    expect(cardTextOfInviteLink(`https://tracker.example/murmur/other#${text}`)).toBeNull();
    expect(cardTextOfInviteLink(`javascript:x/invite#${text}`)).toBeNull();
    expect(cardTextOfInviteLink('https://tracker.example/invite#hello')).toBeNull();
    expect(() => contactCardFromText('https://tracker.example/invite#hello')).toThrow(DecodeError);
    expect(inviteLinkOf(text, 'not a tracker')).toBeNull();
    expect(inviteLinkOf(text, 'ws://[::1]:9000/m')).toBe(`http://[::1]:9000/m/invite#${text}`);
  });

  it('turns any one-character typo into a clear checksum error', async () => {
    const text = contactCardToText(await cardOf('Bob'));
    for (const at of [10, 100, 300, text.length - 3]) {
      const c = text[at] === 'A' ? 'B' : 'A';
      const typo = text.slice(0, at) + c + text.slice(at + 1);
      const error = (() => {
        try {
          contactCardFromText(typo);
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).code).toBe('bad-checksum');
    }
  });

  it('carries a key that passes the friend-key checks', async () => {
    const card = await cardOf('Cy');
    const key = await readFriendKey(contactCardFromText(contactCardToText(card)).publicKey);
    expect(key.isPrivate()).toBe(false);
  });

  it('lets a stranger send a friend request, accepted as a request only', async () => {
    const [stranger, george] = await Promise.all([makePerson('Stranger'), makePerson('George')]);
    const card: ContactCard = {
      publicKey: stranger.identity.publicKey.write(),
      displayName: 'Stranger',
      peerId: peerIdFor('stranger'),
      tracker: 'ws://127.0.0.1:9000/murmur',
      inviteSecret: null,
    };
    // The stranger has George's card, so knows his key; George knows nothing of the stranger.
    const georgeForStranger = stranger.keyring.addFriend(george.identity.publicKey);
    const request = await seal(
      {
        kind: 'friend-request',
        id: newMessageId(),
        createdAt: Date.now(),
        introduction: 'We met at the climbing wall',
        card: encodeContactCard(card),
        pairingProof: null,
      },
      [georgeForStranger],
      stranger.identity,
      { expiresAt: inAnHour() },
    );
    const relayed = await open(request.bytes, george.keyring, { now: Date.now() });
    expect(relayed.ok ? 'opened' : relayed.error.code).toBe('not-for-me');
    const r = await open(request.bytes, george.keyring, {
      now: Date.now(),
      acceptRequestsFromStrangers: true,
    });
    if (!r.ok) throw r.error;
    expect(r.value.friend).toBeNull();
    expect(r.value.message).toMatchObject({
      kind: 'friend-request',
      introduction: 'We met at the climbing wall',
    });
    expect(r.value.requestCard?.displayName).toBe('Stranger');
    expect(r.value.senderFingerprintHex).toBe(stranger.identity.fingerprintHex);
    expect(george.keyring.friend(stranger.identity.fingerprintHex)).toBeUndefined();

    // The same request naming a peer id of another form is refused: George would dial it.
    const odd = await seal(
      {
        kind: 'friend-request',
        id: newMessageId(),
        createdAt: Date.now(),
        introduction: 'Hi',
        card: encodeContactCard({ ...card, peerId: 'stranger@127.0.0.1' }),
        pairingProof: null,
      },
      [georgeForStranger],
      stranger.identity,
      { expiresAt: inAnHour() },
    );
    const refused = await open(odd.bytes, george.keyring, {
      now: Date.now(),
      acceptRequestsFromStrangers: true,
    });
    expect(refused.ok ? 'opened' : refused.error.code).toBe('malformed');
  });
});
