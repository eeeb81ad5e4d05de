import type { GameConfig } from "../rules/config.ts";
import { currentValue } from "../rules/live/rule-change.ts";
import type { LiveCommand, ScheduledEvent } from "../rules/live/types.ts";
import { lower, settingChange, settingName, topicLabel, VISIBILITY } from "./live.ts";
import { blacklistName, formatScore } from "./score.ts";

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A planned event, said before it happens: for the host's view of a scenario's schedule. */
export function planText(event: LiveCommand, c: GameConfig): string {
  switch (event.type) {
    case "visibility":
      return VISIBILITY[event.mode].plan;
    case "rule-change": {
      const ch = event.change;
      const { headline, detail } = settingChange(settingName(ch), currentValue(c, ch), ch.value, c);
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

/** When a planned event fires: "Round 3 · 0:40". */
export function planWhen(e: Pick<ScheduledEvent, "round" | "atSecond">): string {
  return `Round ${e.round} · ${Math.floor(e.atSecond / 60)}:${String(e.atSecond % 60).padStart(2, "0")}`;
}
