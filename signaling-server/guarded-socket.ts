/**
 * What `peer` sees instead of a raw websocket: frames reach it only after they passed our
 * checks (text, JSON, a known type with the right shape, within the socket's rate). Presence
 * questions are answered here and never reach `peer`; an offer past its address's allowance
 * for that callee (dial-fairness.ts) is dropped here, unanswered. A violation closes the socket with a
 * policy code; other peers are never disturbed.
 */
import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';
import { TokenBucket } from '../src/core/token-bucket';
import type { IceAnswer } from '../src/core/tracker/frames';
import {
  checkClientFrame,
  PRESENCE_TYPE,
  type PresenceAnswer,
  type PresenceQuestion,
} from '../src/core/tracker/frames';
import type { TrackerLimits } from './config';

const HEARTBEAT = Buffer.from('{"type":"HEARTBEAT"}');

/** RFC 6455 close codes. */
export const CLOSE_POLICY = 1008;
export const CLOSE_TOO_BIG = 1009;

export interface SocketPolicy {
  limits: TrackerLimits;
  online: (peerId: string) => boolean;
  /** STUN/TURN servers and credentials for this peer (rate-limited by the giver). */
  ice: (peerId: string, ask: number) => IceAnswer;
  /** Whether this socket may pass one more offer to `callee` now. */
  mayDial: (callee: string) => boolean;
  violation: (peerId: string, reason: string) => void;
}

export class GuardedSocket extends EventEmitter {
  private readonly frames: TokenBucket;
  private readonly presence: TokenBucket;
  closed = false;

  constructor(
    readonly raw: WebSocket,
    readonly peerId: string,
    private readonly policy: SocketPolicy,
  ) {
    super();
    const { framesPerSecond, presencePerMinute } = policy.limits;
    this.frames = new TokenBucket(framesPerSecond, framesPerSecond * 4);
    this.presence = new TokenBucket(presencePerMinute / 60, Math.max(2, presencePerMinute / 3));
    raw.on('message', (data, isBinary) => this.receive(data, isBinary));
    raw.on('close', () => {
      this.closed = true;
      this.emit('close');
    });
    raw.on('error', (error) => this.emit('error', error));
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (isBinary) return this.refuse('binary frame');
    if (!this.frames.take()) return this.refuse('too many frames');
    // Most frames are PeerJS heartbeats, byte for byte this text: pass them on unparsed.
    if (data instanceof Buffer && data.length === HEARTBEAT.length && data.equals(HEARTBEAT)) {
      this.emit('message', data);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      return this.refuse('malformed JSON');
    }
    const checked = checkClientFrame(parsed);
    if (!checked.ok) return this.refuse(checked.reason);
    if (checked.value.kind === 'presence') return this.answerPresence(checked.value.frame);
    if (checked.value.kind === 'ice') {
      this.send(JSON.stringify(this.policy.ice(this.peerId, checked.value.frame.payload.ask)));
      return;
    }
    if (
      checked.value.kind === 'signal' &&
      checked.value.frame.type === 'OFFER' &&
      !this.policy.mayDial(checked.value.frame.dst)
    )
      return;
    // `peer` gets the validated frame, re-serialised: nothing the guard did not look at.
    const frame =
      checked.value.kind === 'heartbeat' ? HEARTBEAT : JSON.stringify(checked.value.frame);
    this.emit('message', Buffer.from(frame));
  }

  private answerPresence(question: PresenceQuestion): void {
    // Cost grows with the list, so a long list takes more of the allowance.
    const cost = Math.max(1, Math.ceil(question.payload.ids.length / 128));
    if (!this.presence.take(cost)) return this.refuse('too many presence questions');
    const answer: PresenceAnswer = {
      type: PRESENCE_TYPE,
      payload: {
        ask: question.payload.ask,
        online: question.payload.ids.filter((id) => this.policy.online(id)),
      },
    };
    this.send(JSON.stringify(answer));
  }

  private refuse(reason: string): void {
    this.policy.violation(this.peerId, reason);
    this.closed = true;
    this.raw.close(CLOSE_POLICY, reason.slice(0, 100));
    // A peer that ignores the close handshake is cut off.
    setTimeout(() => this.raw.terminate(), 2000).unref();
  }

  // The part of the ws API `peer` uses.
  send(data: string): void {
    if (!this.closed && this.raw.readyState === this.raw.OPEN) this.raw.send(data);
  }

  close(): void {
    this.closed = true;
    this.raw.close();
  }

  terminate(): void {
    this.closed = true;
    this.raw.terminate();
  }
}
