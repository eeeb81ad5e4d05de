import { didPhrase, isActionName, ownLabel } from "./actions.ts";
import type { Labelled } from "./score.ts";

/** The last change of a player's score and its cause, as the synced state carries it. */
export interface ScoreChange {
  delta: number;
  rule: string;
  /** Player id of whoever caused it, or "" for the round-end pull. */
  actor: string;
  action: string;
}

/** Resolves a player id to the nickname to show (a removed player keeps a name). */
export type NameOf = (id: string) => string;

export function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`;
}

function did(action: string, c?: Labelled): string {
  return isActionName(action) ? didPhrase(action, c) : "did something";
}

/** Why my score moved, in the second person: the cause only, without the number. */
function reasonFor(change: ScoreChange, me: string, nameOf: NameOf, c?: Labelled): string {
  const other = change.actor && change.actor !== me ? nameOf(change.actor) : "";
  switch (change.rule) {
    case "action":
      return `you ${did(change.action, c).replace("their score", "your score")}`;
    case "friend-spillover":
      return `your friend ${other || "someone"} ${did(change.action, c)}`;
    case "vouch":
      return other ? `${other} ${didPhrase("vouch", c, "you")}` : "you vouched for a friend in good standing";
    case "vouch-risk":
      return "you vouched for a friend with a low score";
    case "reported":
      return `${other || "someone"} ${didPhrase("report", c, "you")}`;
    case "guilt-by-association":
      return change.delta < 0 ? "your friends' scores dragged you down at the end of the round" : "your friends' scores lifted you at the end of the round";
    case "appeal-upheld":
      return "your appeal was upheld";
    case "topic-ban":
      return "a post of yours is on a banned topic";
    case "audit":
      return "a random audit took points from you (appeal if it was wrong)";
    default:
      return "your score changed";
  }
}

/** Writes a change with its sign; a scenario with a score divisor passes its own ("-0.10"). */
export type FormatDelta = (delta: number) => string;

/** "-10: your friend Ana posted an unapproved opinion". */
export function scoreSentence(change: ScoreChange, me: string, nameOf: NameOf, fmt: FormatDelta = signed, c?: Labelled): string {
  return `${fmt(change.delta)}: ${reasonFor(change, me, nameOf, c)}`;
}

/** The same change told about someone else, for a host or a friend's list: "Bo -10 (friend Ana posted …)". */
export function scoreSentenceAbout(player: string, change: ScoreChange, nameOf: NameOf, fmt: FormatDelta = signed, c?: Labelled): string {
  const name = nameOf(player);
  const actor = change.actor ? nameOf(change.actor) : "";
  // Amounts are withheld from the public feed while scores are not public: the cause is still told.
  const d = change.delta === 0 ? "" : ` ${fmt(change.delta)}`;
  switch (change.rule) {
    case "friend-spillover":
      return `${name}${d}: friend ${actor} ${did(change.action, c)}`;
    case "vouch":
      return actor === name ? `${name}${d} for vouching` : `${name}${d}: ${actor} ${didPhrase("vouch", c, "them")}`;
    case "vouch-risk":
      return `${name}${d} for vouching for a low scorer`;
    case "reported":
      return ownLabel("report", c) ? `${name}${d}: ${actor} ${didPhrase("report", c, "them")}` : `${name}${d}: reported by ${actor}`;
    case "guilt-by-association":
      return `${name}${d}: guilt by association`;
    case "appeal-upheld":
      return `${name}${d}: appeal upheld`;
    case "topic-ban":
      return `${name}${d}: a post on a banned topic`;
    case "audit":
      return `${name}${d}: random audit`;
    default:
      return `${name}${d}: ${did(change.action, c)}`;
  }
}

const DEDUCTION_CAUSE: Record<string, string> = {
  action: "your own action",
  "friend-spillover": "a friend's action",
  "vouch-risk": "a risky vouch",
  reported: "a report against you",
  "guilt-by-association": "your friends' scores",
  "topic-ban": "a post on a banned topic",
  audit: "a random audit",
};

/** What caused a deduction, for the list a player may appeal from: "a random audit". */
export function deductionCause(rule: string): string {
  return DEDUCTION_CAUSE[rule] ?? "a rule of the game";
}
