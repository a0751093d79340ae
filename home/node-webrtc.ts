/**
 * WebRTC for the home: node-datachannel's browser-style RTCPeerConnection, made to behave as
 * the browsers' does where PeerJS and the far end rely on it, so the home speaks exactly the
 * browsers' wire through the same transport code (src/transport). What is mended here:
 *
 * - **Candidates wait for both descriptions.** libdatachannel verifies the far end's DTLS
 *   certificate against the fingerprint in its answer, and fails the connection ("unknown CA")
 *   when connectivity checks and a ClientHello arrive before that answer; browsers wait for it.
 *   On a fast path the far end can reach us before the answer has crossed the tracker, so our
 *   candidates (and those in our offer's SDP) are handed out only once our description has been
 *   sent and theirs applied: nobody can reach us before we can check them.
 * - **One chain of operations.** A browser queues `setRemoteDescription` and `addIceCandidate`;
 *   libdatachannel applies a description on its own thread and says so with a signalling-state
 *   change, refusing candidates before that ("without ICE transport").
 * - **Candidates as browsers write them**: `candidate:…`, without libdatachannel's `a=`.
 * - **TURN credentials escaped**: the polyfill writes them into a URL unescaped, and the
 *   tracker's REST usernames hold a `:` (shared/NAT-LAB.md).
 *
 * PeerJS reads these globals when it is first loaded: `installNodeWebRtc` runs before it is.
 */
import {
  RTCIceCandidate,
  RTCPeerConnection as PolyfillPeerConnection,
  RTCPeerConnectionIceEvent,
  RTCSessionDescription,
} from 'node-datachannel/polyfill';
import WebSocket from 'ws';

/** How long a description may take to apply before candidates go ahead anyway. */
const SIGNALING_WAIT_MS = 2_000;

/** TURN credentials as the polyfill's URL needs them; STUN servers unchanged. */
export function escapedIceServers(servers: readonly RTCIceServer[] = []): RTCIceServer[] {
  return servers.map((server) =>
    server.username && typeof server.credential === 'string'
      ? {
          ...server,
          username: encodeURIComponent(server.username),
          credential: encodeURIComponent(server.credential),
        }
      : server,
  );
}

/** An SDP without its candidates: they follow one by one, when they may (see above). */
export const withoutCandidates = (sdp: string): string =>
  sdp
    .split('\r\n')
    .filter((line) => !line.startsWith('a=candidate:') && line !== 'a=end-of-candidates')
    .join('\r\n');

/** A candidate line as browsers write it. */
export const browserCandidate = (line: string): string => line.replace(/^a=/, '');

export class NodePeerConnection extends PolyfillPeerConnection {
  private operations: Promise<unknown> = Promise.resolve();
  /** Local candidates not yet handed on; null once both descriptions are in place. */
  private heldCandidates: RTCIceCandidate[] | null = [];
  private localSent = false;
  private remoteApplied = false;

  constructor(config: RTCConfiguration = {}) {
    super({ ...config, iceServers: escapedIceServers(config.iceServers) });
  }

  private inOrder<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.operations.then(operation);
    // One failed step fails its caller, not the steps after it.
    this.operations = result.catch(() => undefined);
    return result;
  }

  override async createOffer(): Promise<RTCSessionDescriptionInit> {
    const offer = await super.createOffer();
    return { type: offer.type, sdp: withoutCandidates(offer.sdp ?? '') };
  }

  override setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    return this.inOrder(async () => {
      const applied = this.nextSignalingChange();
      await super.setRemoteDescription(description);
      await applied;
      this.remoteApplied = true;
      this.releaseCandidates();
    });
  }

  override addIceCandidate(candidate?: RTCIceCandidateInit): Promise<void> {
    return this.inOrder(() => super.addIceCandidate(candidate));
  }

  override async setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await super.setLocalDescription(description);
    // PeerJS sends the description right after this promise settles, in the same task.
    setTimeout(() => {
      this.localSent = true;
      this.releaseCandidates();
    }, 0);
  }

  override dispatchEvent(event: Event): boolean {
    if (event.type !== 'icecandidate' || !(event instanceof RTCPeerConnectionIceEvent))
      return super.dispatchEvent(event);
    const candidate = event.candidate;
    if (!candidate) return super.dispatchEvent(event);
    const line = new RTCIceCandidate({
      candidate: browserCandidate(candidate.candidate),
      sdpMid: candidate.sdpMid,
    });
    if (this.heldCandidates) this.heldCandidates.push(line);
    else super.dispatchEvent(new RTCPeerConnectionIceEvent(line));
    return true;
  }

  private releaseCandidates(): void {
    if (!this.localSent || !this.remoteApplied || !this.heldCandidates) return;
    const held = this.heldCandidates;
    this.heldCandidates = null;
    for (const candidate of held) super.dispatchEvent(new RTCPeerConnectionIceEvent(candidate));
  }

  /** Resolves at the next signalling-state change, or after SIGNALING_WAIT_MS. */
  private nextSignalingChange(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.removeEventListener('signalingstatechange', done);
        resolve();
      };
      const timer = setTimeout(done, SIGNALING_WAIT_MS);
      this.addEventListener('signalingstatechange', done);
    });
  }
}

/** Makes RTCPeerConnection and WebSocket what PeerJS expects to find; call before loading it. */
export function installNodeWebRtc(): void {
  Object.assign(globalThis, {
    RTCPeerConnection: NodePeerConnection,
    RTCSessionDescription,
    RTCIceCandidate,
    WebSocket,
  });
}
