import type { Command } from "../commands.ts";
import { reject } from "../commands.ts";
import type { Turn } from "../effects.ts";
import { emit } from "../effects.ts";
import type { GameState } from "../state.ts";
import { leaderboard, since } from "../state.ts";
import type { LiveRule } from "./announce.ts";
import { announce } from "./announce.ts";
import { applyChange, changedSetting, isHeld } from "./rule-change.ts";
import type { LiveOf } from "./types.ts";

type Vote = Extract<Command, { kind: "vote" }>;

/** How many of `n` players are "the top share": rounded, never fewer than one. */
function topCount(share: number, n: number): number {
  return Math.max(1, Math.round(share * n));
}

/** "The top 20% propose a rule" (after StarPower): the highest scorers pick one change from the menu. */
export const voteOpen: LiveRule<LiveOf<"vote-open">> = {
  check(s, c) {
    if (s.phase !== "round") return reject("bad-phase", "vote-needs-round");
    if (s.vote) return reject("bad-phase", "vote-open");
    if (s.config.voteMenu.length === 0) return reject("no-vote", "no-vote-menu");
    if (Object.keys(s.players).length === 0) return reject("bad-phase", "nobody-to-vote");
    if (c.share !== undefined && !(c.share > 0 && c.share <= 1)) return reject("bad-change", "vote-share");
    return undefined;
  },
  run(t, c, scheduled) {
    const order = leaderboard(t.s);
    const eligible = order.slice(0, topCount(c.share ?? t.s.config.voteShare, order.length));
    const options = t.s.config.voteMenu.map((o) => o.id);
    const seq = announce(t, { kind: "vote-opened", options, eligible }, scheduled);
    t.s.vote = { seq, options, eligible, choices: {}, ...(since(t.s, 3) ? { scheduled } : {}) };
  },
};

export const voteClose: LiveRule<LiveOf<"vote-close">> = {
  check(s) {
    if (!s.vote) return reject("no-vote", "no-vote");
    return undefined;
  },
  run: (t, _c, scheduled) => closeVote(t, scheduled),
};

/**
 * The choice with most votes wins; a tie goes to the option listed first; no votes change
 * nothing. Since version 3 the result is planned only when the plan opened the vote, however
 * it closes (by the clock, the last vote or the facilitator).
 */
export function closeVote(t: Turn, closedByPlan: boolean): void {
  const vote = t.s.vote;
  if (!vote) return;
  const scheduled = since(t.s, 3) ? vote.scheduled === true : closedByPlan;
  const tally: Record<string, number> = {};
  for (const id of vote.options) tally[id] = 0;
  for (const choice of Object.values(vote.choices)) tally[choice] += 1;
  let option: string | null = null;
  for (const id of vote.options) if (tally[id] > 0 && (option === null || tally[id] > tally[option])) option = id;
  const chosen = option === null ? null : t.s.config.voteMenu.find((o) => o.id === option)!.change;
  // A counterfactual world that holds the rule keeps the vote and its tally, not its change.
  const change = chosen && isHeld(t.s.config, changedSetting(chosen)) ? null : chosen;
  const before = change === null ? null : applyChange(t.s, change);
  t.s.vote = null;
  announce(t, { kind: "vote-closed", option, tally, change, before }, scheduled);
}

export function checkVote(s: GameState, c: Vote) {
  if (!s.players[c.player]) return reject("unknown-player", "not-a-player");
  const vote = s.vote;
  if (!vote) return reject("no-vote", "no-vote");
  if (!vote.eligible.includes(c.player)) return reject("not-eligible", "not-eligible-vote");
  if (c.player in vote.choices) return reject("already-voted", "already-voted");
  if (!vote.options.includes(c.option)) return reject("bad-option", "not-on-menu", { option: c.option });
  return undefined;
}

/** Records a vote; the last eligible vote closes the ballot at once. */
export function runVote(t: Turn, c: Vote): void {
  const vote = t.s.vote!;
  vote.choices = { ...vote.choices, [c.player]: c.option };
  emit(t, { type: "voted", player: c.player, option: c.option });
  if (vote.eligible.every((p) => p in vote.choices || !t.s.players[p])) closeVote(t, true);
}
