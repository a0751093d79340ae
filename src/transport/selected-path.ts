/**
 * Which way a WebRTC connection actually goes, from the browser's own statistics: the
 * selected candidate pair's local and remote candidate types (host, srflx, prflx, relay).
 * Either end on a TURN relay means "through the relay"; otherwise the friends talk directly.
 */
import type { LinkPath } from '../messaging/status';

interface StatsEntry {
  type: string;
  id: string;
  selected?: boolean;
  nominated?: boolean;
  state?: string;
  localCandidateId?: string;
  remoteCandidateId?: string;
  selectedCandidatePairId?: string;
  candidateType?: string;
  relayProtocol?: string;
}

export async function selectedPath(connection: RTCPeerConnection): Promise<LinkPath | null> {
  const stats = new Map<string, StatsEntry>();
  (await connection.getStats()).forEach((entry: StatsEntry) => stats.set(entry.id, entry));
  // Chromium names the pair on the transport; Firefox marks it `selected` on the pair itself.
  let pair: StatsEntry | undefined;
  for (const entry of stats.values())
    if (entry.type === 'transport' && entry.selectedCandidatePairId)
      pair = stats.get(entry.selectedCandidatePairId);
  pair ??= [...stats.values()].find(
    (e) => e.type === 'candidate-pair' && (e.selected || (e.nominated && e.state === 'succeeded')),
  );
  const localCandidate = pair?.localCandidateId ? stats.get(pair.localCandidateId) : undefined;
  const local = localCandidate?.candidateType;
  const remote = pair?.remoteCandidateId ? stats.get(pair.remoteCandidateId)?.candidateType : null;
  if (!local || !remote) return null;
  const remoteTypes = new Set<string>();
  for (const entry of stats.values())
    if (entry.type === 'remote-candidate' && entry.candidateType)
      remoteTypes.add(entry.candidateType);
  return {
    via: local === 'relay' || remote === 'relay' ? 'relay' : 'direct',
    local,
    remote,
    relayProtocol: local === 'relay' ? (localCandidate?.relayProtocol ?? null) : null,
    remoteTypes: [...remoteTypes].sort(),
  };
}
