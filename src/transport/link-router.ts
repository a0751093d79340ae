/**
 * The data channels the network host has open, as the background knows them: one LinkChannel
 * per link, registered the moment the host reports it (its first frames may follow at once),
 * then handed to `attach` to start a session.
 */
import type { Client } from '../messaging/client';
import type { HostRequests } from '../messaging/host-requests';
import { fromBase64Url } from '../core/bytes';
import type { LinkEvents } from '../messaging/link-events';
import type { Handlers } from '../messaging/request-map';
import { LinkChannel } from './link-channel';

export class LinkRouter {
  private readonly channels = new Map<string, LinkChannel>();

  constructor(
    private readonly host: Client<HostRequests>,
    private readonly attach: (channel: LinkChannel, initiator: boolean) => Promise<void>,
  ) {}

  opened(link: string, peerId: string, initiator: boolean, binding: Uint8Array): void {
    const channel = new LinkChannel(link, peerId, binding, this.host);
    this.channels.set(link, channel);
    channel.onClose(() => this.channels.delete(link));
    void this.attach(channel, initiator).catch(() => channel.close());
  }

  frame(link: string, frame: string): void {
    const channel = this.channels.get(link);
    // A link from before this background started: its session is gone, so is the link.
    // (If that fails the host restarted, and the link is gone already.)
    if (!channel) void this.host.request('host.link.close', { link }).catch(() => undefined);
    else channel.deliver(frame);
  }

  closed(link: string): void {
    this.channels.get(link)?.hostClosed();
  }

  /** Every session ends (the identity is being replaced). */
  closeAll(): void {
    for (const channel of [...this.channels.values()]) channel.close();
    this.channels.clear();
  }
}

/** The link events a network host reports, handed to a router; `changed` after opens and closes. */
export function linkEventHandlers(
  links: LinkRouter,
  changed: () => void,
): Handlers<LinkEvents, unknown> {
  return {
    'link.open': async ({ link, peerId, initiator, binding }) => {
      links.opened(link, peerId, initiator, fromBase64Url(binding) ?? new Uint8Array());
      changed();
      return {};
    },
    'link.frame': async ({ link, frame }) => {
      links.frame(link, frame);
      return {};
    },
    'link.closed': async ({ link }) => {
      links.closed(link);
      changed();
      return {};
    },
    'link.alive': async () => ({}),
    'link.changed': async () => {
      changed();
      return {};
    },
  };
}
