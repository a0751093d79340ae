/**
 * The session's channel binding comes from exactly one DTLS fingerprint on each side; anything
 * else fails closed (the link is refused) instead of binding the session to nothing.
 */
import { describe, expect, it } from 'vitest';
import { dtlsBinding, dtlsFingerprint } from '../../../src/transport/dtls-binding';

const FP_A = 'sha-256 AA:BB:CC';
const FP_B = 'sha-256 DD:EE:FF';
const sdp = (...fingerprints: string[]) =>
  ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', ...fingerprints.map((f) => `a=fingerprint:${f}`), ''].join(
    '\r\n',
  );
const connection = (local: string, remote: string) =>
  ({
    localDescription: { sdp: local },
    remoteDescription: { sdp: remote },
  }) as unknown as RTCPeerConnection;

describe('DTLS channel binding', () => {
  it('binds both sides’ single fingerprints, in an order both compute alike', () => {
    const ours = dtlsBinding(connection(sdp(FP_A), sdp(FP_B)));
    const theirs = dtlsBinding(connection(sdp(FP_B), sdp(FP_A)));
    expect(new TextDecoder().decode(ours!)).toBe(`${FP_A}\n${FP_B}`);
    expect(theirs).toEqual(ours);
  });

  it('an attacker adding a second fingerprint line gets no binding at all', () => {
    expect(dtlsFingerprint(sdp(FP_A, FP_B))).toBeNull();
    expect(dtlsBinding(connection(sdp(FP_A), sdp(FP_B, FP_A)))).toBeNull();
  });

  it('an SDP without a fingerprint, or no description yet, fails closed', () => {
    expect(dtlsBinding(connection(sdp(FP_A), sdp()))).toBeNull();
    expect(dtlsBinding(undefined)).toBeNull();
  });
});
