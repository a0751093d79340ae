/**
 * The home's WebRTC behaves as the browsers' does where it matters on the wire: nobody learns
 * its candidates before it can check their certificate (else libdatachannel fails the DTLS
 * handshake, "unknown CA", about one connection in six on loopback), candidates are written as
 * browsers write them, and TURN credentials survive the polyfill's URL.
 */
import { afterEach, expect, it } from 'vitest';
import {
  browserCandidate,
  escapedIceServers,
  NodePeerConnection,
  withoutCandidates,
} from '../../../home/node-webrtc';

const open: NodePeerConnection[] = [];
afterEach(() => {
  for (const pc of open.splice(0)) pc.close();
});

function peer(): { pc: NodePeerConnection; candidates: string[] } {
  const pc = new NodePeerConnection({ iceServers: [] });
  open.push(pc);
  const candidates: string[] = [];
  pc.addEventListener('icecandidate', (event) => {
    const candidate = (event as RTCPeerConnectionIceEvent).candidate?.candidate;
    if (candidate) candidates.push(candidate);
  });
  return { pc, candidates };
}

const gathered = (pc: NodePeerConnection) =>
  new Promise<void>((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') resolve();
    });
  });

it('gives out no candidate, in the offer or after it, until the answer is applied', async () => {
  const offerer = peer();
  const answerer = peer();
  offerer.pc.createDataChannel('murmur');
  const offer = await offerer.pc.createOffer();
  await offerer.pc.setLocalDescription(offer);
  await gathered(offerer.pc);
  await new Promise((r) => setTimeout(r, 0)); // the task in which the offer would be sent
  expect(offer.sdp).toMatch(/a=fingerprint:sha-256/);
  expect(offer.sdp).not.toMatch(/a=candidate/);
  expect(offerer.candidates).toEqual([]);

  await answerer.pc.setRemoteDescription(offer);
  const answer = await answerer.pc.createAnswer();
  await answerer.pc.setLocalDescription(answer);
  await gathered(answerer.pc);
  await new Promise((r) => setTimeout(r, 0));
  // The answerer (its description sent, the offer applied) may speak now.
  expect(answerer.candidates.length).toBeGreaterThan(0);
  expect(offerer.candidates).toEqual([]);

  await offerer.pc.setRemoteDescription(answer);
  expect(offerer.candidates.length).toBeGreaterThan(0);
  for (const line of [...offerer.candidates, ...answerer.candidates])
    expect(line).toMatch(/^candidate:/);
});

it('strips candidate lines from an SDP and nothing else', () => {
  const sdp = [
    'v=0',
    'a=candidate:1 1 UDP 1 192.0.2.2 5 typ host',
    'a=mid:0',
    'a=end-of-candidates',
    '',
  ];
  expect(withoutCandidates(sdp.join('\r\n'))).toBe(['v=0', 'a=mid:0', ''].join('\r\n'));
  expect(browserCandidate('a=candidate:1 1 UDP 1 192.0.2.2 5 typ host')).toBe(
    'candidate:1 1 UDP 1 192.0.2.2 5 typ host',
  );
});

it('percent-encodes TURN credentials (REST usernames hold a colon), not STUN servers', () => {
  expect(
    escapedIceServers([
      { urls: 'stun:192.0.2.1:3478' },
      { urls: 'turn:192.0.2.1:3478', username: '1700000000:m1', credential: 'a+b/c=' },
    ]),
  ).toEqual([
    { urls: 'stun:192.0.2.1:3478' },
    { urls: 'turn:192.0.2.1:3478', username: '1700000000%3Am1', credential: 'a%2Bb%2Fc%3D' },
  ]);
  // The polyfill accepts them (it refuses a URL it cannot parse).
  const turn = { urls: 'turn:192.0.2.1:3478', username: '1700000000:m1', credential: 'a+b/c=' };
  expect(() => new NodePeerConnection({ iceServers: [turn] }).close()).not.toThrow();
});
