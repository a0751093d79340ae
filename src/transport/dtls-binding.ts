/**
 * The bytes that tie a sync session to its WebRTC connection: both ends' DTLS certificate
 * fingerprints from the SDP, sorted so both sides compute the same bytes. The core mixes
 * them into the handshake proofs; a tracker (or anyone in the signalling path) that swapped
 * in its own DTLS endpoints would see the proofs fail.
 */
import { utf8 } from '../core/bytes';

const FINGERPRINT = /^a=fingerprint:(\S+) ([0-9A-Fa-f:]+)\s*$/m;

export function dtlsFingerprint(sdp: string | undefined): string | null {
  const match = sdp ? FINGERPRINT.exec(sdp) : null;
  return match ? `${match[1]!.toLowerCase()} ${match[2]!.toUpperCase()}` : null;
}

/** Empty when either side's fingerprint is unknown (the handshake then binds nothing extra). */
export function dtlsBinding(connection: RTCPeerConnection | undefined): Uint8Array {
  const local = dtlsFingerprint(connection?.localDescription?.sdp);
  const remote = dtlsFingerprint(connection?.remoteDescription?.sdp);
  if (!local || !remote) return new Uint8Array();
  return utf8([local, remote].sort().join('\n'));
}
