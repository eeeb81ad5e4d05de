import type { GameConfig } from "./config.ts";
import type { GameEvent } from "./events.ts";
import { withChange } from "./live/rule-change.ts";
import type { Visibility } from "./live/types.ts";

/** The rules as they stood at one moment: every number and label, and who could see scores. */
export interface RulesInForce {
  config: GameConfig;
  visibility: Visibility;
}

export function rulesAtStart(config: GameConfig): RulesInForce {
  return { config, visibility: config.visibility };
}

/**
 * The rules in force after one more event, read off the events alone with the rules' own
 * changes: the facilitator's settings, a live rule change, a vote's outcome, the final round,
 * a change of who sees scores. Returns the same object when the event changed no rule, so a
 * caller can tell a change by reference. The game's own state holds the same rules
 * (tests/unit/rules-at.test.ts folds both side by side); this serves whoever reads the events.
 */
export function rulesAfter(r: RulesInForce, e: GameEvent): RulesInForce {
  if (e.type === "settings") return { ...r, config: { ...r.config, ...e.changed } };
  if (e.type !== "live") return r;
  const d = e.detail;
  switch (d.kind) {
    case "rule-change":
      return { ...r, config: withChange(r.config, d.change) };
    case "vote-closed":
      return d.change ? { ...r, config: withChange(r.config, d.change) } : r;
    case "final-round":
      return r.config.rounds === d.round ? r : { ...r, config: { ...r.config, rounds: d.round } };
    case "visibility":
      return { ...r, visibility: d.mode };
    default:
      return r;
  }
}
