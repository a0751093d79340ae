/**
 * A client's questions to a tracker about who is online, and their answers. A tracker may lie:
 * an answer counts only for the ask it names and only for ids that ask named, so a tracker
 * cannot make a stranger look like a friend who is online; an unanswered ask ends empty.
 */
import { isPresenceAnswer, MAX_PRESENCE_IDS, PRESENCE_TYPE } from './frames';
import type { PeerId } from './peer-id';

export interface PresenceAsk {
  /** What to send the tracker. */
  frame: { type: typeof PRESENCE_TYPE; payload: { ask: number; ids: PeerId[] } };
  /** The ids online among those asked; empty when the tracker does not answer in time. */
  answer: Promise<PeerId[]>;
}

export class PresenceAsks {
  private asks = 0;
  private readonly pending = new Map<number, (online: PeerId[]) => void>();

  constructor(private readonly timeoutMs: number) {}

  ask(ids: PeerId[]): PresenceAsk {
    const ask = ++this.asks;
    const sent = ids.slice(0, MAX_PRESENCE_IDS);
    const asked = new Set(sent);
    const answer = new Promise<PeerId[]>((resolve) => {
      this.pending.set(ask, (online) => resolve(online.filter((id) => asked.has(id))));
      setTimeout(() => {
        if (this.pending.delete(ask)) resolve([]);
      }, this.timeoutMs);
    });
    return { frame: { type: PRESENCE_TYPE, payload: { ask, ids: sent } }, answer };
  }

  /** Takes a frame from the tracker; false when it is not a presence answer (PeerJS's own). */
  answered(frame: unknown): boolean {
    const checked = isPresenceAnswer(frame);
    if (!checked.ok) return false;
    const resolve = this.pending.get(checked.value.payload.ask);
    this.pending.delete(checked.value.payload.ask);
    resolve?.(checked.value.payload.online);
    return true;
  }
}
