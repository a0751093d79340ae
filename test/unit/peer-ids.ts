/** A valid tracker peer id for a test person, made as Murmur makes them (from key bytes). */
import { utf8 } from '../../src/core/bytes';
import { peerIdOf, type PeerId } from '../../src/core/tracker/peer-id';

export const peerIdFor = (name: string): PeerId => peerIdOf(utf8(name));
