import { tierOf, type GameState, type PlayerId, type Tier } from "../rules/state.ts";
import { Mirror } from "./metrics/mirror.ts";
import { networkShape, type NetworkShape } from "./metrics/network.ts";
import { gini, mean } from "./metrics/stats.ts";

export interface Bin {
  from: number;
  /** Exclusive, except for the last bin, which holds the top score too. */
  to: number;
  players: number;
}

export interface GraphNode {
  id: PlayerId;
  nickname: string;
  score: number;
  tier: Tier;
  blacklisted: boolean;
}

/** One world at the end of the log: its score distribution and its friendship graph. */
export interface WorldSummary {
  players: number;
  mean: number | null;
  gini: number;
  blacklisted: number;
  tiers: Record<Tier, number>;
  histogram: Bin[];
  network: NetworkShape;
  nodes: GraphNode[];
  /** Friendships as pairs of recorded player ids, each once, in join order. */
  edges: [PlayerId, PlayerId][];
}

/** Player ids in join order: p2 before p10 (a locale-aware compare is far slower on big graphs). */
function byId(a: PlayerId, b: PlayerId): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function histogram(values: readonly number[], from: number, to: number, width: number): Bin[] {
  const bins: Bin[] = [];
  for (let lo = from; lo < to; lo += width) bins.push({ from: lo, to: Math.min(lo + width, to), players: 0 });
  for (const v of values) {
    const i = Math.min(bins.length - 1, Math.max(0, Math.floor((v - from) / width)));
    bins[i].players++;
  }
  return bins;
}

/**
 * A world's distribution and graph, with its player ids translated to the recorded ones so the
 * two worlds line up node for node (a refused join shifts every later id in the other world).
 */
export function summarize(s: GameState, toRecorded: (id: PlayerId) => PlayerId, range: [number, number]): WorldSummary {
  const players = Object.values(s.players);
  const scores = players.map((p) => p.score);
  const tiers = { visa: 0, travel: 0, standard: 0, restricted: 0 };
  const mirror = new Mirror(() => 0);
  const nodes: GraphNode[] = [];
  for (const p of players) {
    const id = toRecorded(p.id);
    // Tiers by the rules in force at the end, which votes and rule changes may have moved.
    const tier = tierOf(p.score, s.config);
    tiers[tier]++;
    nodes.push({ id, nickname: p.nickname, score: p.score, tier, blacklisted: p.blacklisted });
    mirror.scores.set(id, p.score);
    mirror.friends.set(id, new Set());
  }
  const edges: [PlayerId, PlayerId][] = [];
  for (const key of Object.keys(s.friendships)) {
    const [a, b] = key.split("|").map(toRecorded);
    edges.push(byId(a, b) < 0 ? [a, b] : [b, a]);
    mirror.friends.get(a)?.add(b);
    mirror.friends.get(b)?.add(a);
  }
  return {
    players: players.length,
    mean: mean(scores),
    gini: gini(scores),
    blacklisted: players.filter((p) => p.blacklisted).length,
    tiers,
    histogram: histogram(scores, range[0], range[1], 50),
    network: networkShape(mirror),
    nodes: nodes.sort((a, b) => byId(a.id, b.id)),
    edges: edges.sort((x, y) => byId(x[0], y[0]) || byId(x[1], y[1])),
  };
}
