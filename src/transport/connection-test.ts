/**
 * "Test my connection" (Options › Network): for each tracker, whether we are registered, what
 * STUN/TURN it offers, the address its STUN server sees us at (so whether a NAT is in the
 * way), and whether its TURN relay gives us an allocation. Asked of the browser's own ICE
 * agent: a throwaway RTCPeerConnection gathers candidates and is closed again.
 */
import type { ConnectionTestResult, TrackerTestResult } from '../messaging/status';
import type { TrackerLink } from './tracker-link';

/** Within the host request deadline (5 s): a STUN or TURN server slower than this counts as silent. */
const GATHER_WITHIN_MS = 3_500;

interface Gathered {
  host: string[];
  srflx: string[];
  relay: string[];
}

/** Candidates a fresh connection gathers with this configuration (bounded in time). */
async function gather(config: RTCConfiguration): Promise<Gathered> {
  const connection = new RTCPeerConnection(config);
  const found: Gathered = { host: [], srflx: [], relay: [] };
  try {
    connection.createDataChannel('probe');
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, GATHER_WITHIN_MS);
      connection.onicecandidate = (event) => {
        if (!event.candidate) {
          clearTimeout(timer);
          resolve();
          return;
        }
        const { type, address } = event.candidate;
        if (address && (type === 'host' || type === 'srflx' || type === 'relay'))
          found[type].push(address);
      };
    });
    await connection.setLocalDescription(await connection.createOffer());
    await done;
  } finally {
    connection.close();
  }
  return found;
}

async function testTracker(link: TrackerLink): Promise<TrackerTestResult> {
  const registered = link.status.state === 'connected';
  const base = { url: link.url, registered, offers: link.ice.offer, error: link.status.lastError };
  if (!registered) return { ...base, publicAddress: null, behindNat: null, turn: 'not-offered' };
  const [all, relayed] = await Promise.all([
    gather(link.rtcConfig({ relayOnly: false })),
    link.ice.offersRelay ? gather(link.rtcConfig({ relayOnly: true })) : Promise.resolve(null),
  ]);
  const publicAddress = all.srflx[0] ?? null;
  return {
    ...base,
    publicAddress,
    behindNat: publicAddress === null ? null : !all.host.includes(publicAddress),
    turn: relayed === null ? 'not-offered' : relayed.relay.length > 0 ? 'works' : 'fails',
  };
}

export async function testConnection(links: TrackerLink[]): Promise<ConnectionTestResult> {
  return { trackers: await Promise.all(links.map(testTracker)) };
}
