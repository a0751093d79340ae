/**
 * Frame handlers: the tracker's socket guard, fed text frames as a client could send them
 * (JSON of any shape, damaged valid frames, anything), and a friend's sync session after its
 * handshake (session-target.ts). A handler refuses by closing that one socket or session, never
 * by a throw.
 */
import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../../signaling-server/config';
import { GuardedSocket } from '../../signaling-server/guarded-socket';
import { mutateText, randomText, randomValue } from './inputs';
import type { FuzzTarget } from './target';

/** As much of a `ws` socket as the guard uses; its close timer is the guard's own. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly CLOSED = 3;
  readyState = 1;
  sent = 0;
  send(): void {
    this.sent++;
  }
  close(): void {
    this.readyState = 3;
  }
  terminate(): void {
    this.readyState = 3;
  }
}

const VALID = [
  '{"type":"HEARTBEAT"}',
  `{"type":"OFFER","dst":"m${'a'.repeat(32)}","payload":{"sdp":"v=0"}}`,
  `{"type":"MURMUR-PRESENCE","payload":{"ask":1,"ids":["m${'b'.repeat(32)}"]}}`,
  '{"type":"MURMUR-ICE","payload":{"ask":2}}',
  `{"type":"LEAVE","dst":"m${'c'.repeat(32)}"}`,
];

export function trackerSocketTarget(): FuzzTarget<string> {
  // One guard per run of inputs until it closes: a violation ends that socket only.
  let socket: FakeSocket | null = null;
  let guard: GuardedSocket | null = null;
  return {
    name: 'tracker socket frames',
    weight: 1,
    input: (r) => {
      switch (r.int(3)) {
        case 0:
          return mutateText(r, r.pick(VALID));
        case 1:
          return JSON.stringify(randomValue(r)) ?? 'null';
        default:
          return randomText(r, 300);
      }
    },
    handle: (text) => {
      if (!socket || !guard || guard.closed) {
        socket = new FakeSocket();
        guard = new GuardedSocket(socket as unknown as WebSocket, `m${'d'.repeat(32)}`, {
          limits: { ...DEFAULT_LIMITS, framesPerSecond: 1e9 },
          online: () => true,
          ice: (_id, ask) => ({ type: 'MURMUR-ICE', payload: { ask, iceServers: [], ttl: 60 } }),
          mayDial: () => true,
          violation: () => undefined,
        });
      }
      socket.emit('message', Buffer.from(text), false);
    },
    typed: () => false,
    show: (text) => JSON.stringify(text.slice(0, 300)),
  };
}
