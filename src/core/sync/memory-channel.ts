/**
 * Two connected in-memory channel ends, for tests and the simulator. Frames are delivered in
 * order, asynchronously, and counted, so a simulation can tell when the network is quiet and
 * how many bytes crossed it.
 */
import type { Channel } from './channel';

export interface Traffic {
  /** Frames sent but not yet handed to the other end. */
  inFlight: number;
  frames: number;
  bytes: number;
}

export const newTraffic = (): Traffic => ({ inFlight: 0, frames: 0, bytes: 0 });

class MemoryEnd implements Channel {
  other!: MemoryEnd;
  closed = false;
  private frameHandler: (frame: Uint8Array) => void = () => undefined;
  private closeHandlers: (() => void)[] = [];

  constructor(
    private readonly traffic: Traffic,
    readonly binding: Uint8Array,
  ) {}

  send(frame: Uint8Array): void {
    if (this.closed) return;
    this.traffic.inFlight++;
    this.traffic.frames++;
    this.traffic.bytes += frame.length;
    const target = this.other;
    // Not copied: a session sends each frame fresh from encodeFrame and never touches it again.
    queueMicrotask(() => {
      this.traffic.inFlight--;
      if (!target.closed) target.frameHandler(frame);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.other.closeRemote();
    for (const h of this.closeHandlers) h();
  }

  private closeRemote(): void {
    queueMicrotask(() => {
      if (this.closed) return;
      this.closed = true;
      for (const h of this.closeHandlers) h();
    });
  }

  onFrame(handler: (frame: Uint8Array) => void): void {
    this.frameHandler = handler;
  }

  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }
}

export function channelPair(
  traffic: Traffic = newTraffic(),
  binding = new Uint8Array(32),
): [Channel, Channel] {
  const a = new MemoryEnd(traffic, binding);
  const b = new MemoryEnd(traffic, binding);
  a.other = b;
  b.other = a;
  return [a, b];
}
