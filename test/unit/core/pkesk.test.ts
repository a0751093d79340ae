/**
 * Murmur unwraps its own PKESK packets (with the X25519 key imported once) instead of letting
 * openpgp.js import the key for every message: the same session key, for the right key only.
 */
import { expect, it } from 'vitest';
import { randomBytes } from '../../../src/core/bytes';
import { generateEphemeral } from '../../../src/core/crypto/x25519';
import { buildPkesk, unwrapPkesk } from '../../../src/core/envelope/pkesk';
import { makePerson } from './people';

it('gives back the session key wrapped for this key, and nothing for another or another shape', async () => {
  const [bob, carol] = await Promise.all(['Bob', 'Carol'].map(makePerson));
  const sessionKey = randomBytes(32);
  const packet = await buildPkesk(await generateEphemeral(), bob!.identity.encryption, sessionKey);
  expect(await unwrapPkesk(packet, bob!.identity)).toEqual(sessionKey);
  expect(await unwrapPkesk(packet, carol!.identity)).toBeNull();
  const namedKeyId = packet.slice();
  namedKeyId[5] = 0x42; // a key id instead of the wildcard: openpgp.js's way, not ours
  expect(await unwrapPkesk(namedKeyId, bob!.identity)).toBeNull();
  const damaged = packet.slice();
  damaged[damaged.length - 1]! ^= 1;
  expect(await unwrapPkesk(damaged, bob!.identity)).toBeNull();
  expect(await unwrapPkesk(packet.subarray(0, 40), bob!.identity)).toBeNull();
});
