import type { GameConfig } from "../rules/config.ts";
import { changedSetting, currentValue, withChange } from "../rules/live/rule-change.ts";
import type { LiveCommand, ScheduledEvent } from "../rules/live/types.ts";
import { lower, settingChange, settingNow, topicLabel, visibilityText } from "./live.ts";
import { t } from "../i18n/index.ts";
import { blacklistName, formatScore } from "./score.ts";

/**
 * A planned event in words, from the rules in force when it comes (`c`). A rule change says
 * the value it moves from: `before` once it has fired, otherwise the value in `c`. One that
 * would set a rule to the value it already has says so: the rules skip it.
 */
export function planText(event: LiveCommand, c: GameConfig, past?: { before?: number }): string {
  switch (event.type) {
    case "visibility":
      return visibilityText(event.mode)?.plan ?? t("feed.line.live.visibility");
    case "rule-change": {
      const ch = event.change;
      const before = past?.before ?? currentValue(c, ch);
      if (before === ch.value) {
        const { label, value } = settingNow(changedSetting(ch), ch.value, c);
        return t(past ? "feed.plan.skipped" : "feed.plan.will-skip", { label, value });
      }
      const { headline, detail } = settingChange(changedSetting(ch), before, ch.value, c);
      return t("feed.plan.change", { headline, detail: lower(detail) });
    }
    case "ban-topic": {
      const penalty = formatScore(event.penalty ?? c.topicBanPenalty, c);
      return t("feed.plan.ban-topic", { topic: topicLabel(event.topic, c), penalty, earlier: event.retroactive ? "yes" : "no" });
    }
    case "audit":
      return t("feed.plan.audit", { share: event.share ?? c.auditShare, points: formatScore(event.points ?? c.auditPoints, c) });
    case "blacklist-shock":
      return t("feed.plan.shock", { below: formatScore(event.below ?? c.shockBelow, c), name: lower(blacklistName(c)) });
    case "vote-open":
      return t("feed.plan.vote-open", { share: event.share ?? c.voteShare });
    case "vote-close":
      return t("feed.plan.vote-close");
    case "final-round":
      return t("feed.plan.final-round");
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
  return t("feed.plan.when", { round: e.round, clock: planClock(e.atSecond) });
}
