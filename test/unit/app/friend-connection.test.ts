/** The Friends list says how each friend is reached, from what the network host knows. */
import { describe, expect, it } from 'vitest';
import { withConnections } from '../../../src/app/friend-connection';
import type { FriendReach } from '../../../src/messaging/status';
import type { FriendView } from '../../../src/messaging/views';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

const friend = (peerId: string, online: boolean): FriendView => ({
  fingerprint: peerId.padEnd(40, '0').slice(0, 40) as Fingerprint,
  displayName: peerId,
  peerId,
  tracker: 'wss://t.example/murmur',
  online,
  connection: online
    ? { state: 'online', via: 'unknown' }
    : { state: 'offline', waiting: 0, carriedBy: [] },
  asked: false,
  safetyNumber: '',
  key: { state: 'valid', expiresAt: null },
  callsThemselves: null,
  nameClash: false,
  status: '',
  avatar: null,
  theirFriends: [],
});

const path = (via: 'direct' | 'relay') => ({
  via,
  local: via === 'relay' ? 'relay' : 'srflx',
  remote: 'srflx',
  relayProtocol: null,
  remoteTypes: ['srflx'],
});

describe('withConnections', () => {
  it('direct, through the relay, offline, or unreachable with the reason', () => {
    const reach: Record<string, FriendReach> = {
      ann: { state: 'linked', path: path('direct') },
      ben: { state: 'linked', path: path('relay') },
      cat: { state: 'unreachable', reason: 'no-relay' },
      dan: { state: 'linked', path: null },
    };
    const views = withConnections(
      [
        friend('ann', true),
        friend('ben', true),
        friend('cat', false),
        friend('dan', true),
        friend('eve', false),
      ],
      { reach, outbox: [], nowSeconds: 1000 },
    );
    expect(views.map((v) => v.connection)).toEqual([
      { state: 'online', via: 'direct' },
      { state: 'online', via: 'relay' },
      { state: 'unreachable', reason: 'no-relay' },
      { state: 'online', via: 'unknown' },
      { state: 'offline', waiting: 0, carriedBy: [] },
    ]);
  });

  it('a peer id named like an object property is not looked up on the prototype', () => {
    const [view] = withConnections([friend('constructor', false)], {
      reach: {},
      outbox: [],
      nowSeconds: 1000,
    });
    expect(view?.connection).toEqual({ state: 'offline', waiting: 0, carriedBy: [] });
  });

  it('an offline friend: how many messages are on their way, and which friends carry them', () => {
    const fp = (name: string) => friend(name, false).fingerprint;
    const entry = (
      id: string,
      state: 'pending' | 'delivered',
      heldBy: Fingerprint[],
      expiresAt = 2000,
    ) => ({
      id: id as EnvelopeId,
      bytes: new Uint8Array(1),
      createdAt: 1,
      expiresAt,
      recipients: [{ fingerprintHex: fp('eve'), slot: 0, state }],
      heldBy,
      downstream: [],
      declinedBy: [],
    });
    const outbox = [
      entry('a', 'pending', [fp('ann'), fp('ben')]),
      entry('b', 'pending', [fp('ann')]),
      entry('c', 'delivered', [fp('dan')]),
      entry('d', 'pending', [fp('dan')], 500), // expired
    ];
    const views = withConnections(
      [friend('ann', true), friend('ben', true), friend('eve', false)],
      {
        reach: {},
        outbox,
        nowSeconds: 1000,
      },
    );
    expect(views[2]?.connection).toEqual({
      state: 'offline',
      waiting: 2,
      carriedBy: ['ann', 'ben'],
    });
  });
});
