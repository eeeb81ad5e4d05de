import { t } from "../../../shared/i18n/index.ts";
import type { GameConfig } from "../../../shared/rules/config.ts";
import type { LiveDetail } from "../../../shared/rules/live/types.ts";
import { mistakeSentence } from "../../../shared/text/debrief.ts";
import { liveEntryOf, liveSentence, liveText } from "../../../shared/text/live.ts";
import type { NameOf } from "../../../shared/text/reasons.ts";
import { formatScore, listedText } from "../../../shared/text/score.ts";
import { changedText } from "../../../shared/text/changes.ts";
import { clockText } from "./score-lines.ts";
import type { Moment } from "./worker-protocol.ts";
import type { LiveCause } from "../../../shared/replay/debrief-answers.ts";

export interface MomentText {
  icon: string;
  text: string;
  /** A class for its colour on the timeline. */
  tone: "rule" | "live" | "drop" | "wave" | "pace" | "person";
}

/** A recorded live event in the banner's words; an audit by its headline, since the banner's line on it is for players who may still appeal. */
export function liveEventText(e: LiveCause, c: GameConfig, nameOf: NameOf): string {
  const entry = liveEntryOf({ seq: e.event, at: e.at, round: e.round, scheduled: e.scheduled, detail: e.detail });
  return e.detail.kind === "audit" ? liveText(entry, c, nameOf).title : liveSentence(entry, c, nameOf);
}

/**
 * A live moment in the banner's words (liveSentence), then who set it going, and for an audit
 * whom its mistake hit and what came of it (the banner's own line on audits is for players
 * who may still appeal).
 */
function liveMoment(m: Moment, detail: LiveDetail, c: GameConfig, nameOf: NameOf, from: number): string {
  const said = liveEventText({ event: m.event, at: m.at, round: m.round, scheduled: m.scheduled ?? false, detail }, c, nameOf);
  const who = m.scheduled === undefined ? "unknown" : m.scheduled ? "planned" : "facilitator";
  const mistake = m.audit?.mistake;
  if (!mistake) return t("replay.moment.live", { said, who });
  return t("replay.moment.live-mistake", { said, who, mistake: mistakeSentence(mistake.nickname, mistake.appeal, (at) => clockText(at - from)) });
}

/** A key moment as the timeline's marker and caption tell it; `from` is the timeline's start, for the clock. */
export function momentText(m: Moment, c: GameConfig, nameOf: NameOf, from = 0): MomentText {
  switch (m.kind) {
    case "rule-change":
      return {
        icon: "⚙",
        text: m.live ? liveMoment(m, m.live, c, nameOf, from) : t("replay.moment.settings", { changes: changedText(m.changed, c) }),
        tone: "rule",
      };
    case "live":
      return { icon: "✦", text: liveMoment(m, m.detail, c, nameOf, from), tone: "live" };
    case "pause":
      return { icon: "❚❚", text: t("replay.moment.pause"), tone: "pace" };
    case "resume":
      return { icon: "▶", text: t("replay.moment.resume"), tone: "pace" };
    case "removal":
      return { icon: "✕", text: t(m.banned ? "replay.moment.removed-banned" : "replay.moment.removed", { name: m.nickname }), tone: "person" };
    case "blacklisted":
      return {
        icon: "⊘",
        text: c.scenario.labels.blacklisted ? listedText(m.nickname, true, c) : t("replay.moment.blacklisted", { name: m.nickname }),
        tone: "person",
      };
    case "drop":
      return {
        icon: "▼",
        text: t("replay.moment.drop", { name: m.nickname, from: formatScore(m.from, c), to: formatScore(m.to, c), round: m.round }),
        tone: "drop",
      };
    case "unfriending-wave":
      return {
        icon: "✂",
        text: t("replay.moment.wave", { count: m.count, seconds: Math.max(1, Math.round((m.at - m.fromAt) / 1000)) }),
        tone: "wave",
      };
  }
}
