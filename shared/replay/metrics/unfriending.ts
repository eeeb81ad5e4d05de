import type { GameEvent } from "../../rules/events.ts";
import { friendKey, type PlayerId } from "../../rules/state.ts";
import type { Collector, Mirror } from "./mirror.ts";
import { share } from "./stats.ts";

/** Score gaps between two friends, in points: [0, 25), [25, 50), [50, 100), [100, 200), 200 and more. */
const GAP_EDGES = [0, 25, 50, 100, 200] as const;

export interface GapBin {
  /** The gap range [from, to); `to` is null for the open last bin. */
  from: number;
  to: number | null;
  /** Friendships that stood at some moment of the round(s). */
  friendships: number;
  unfriended: number;
  rate: number | null;
}

function emptyBins(): GapBin[] {
  return GAP_EDGES.map((from, i) => ({ from, to: GAP_EDGES[i + 1] ?? null, friendships: 0, unfriended: 0, rate: null }));
}

function binOf(gap: number): number {
  let i = GAP_EDGES.length - 1;
  while (i > 0 && gap < GAP_EDGES[i]) i--;
  return i;
}

/**
 * Metric 1, unfriending against the score gap. Every friendship that stood at some moment of
 * a round is one chance to be cut; its gap is taken when it was cut, or at the round's end if
 * it survived. The rate per gap bin is cut / chances.
 */
export class UnfriendingByGap implements Collector {
  readonly rounds = new Map<number, GapBin[]>();
  private open = new Map<string, [PlayerId, PlayerId]>();

  roundStart(m: Mirror, round: number): void {
    this.rounds.set(round, emptyBins());
    this.open.clear();
    for (const [a, b] of m.edges()) this.open.set(friendKey(a, b), [a, b]);
  }

  event(e: GameEvent, m: Mirror, round: number): void {
    const bins = this.rounds.get(round);
    if (!bins) return;
    if (e.type === "friends") this.open.set(friendKey(e.a, e.b), [e.a, e.b]);
    else if (e.type === "unfriended") {
      this.open.delete(friendKey(e.by, e.other));
      const bin = bins[binOf(Math.abs(m.score(e.by) - m.score(e.other)))];
      bin.friendships++;
      bin.unfriended++;
    } else if (e.type === "player-removed") {
      // A removal ends friendships without anyone choosing to: not a chance to unfriend.
      for (const f of m.friendsOf(e.player)) this.open.delete(friendKey(e.player, f));
    }
  }

  roundEnd(m: Mirror, round: number): void {
    const bins = this.rounds.get(round);
    if (!bins) return;
    for (const [a, b] of this.open.values()) bins[binOf(Math.abs(m.score(a) - m.score(b)))].friendships++;
    this.open.clear();
    for (const bin of bins) bin.rate = share(bin.unfriended, bin.friendships);
  }

  /** All rounds pooled. */
  overall(): GapBin[] {
    const total = emptyBins();
    for (const bins of this.rounds.values()) {
      bins.forEach((b, i) => {
        total[i].friendships += b.friendships;
        total[i].unfriended += b.unfriended;
      });
    }
    for (const bin of total) bin.rate = share(bin.unfriended, bin.friendships);
    return total;
  }
}
