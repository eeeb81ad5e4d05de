import type { GameConfig } from "../../rules/config.ts";
import type { GameEvent } from "../../rules/events.ts";
import { rulesAfter, rulesAtStart, type RulesInForce } from "../../rules/rules-at.ts";
import { tierOf, type PlayerId, type Tier } from "../../rules/state.ts";
import type { Collector, Mirror } from "./mirror.ts";
import { gini, mean, share } from "./stats.ts";

const TIERS: readonly Tier[] = ["visa", "travel", "standard", "restricted"];

export interface Bunching {
  threshold: number;
  /** Players scoring threshold + 0 to + 20, and threshold - 20 to - 1. */
  justAbove: number;
  justBelow: number;
  aboveShare: number | null;
}

export interface TierMove {
  from: Tier;
  to: Tier;
  players: number;
}

export interface ScoreSpread {
  players: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  gini: number;
  blacklisted: number;
  tiers: Record<Tier, number>;
  bunching: Bunching[];
  /** From the tier each player held when the round began to the one they held at its end. */
  tierMoves: TierMove[];
  tierChanges: number;
}

/**
 * Metrics 4 and 7 at the end of every round: inequality (Gini) of scores, bunching just above
 * the travel and visa thresholds, and movement between tiers during the round. Tiers and
 * thresholds are the rules in force at that moment (a vote may have moved the visa line): a
 * tier at the round's start by the rules then, at its end by the rules then.
 */
export class ScoresByRound implements Collector {
  readonly rounds = new Map<number, ScoreSpread>();
  private startTiers = new Map<PlayerId, Tier>();
  private rules: RulesInForce;

  constructor(config: GameConfig) {
    this.rules = rulesAtStart(config);
  }

  private get config(): GameConfig {
    return this.rules.config;
  }

  event(e: GameEvent): void {
    this.rules = rulesAfter(this.rules, e);
  }

  roundStart(m: Mirror): void {
    this.startTiers.clear();
    for (const [id, score] of m.scores) this.startTiers.set(id, tierOf(score, this.config));
  }

  roundEnd(m: Mirror, round: number): void {
    const values = [...m.scores.values()];
    const tiers = { visa: 0, travel: 0, standard: 0, restricted: 0 };
    for (const v of values) tiers[tierOf(v, this.config)]++;
    const moves = new Map<string, TierMove>();
    let tierChanges = 0;
    for (const [id, from] of this.startTiers) {
      if (!m.scores.has(id)) continue;
      const to = tierOf(m.score(id), this.config);
      if (to !== from) tierChanges++;
      const key = `${from}>${to}`;
      const move = moves.get(key) ?? { from, to, players: 0 };
      move.players++;
      moves.set(key, move);
    }
    const order = (t: Tier) => TIERS.indexOf(t);
    this.rounds.set(round, {
      players: values.length,
      mean: mean(values),
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      gini: gini(values),
      blacklisted: m.blacklisted.size,
      tiers,
      bunching: [this.config.travelAt, this.config.visaAt].map((t) => bunching(values, t)),
      tierMoves: [...moves.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to)),
      tierChanges,
    });
  }
}

function bunching(values: readonly number[], threshold: number): Bunching {
  let justAbove = 0;
  let justBelow = 0;
  for (const v of values) {
    if (v >= threshold && v <= threshold + 20) justAbove++;
    else if (v >= threshold - 20 && v < threshold) justBelow++;
  }
  return { threshold, justAbove, justBelow, aboveShare: share(justAbove, justAbove + justBelow) };
}
