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
const LIVE_KIND_TEXT: Record<string, string> = {
  visibility: "Who sees scores has changed",
  "rule-change": "A rule has changed",
  "topic-ban": "A topic is now banned",
  audit: "A random audit took place",
  "blacklist-shock": "A blacklist sweep took place",
  "vote-opened": "The top players are choosing a new rule",
  "vote-closed": "The vote is over",
  "final-round": "This is the final round",
};

function phaseSentence(change: string, round: number): string {
  switch (change) {
    case "started":
      return "The game has started";
    case "round-started":
      return `Round ${round} has started`;
    case "round-ended":
      return `Round ${round} is over`;
    case "paused":
      return "The facilitator paused the game";
    case "resumed":
      return "The game goes on";
    case "ended":
      return "The game is over";
    default:
      return "The game moved on";
  }
}

/** A feed item as the ticker and the replay tell it. */
export function feedLine(e: FeedEntry, nameOf: NameOf, c?: Labelled): FeedLine {
  const actor = e.actor ? nameOf(e.actor) : "";
  const target = e.target ? nameOf(e.target) : "";
  switch (e.type) {
    case "acted": {
      if (!isActionName(e.action)) return { text: `${actor} acted`, tone: "social" };
      const tone: Tone = GOOD_ACTIONS.has(e.action) ? "good" : BAD_ACTIONS.has(e.action) ? "bad" : "social";
      return { text: actionSentence(actor, e.action, target || undefined, c), tone };
    }
    case "score":
      return {
        text: scoreSentenceAbout(e.target, { delta: e.delta, rule: e.rule, actor: e.actor, action: e.action }, nameOf, signed, c),
        tone: e.delta < 0 || (e.delta === 0 && !KIND_RULES.has(e.rule)) ? "bad" : "good",
      };
    case "friends":
      return { text: `${actor} and ${target} are now friends`, tone: "social" };
    case "unfriended":
      return { text: `${actor} unfriended ${target}`, tone: "bad" };
    case "blacklisted":
      return { text: listedText(target, Boolean(e.delta), c), tone: e.delta ? "bad" : "good" };
    case "appeal":
      return e.delta ? { text: `${actor}'s appeal was upheld`, tone: "good" } : { text: `${actor}'s appeal was rejected`, tone: "bad" };
    case "player-joined":
      return { text: `${actor} joined`, tone: "system" };
    case "player-removed":
      return { text: `${actor} was removed by the facilitator`, tone: "system" };
    case "phase":
      return { text: phaseSentence(e.action, e.round), tone: "system" };
    case "live":
      return { text: LIVE_KIND_TEXT[e.action] ?? "The facilitator changed something", tone: "system" };
    default:
      return { text: "Something happened", tone: "system" };
  }
}
