/**
 * Data channels to friends (PeerJS DataConnections), one per friend. Each open channel is a
 * "link" the background runs a sync session over; frames pass through untouched. Which
 * channels are kept, and how many strangers may open one, is link-admission.ts.
 */
import type { DataConnection, Peer } from 'peerjs';
import { toBase64Url } from '../core/bytes';
import type { LinkPath } from '../messaging/status';
import { dtlsBinding } from './dtls-binding';
import {
  admitOpened,
  INVITED_LIMITS,
  StrangerGate,
  type LinkFacts,
  type StrangerTicket,
} from './link-admission';
import { selectedPath } from './selected-path';
import { isPeerId, type PeerId } from '../core/tracker/peer-id';

export interface LinkSink {
  open(link: string, peerId: PeerId, initiator: boolean, binding: Uint8Array): void;
  frame(link: string, frame: Uint8Array): void;
  closed(link: string, peerId: PeerId): void;
  /** Channels are open and quiet: tell the background it is still needed. */
  alive(): void;
  /** A channel we dialled never opened (no path between the two browsers, or refused). */
  dialFailed?(peerId: PeerId): void;
  /** What the host reports changed (a tracker's state, a friend found unreachable). */
  changed(): void;
}

interface Link extends LinkFacts {
  id: string;
  connection: DataConnection;
  /** From a peer who is not a friend: its place at a stranger gate until it goes. */
  stranger: StrangerTicket | null;
  /** That gate: strangers', or the invited's. */
  gate: StrangerGate | null;
  lastHeard: number;
  keepalive: ReturnType<typeof setInterval> | null;
  /** Which way it goes, once the browser's statistics say (null until then, or unknown). */
  path: LinkPath | null;
}

const DIAL_TIMEOUT_MS = 15_000;
/**
 * A browser that quits or sleeps does not always close its channels: ICE notices only after
 * tens of seconds. An empty frame (never a sync frame: those have a type byte) every few
 * seconds, and a link silent for longer than a few of them is dead. Murmur then gives the
 * friend's pending messages to relays instead.
 */
const KEEPALIVE_EVERY_MS = 2_000;
const SILENCE_LIMIT_MS = 7_000;

export class FriendLinks {
  private readonly links = new Map<string, Link>();
  private counter = 0;
  private readonly strangers = new StrangerGate();
  private readonly invited = new StrangerGate(INVITED_LIMITS);

  constructor(
    private readonly myPeerId: string,
    private readonly sink: LinkSink,
    /** Whether this peer id is one of our friends (or someone we asked), on any tracker. */
    private readonly isFriend: (peerId: PeerId) => boolean,
    /** Whether a stranger's call proves one of the user's invite links (its PeerJS metadata). */
    private readonly provesInvite: (peerId: PeerId, metadata: unknown) => boolean = () => false,
  ) {}

  /** Open or opening links to this peer id, through any tracker. */
  hasLinkTo(peerId: PeerId): boolean {
    for (const link of this.links.values()) if (link.peerId === peerId) return true;
    return false;
  }

  /** The link's session proved the friend's key: no unproven channel may replace it now. */
  authenticated(linkId: string): void {
    const link = this.links.get(linkId);
    if (link?.open) link.authenticated = true;
  }

  openPeers(): string[] {
    return [...this.links.values()].filter((l) => l.open).map((l) => l.peerId);
  }

  /** Open links by peer id, with the way each goes. */
  paths(): Map<string, LinkPath | null> {
    return new Map([...this.links.values()].filter((l) => l.open).map((l) => [l.peerId, l.path]));
  }

  /** Dials with this RTCConfiguration (its ICE servers and transport policy). */
  /** `invite`: the token of the invite link we added them from, while they have not accepted. */
  dial(
    peer: Peer,
    tracker: string,
    peerId: PeerId,
    config: RTCConfiguration,
    invite?: string,
  ): void {
    if (this.hasLinkTo(peerId)) return;
    // PeerJS has no per-connection configuration: it reads `options.config` when connect()
    // builds the RTCPeerConnection, synchronously, so swap it in for this one call.
    const options = peer.options;
    const usual: unknown = options.config;
    options.config = config;
    let connection: DataConnection;
    try {
      connection = peer.connect(peerId, {
        reliable: true,
        serialization: 'binary',
        ...(invite ? { metadata: { invite } } : {}),
      });
    } finally {
      options.config = usual;
    }
    const link = this.track(connection, peerId, tracker, true, null);
    setTimeout(() => {
      if (link.open || this.links.get(link.id) !== link) return;
      this.drop(link);
      this.sink.dialFailed?.(peerId);
    }, DIAL_TIMEOUT_MS);
  }

