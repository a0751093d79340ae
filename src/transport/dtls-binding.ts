/**
 * The bytes that tie a sync session to its WebRTC connection: both ends' DTLS certificate
 * fingerprints from the SDP, sorted so both sides compute the same bytes. The core mixes
 * them into the handshake proofs; a tracker (or anyone in the signalling path) that swapped
 * in its own DTLS endpoints would see the proofs fail.
 */
import { utf8 } from '../core/bytes';

const FINGERPRINT = /^a=fingerprint:(\S+) ([0-9A-Fa-f:]+)\s*$/gm;

/** The one DTLS fingerprint of an SDP; null when there is none or more than one. */
export function dtlsFingerprint(sdp: string | undefined): string | null {
  const matches = sdp ? [...sdp.matchAll(FINGERPRINT)] : [];
  const [algorithm, hex] = matches.length === 1 ? (matches[0]?.slice(1) ?? []) : [];
  if (!algorithm || !hex) return null;
  return `${algorithm.toLowerCase()} ${hex.toUpperCase()}`;
}

/**
 * Null unless each side's SDP has exactly one fingerprint: then the link is refused (fail
 * closed), never run with a binding that ties the session to nothing.
 */
export function dtlsBinding(connection: RTCPeerConnection | undefined): Uint8Array | null {
  const local = dtlsFingerprint(connection?.localDescription?.sdp);
  const remote = dtlsFingerprint(connection?.remoteDescription?.sdp);
  if (!local || !remote) return null;
  return utf8([local, remote].sort().join('\n'));
}
