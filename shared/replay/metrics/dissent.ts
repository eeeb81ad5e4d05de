import type { GameEvent } from "../../rules/events.ts";
import type { PlayerId } from "../../rules/state.ts";
import type { Collector, Mirror } from "./mirror.ts";
import { share } from "./stats.ts";

export interface DissentBin {
  /** How many of the player's friends posted an unapproved opinion in the previous round. */
  k: number;
  players: number;
  /** Of those players, how many posted one themselves this round. */
  dissented: number;
  probability: number | null;
}

/**
 * Metric 8, how dissent spreads: P(a player posts an opinion in round r | k of their friends
 * did in round r - 1), with friendships as they stood when round r began. Round 1 has no
 * previous round, so it has no bins.
 */
export class DissentSpread implements Collector {
  readonly rounds = new Map<number, DissentBin[]>();
  private posted = new Set<PlayerId>();
  private exposure = new Map<PlayerId, number>();

  event(e: GameEvent): void {
    if (e.type === "acted" && e.action === "post-opinion") this.posted.add(e.player);
  }

  roundStart(m: Mirror, round: number): void {
    this.exposure.clear();
    if (round > 1) {
      for (const id of m.scores.keys()) {
        let k = 0;
        for (const f of m.friendsOf(id)) if (this.posted.has(f)) k++;
        this.exposure.set(id, k);
      }
    }
    this.posted.clear();
  }

  roundEnd(m: Mirror, round: number): void {
    if (this.exposure.size === 0) return;
    const bins = new Map<number, DissentBin>();
    for (const [id, k] of this.exposure) {
      if (!m.scores.has(id)) continue;
      const bin = bins.get(k) ?? { k, players: 0, dissented: 0, probability: null };
      bin.players++;
      if (this.posted.has(id)) bin.dissented++;
      bins.set(k, bin);
    }
    this.rounds.set(round, finish([...bins.values()]));
  }

  /** All rounds pooled. */
  overall(): DissentBin[] {
    const bins = new Map<number, DissentBin>();
    for (const list of this.rounds.values()) {
      for (const b of list) {
        const t = bins.get(b.k) ?? { k: b.k, players: 0, dissented: 0, probability: null };
        t.players += b.players;
        t.dissented += b.dissented;
        bins.set(b.k, t);
      }
    }
    return finish([...bins.values()]);
  }
}

function finish(bins: DissentBin[]): DissentBin[] {
  for (const b of bins) b.probability = share(b.dissented, b.players);
  return bins.sort((a, b) => a.k - b.k);
}
