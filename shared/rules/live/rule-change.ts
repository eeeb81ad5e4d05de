import type { Rejection } from "../commands.ts";
import { reject } from "../commands.ts";
import type { GameConfig } from "../config.ts";
import type { GameState } from "../state.ts";
import type { LiveRule } from "./announce.ts";
import { announce } from "./announce.ts";
import type { LiveOf, RuleChange } from "./types.ts";

export function currentValue(c: GameConfig, change: RuleChange): number {
  switch (change.rule) {
    case "friend-weight":
      return c.friendWeight;
    case "threshold":
      return c[change.threshold];
    case "action":
      return c.actions[change.action][change.field];
  }
}

/** The range a changed number must stay in, given the session's score range, and whether it must be whole. */
export function changeBounds(c: GameConfig, change: RuleChange): { min: number; max: number; whole: boolean } {
  const { scoreMin, scoreMax } = c;
  if (change.rule === "friend-weight") return { min: 0, max: 1, whole: false };
  if (change.rule === "threshold") return { min: scoreMin, max: scoreMax + 1, whole: true };
  if (change.field === "cost") return { min: 0, max: 5, whole: true };
  return { min: scoreMin - scoreMax, max: scoreMax - scoreMin, whole: true };
}

/** The name a live event gives the number a rule change moves: "friendWeight", "visaAt", "actions.report.self". */
export function changedSetting(change: RuleChange): string {
  if (change.rule === "friend-weight") return "friendWeight";
  if (change.rule === "threshold") return change.threshold;
  return `actions.${change.action}.${change.field}`;
}

/** Whether a counterfactual world holds this rule fixed against every later change. */
export function isHeld(c: GameConfig, setting: string): boolean {
  return c.held?.includes(setting) === true;
}

/** A change must keep its number within bounds, so a rule change can never break the game. */
function checkChange(s: GameState, change: RuleChange): Rejection | undefined {
  if (isHeld(s.config, changedSetting(change))) return reject("bad-change", "rule-held");
  const { min, max, whole } = changeBounds(s.config, change);
  const v = change.value;
  if (!Number.isFinite(v) || v < min || v > max) return reject("bad-change", "value-range", { min, max });
  if (whole && !Number.isInteger(v)) return reject("bad-change", "value-whole");
  if (currentValue(s.config, change) === v) return reject("bad-change", "rule-same", { value: v });
  return undefined;
}

/** A config with one rule changed, as a new object (configs may be shared with a replay). */
export function withChange(c: GameConfig, change: RuleChange): GameConfig {
  if (change.rule === "friend-weight") return { ...c, friendWeight: change.value };
  if (change.rule === "threshold") return { ...c, [change.threshold]: change.value };
  const effect = { ...c.actions[change.action], [change.field]: change.value };
  return { ...c, actions: { ...c.actions, [change.action]: effect } };
}

/** Applies a change to the game's rules; returns the old value. */
export function applyChange(s: GameState, change: RuleChange): number {
  const before = currentValue(s.config, change);
  s.config = withChange(s.config, change);
  return before;
}

/** Change a rule mid-game: the friend weight, one action's effect, or a threshold. */
export const ruleChange: LiveRule<LiveOf<"rule-change">> = {
  check: (s, c) => checkChange(s, c.change),
  run(t, c, scheduled) {
    const before = applyChange(t.s, c.change);
    announce(t, { kind: "rule-change", change: c.change, before }, scheduled);
  },
};
