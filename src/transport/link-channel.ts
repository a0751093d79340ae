/**
 * The core's transport port over a data channel that lives in the network host: frames go
 * out as `host.link.send` requests and come in as `link.frame` events. In order: runtime
 * messages from one context arrive in the order they were sent, and sends are chained.
 */
import { fromBase64Url, toBase64Url } from '../core/bytes';
import type { Channel } from '../core/sync/channel';
import type { Client } from '../messaging/client';
import type { HostRequests } from '../messaging/host-requests';

export class LinkChannel implements Channel {
  private frameHandler: ((frame: Uint8Array) => void) | null = null;
  /** Frames that arrived before the session attached (it attaches after async set-up). */
  private early: Uint8Array[] = [];
  private readonly closeHandlers: (() => void)[] = [];
  private closed = false;
  private sending: Promise<unknown> = Promise.resolve();

  constructor(
    readonly link: string,
    readonly peerId: string,
    readonly binding: Uint8Array,
    private readonly host: Client<HostRequests>,
  ) {}

  send(frame: Uint8Array): void {
    if (this.closed) return;
    const text = toBase64Url(frame);
    this.sending = this.sending
      .then(() => this.host.request('host.link.send', { link: this.link, frame: text }))
      .catch(() => this.close());
  }

  established(): void {
    if (this.closed) return;
    // Only fails when the host restarted: the link, and what protecting it meant, went with it.
    void this.host.request('host.link.authenticated', { link: this.link }).catch(() => undefined);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Behind the frames already sent: a session's last answers and its BYE go out first (a
    // close that overtook them dropped receipts the peer then waited for until it came back).
    void this.sending
      .then(() => this.host.request('host.link.close', { link: this.link }))
      // Only fails when the host restarted: then the link is closed already.
      .catch(() => undefined);
    for (const handler of this.closeHandlers) handler();
  }

  onFrame(handler: (frame: Uint8Array) => void): void {
    this.frameHandler = handler;
    const early = this.early;
    this.early = [];
    for (const frame of early) handler(frame);
  }

  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }

  /** From the host: a frame arrived on this link. */
  deliver(frameText: string): void {
    if (this.closed) return;
    const frame = fromBase64Url(frameText);
    if (!frame) return this.close();
    if (this.frameHandler) this.frameHandler(frame);
    else if (this.early.length < 64) this.early.push(frame);
    else this.close();
  }

  /** From the host: the data channel is gone. */
  hostClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const handler of this.closeHandlers) handler();
  }
}