  accept(connection: DataConnection, tracker: string): void {
    // The tracker names who calls; a name that is not a peer id is a lying tracker.
    const from = isPeerId(connection.peer);
    if (!from.ok) return void connection.close();
    let stranger: StrangerTicket | null = null;
    let gate = this.strangers;
    if (!this.isFriend(from.value)) {
      if (this.provesInvite(from.value, connection.metadata)) gate = this.invited;
      stranger = gate.enter(from.value);
      if (!stranger) return void connection.close();
    }
    const link = this.track(connection, from.value, tracker, false, stranger);
    link.gate = stranger ? gate : null;
    // A stranger's channel that never opens would hold its place: it has a deadline.
    if (stranger)
      setTimeout(() => {
        if (!link.open) this.drop(link);
      }, gate.limits.openWithinMs);
  }

  send(linkId: string, frame: Uint8Array): boolean {
    const link = this.links.get(linkId);
    if (!link?.open) return false;
    void link.connection.send(frame);
    return true;
  }

  close(linkId: string): void {
    const link = this.links.get(linkId);
    if (link) this.drop(link);
  }

  closeAll(): void {
    for (const link of [...this.links.values()]) this.drop(link);
  }

  private track(
    connection: DataConnection,
    peerId: PeerId,
    tracker: string,
    initiator: boolean,
    stranger: StrangerTicket | null,
  ): Link {
    const link: Link = {
      id: `l${++this.counter}-${toBase64Url(crypto.getRandomValues(new Uint8Array(6)))}`,
      tracker,
      peerId,
      connection,
      initiator,
      open: false,
      authenticated: false,
      stranger,
      gate: null,
      lastHeard: Date.now(),
      keepalive: null,
      path: null,
    };
    this.links.set(link.id, link);
    connection.on('open', () => {
      if (this.links.get(link.id) !== link) return;
      const admission = admitOpened(link, [...this.links.values()], this.myPeerId);
      if (!admission.keep) return this.drop(link);
      for (const other of admission.drop) this.drop(other);
      link.open = true;
      if (link.stranger) link.gate?.opened(link.stranger);
      link.lastHeard = Date.now();
      link.keepalive = setInterval(() => {
        if (Date.now() - link.lastHeard > SILENCE_LIMIT_MS) this.drop(link);
        else void connection.send(new Uint8Array(0));
      }, KEEPALIVE_EVERY_MS);
      const binding = dtlsBinding(connection.peerConnection);
      if (!binding) return this.drop(link);
      this.sink.open(link.id, link.peerId, initiator, binding);
      selectedPath(connection.peerConnection).then(
        (path) => (link.path = path),
        () => undefined,
      );
    });
    connection.on('data', (data: unknown) => {
      if (!link.open || this.links.get(link.id) !== link) return;
      const bytes =
        data instanceof Uint8Array
          ? data
          : data instanceof ArrayBuffer
            ? new Uint8Array(data)
            : null;
      // Anything but bytes is not a Murmur frame: the peer is broken or hostile.
      if (!bytes) return this.drop(link);
      link.lastHeard = Date.now();
      if (bytes.length > 0) this.sink.frame(link.id, bytes);
    });
    connection.on('close', () => this.drop(link));
    connection.on('error', () => this.drop(link));
    return link;
  }

  private drop(link: Link): void {
    if (this.links.get(link.id) !== link) return;
    this.links.delete(link.id);
    if (link.stranger) link.gate?.left(link.stranger);
    if (link.keepalive) clearInterval(link.keepalive);
    link.connection.close();
    if (link.open) this.sink.closed(link.id, link.peerId);
  }
}
