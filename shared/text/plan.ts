import type { GameConfig } from "../rules/config.ts";
import { changedSetting, currentValue, withChange } from "../rules/live/rule-change.ts";
import type { LiveCommand, ScheduledEvent } from "../rules/live/types.ts";
import { lower, settingChange, settingNow, topicLabel, VISIBILITY } from "./live.ts";
import { blacklistName, formatScore } from "./score.ts";

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * A planned event in words, from the rules in force when it comes (`c`). A rule change says
 * the value it moves from: `before` once it has fired, otherwise the value in `c`. One that
 * would set a rule to the value it already has says so: the rules skip it.
 */
export function planText(event: LiveCommand, c: GameConfig, past?: { before?: number }): string {
  switch (event.type) {
    case "visibility":
      return VISIBILITY[event.mode].plan;
    case "rule-change": {
      const ch = event.change;
      const before = past?.before ?? currentValue(c, ch);
      if (before === ch.value) {
        const { label, value } = settingNow(changedSetting(ch), ch.value, c);
        return past ? `${label} was already ${value}: this planned change was skipped` : `${label} is already ${value}: this planned change will be skipped`;
      }
      const { headline, detail } = settingChange(changedSetting(ch), before, ch.value, c);
      return `${headline} (${lower(detail)})`;
    }
    case "ban-topic": {
      const penalty = formatScore(event.penalty ?? c.topicBanPenalty, c);
      return `Posts about ${topicLabel(event.topic, c)} are banned${event.retroactive ? ", earlier ones too" : ""} (${penalty} each)`;
    }
    case "audit":
      return `Random audit: ${percent(event.share ?? c.auditShare)} of players lose ${formatScore(event.points ?? c.auditPoints, c)}, one of them by mistake`;
    case "blacklist-shock":
      return `Everyone below ${formatScore(event.below ?? c.shockBelow, c)} is ${lower(blacklistName(c))}`;
    case "vote-open":
      return `The top ${percent(event.share ?? c.voteShare)} choose a new rule from the menu`;
    case "vote-close":
      return "The vote closes and the majority's choice applies";
    case "final-round":
      return "The final round is announced";
  }
}

/** A plan said in order, each rule change from the value the plan's earlier changes leave it at. */
export function planTexts(schedule: readonly ScheduledEvent[], c: GameConfig): string[] {
  let rules = c;
  return schedule.map(({ event }) => {
    const text = planText(event, rules);
    if (event.type === "rule-change") rules = withChange(rules, event.change);
    return text;
  });
}

/** How far into its round a planned event fires: "0:40". */
export function planClock(atSecond: number): string {
  return `${Math.floor(atSecond / 60)}:${String(atSecond % 60).padStart(2, "0")}`;
}

/** When a planned event fires: "Round 3 · 0:40". */
export function planWhen(e: Pick<ScheduledEvent, "round" | "atSecond">): string {
  return `Round ${e.round} · ${planClock(e.atSecond)}`;
}
