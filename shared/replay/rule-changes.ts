import type { GameEvent } from "../rules/events.ts";
import type { RuleChange as LiveRuleChange } from "../rules/live/types.ts";

function describeChange(c: LiveRuleChange): Record<string, number> {
  if (c.rule === "friend-weight") return { friendWeight: c.value };
  if (c.rule === "threshold") return { [c.threshold]: c.value };
  return { [`${c.action}.${c.field}`]: c.value };
}

/**
 * What an event changed in the rules, as setting → new value, or undefined when it changed
 * none: the facilitator's settings, a live rule change, a topic ban, a vote's outcome.
 */
export function rulesChangedBy(e: GameEvent): Record<string, number | boolean> | undefined {
  if (e.type === "settings") return e.changed;
  if (e.type !== "live") return undefined;
  const d = e.detail;
  if (d.kind === "rule-change") return describeChange(d.change);
  if (d.kind === "vote-closed" && d.change) return describeChange(d.change);
  if (d.kind === "topic-ban") return { [`banned:${d.topic}`]: true };
  return undefined;
}
