import { type MessageKey, t } from "../i18n/index.ts";
import { actionSentence, isActionName } from "./actions.ts";
import { scoreSentenceAbout, signed, type NameOf } from "./reasons.ts";
import { listedText, type Labelled } from "./score.ts";

/** A feed line as a screen keeps it: a `feed` message's FeedLine, absent names as "" and an absent delta as 0. */
export interface FeedEntry {
  seq: number;
  type: string;
  actor: string;
  target: string;
  action: string;
  rule: string;
  delta: number;
  round: number;
}

/** How a line should feel: a gain, a loss, a social move, or the game's own pacing. */
export type Tone = "good" | "bad" | "social" | "system";

export interface FeedLine {
  text: string;
  tone: Tone;
}

const GOOD_ACTIONS = new Set(["share-approved", "buy-responsible", "pay-bill", "volunteer", "brag"]);
const BAD_ACTIONS = new Set(["post-opinion", "buy-games", "default-debt", "report"]);
/** Rules that only ever raise a score, for a line whose amount is withheld. */
const KIND_RULES = new Set(["vouch", "appeal-upheld"]);

/** A live event in the feed, in brief: the banner tells the whole of it (see live.ts). */
const LIVE_KIND_TEXT: Record<string, MessageKey> = {
  visibility: "feed.line.live.visibility",
  "rule-change": "feed.line.live.rule-change",
  "topic-ban": "feed.line.live.topic-ban",
  audit: "feed.line.live.audit",
  "blacklist-shock": "feed.line.live.blacklist-shock",
  "vote-opened": "feed.line.live.vote-opened",
  "vote-closed": "feed.line.live.vote-closed",
  "final-round": "feed.line.live.final-round",
};

const PHASE_TEXT: Record<string, MessageKey> = {
  started: "feed.line.phase.started",
  "round-started": "feed.line.phase.round-started",
  "round-ended": "feed.line.phase.round-ended",
  paused: "feed.line.phase.paused",
  resumed: "feed.line.phase.resumed",
  ended: "feed.line.phase.ended",
};

/** A feed item as the ticker and the replay tell it. */
export function feedLine(e: FeedEntry, nameOf: NameOf, c?: Labelled): FeedLine {
  const actor = e.actor ? nameOf(e.actor) : "";
  const target = e.target ? nameOf(e.target) : "";
  switch (e.type) {
    case "acted": {
      if (!isActionName(e.action)) return { text: t("feed.line.acted", { actor }), tone: "social" };
      const tone: Tone = GOOD_ACTIONS.has(e.action) ? "good" : BAD_ACTIONS.has(e.action) ? "bad" : "social";
      return { text: actionSentence(actor, e.action, target || undefined, c), tone };
    }
    case "score":
      return {
        text: scoreSentenceAbout(e.target, { delta: e.delta, rule: e.rule, actor: e.actor, action: e.action }, nameOf, signed, c),
        tone: e.delta < 0 || (e.delta === 0 && !KIND_RULES.has(e.rule)) ? "bad" : "good",
      };
    case "friends":
      return { text: t("feed.line.friends", { actor, target }), tone: "social" };
    case "unfriended":
      return { text: t("feed.line.unfriended", { actor, target }), tone: "bad" };
    case "blacklisted":
      return { text: listedText(target, Boolean(e.delta), c), tone: e.delta ? "bad" : "good" };
    case "appeal":
      return e.delta ? { text: t("feed.line.appeal-upheld", { actor }), tone: "good" } : { text: t("feed.line.appeal-rejected", { actor }), tone: "bad" };
    case "player-joined":
      return { text: t("feed.line.joined", { actor }), tone: "system" };
    case "player-removed":
      return { text: t("feed.line.removed", { actor }), tone: "system" };
    case "phase":
      return { text: t(PHASE_TEXT[e.action] ?? "feed.line.phase.other", { round: e.round }), tone: "system" };
    case "live":
      return { text: t(LIVE_KIND_TEXT[e.action] ?? "feed.line.live.other"), tone: "system" };
    default:
      return { text: t("feed.line.other"), tone: "system" };
  }
}
