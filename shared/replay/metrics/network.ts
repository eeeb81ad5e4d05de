import type { Collector, Mirror } from "./mirror.ts";
import { assortativity, components } from "./stats.ts";

export interface NetworkShape {
  players: number;
  friendships: number;
  /** Connected groups, a player without friends counting as a group of one. */
  components: number;
  largestComponent: number;
  isolated: number;
  /** Correlation of the scores at the two ends of each friendship (null without friendships). */
  assortativity: number | null;
}

/** The shape of the friendship network as it stands in the mirror. */
export function networkShape(m: Mirror): NetworkShape {
  const parts = components(m.friends);
  let friendships = 0;
  for (const set of m.friends.values()) friendships += set.size;
  return {
    players: m.friends.size,
    friendships: friendships / 2,
    components: parts.length,
    largestComponent: parts[0]?.length ?? 0,
    isolated: parts.filter((p) => p.length === 1).length,
    assortativity: assortativity(m.friends, (id) => m.score(id)),
  };
}

/** Metric 2, fragmentation and assortativity, at the end of every round. */
export class NetworkByRound implements Collector {
  readonly rounds = new Map<number, NetworkShape>();

  roundEnd(m: Mirror, round: number): void {
    this.rounds.set(round, networkShape(m));
  }
}
