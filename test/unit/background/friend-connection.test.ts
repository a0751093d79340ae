/** The Friends list says how each friend is reached, from what the network host knows. */
import { describe, expect, it } from 'vitest';
import { withConnections } from '../../../src/background/friend-connection';
import type { FriendReach } from '../../../src/messaging/status';
import type { FriendView } from '../../../src/messaging/views';

const friend = (peerId: string, online: boolean): FriendView => ({
  fingerprint: peerId.padEnd(40, '0').slice(0, 40),
  displayName: peerId,
  peerId,
  tracker: 'wss://t.example/murmur',
  online,
  connection: online ? { state: 'online', via: 'unknown' } : { state: 'offline' },
  asked: false,
  safetyNumber: '',
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
      reach,
    );
    expect(views.map((v) => v.connection)).toEqual([
      { state: 'online', via: 'direct' },
      { state: 'online', via: 'relay' },
      { state: 'unreachable', reason: 'no-relay' },
      { state: 'online', via: 'unknown' },
      { state: 'offline' },
    ]);
  });

  it('a peer id named like an object property is not looked up on the prototype', () => {
    const [view] = withConnections([friend('constructor', false)], {});
    expect(view?.connection).toEqual({ state: 'offline' });
  });
});
