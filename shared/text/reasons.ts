import { ACTION_TEXT, isActionName } from "./actions.ts";

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

function did(action: string): string {
  return isActionName(action) ? ACTION_TEXT[action].did : "did something";
}

/** Why my score moved, in the second person: the cause only, without the number. */
export function reasonFor(change: ScoreChange, me: string, nameOf: NameOf): string {
  const other = change.actor && change.actor !== me ? nameOf(change.actor) : "";
  switch (change.rule) {
    case "action":
      return `you ${did(change.action).replace("their score", "your score")}`;
    case "friend-spillover":
      return `your friend ${other || "someone"} ${did(change.action)}`;
    case "vouch":
      return other ? `${other} vouched for you` : "you vouched for a friend in good standing";
    case "vouch-risk":
      return "you vouched for a friend with a low score";
    case "reported":
      return `${other || "someone"} reported you`;
    case "guilt-by-association":
      return change.delta < 0 ? "your friends' scores dragged you down at the end of the round" : "your friends' scores lifted you at the end of the round";
    case "appeal-upheld":
      return "your appeal was upheld";
    default:
      return "your score changed";
  }
}

/** "-10: your friend Ana posted an unapproved opinion". */
export function scoreSentence(change: ScoreChange, me: string, nameOf: NameOf): string {
  return `${signed(change.delta)}: ${reasonFor(change, me, nameOf)}`;
}

/** The same change told about someone else, for a host or a friend's list: "Bo -10 (friend Ana posted …)". */
export function scoreSentenceAbout(player: string, change: ScoreChange, nameOf: NameOf): string {
  const name = nameOf(player);
  const actor = change.actor ? nameOf(change.actor) : "";
  switch (change.rule) {
    case "friend-spillover":
      return `${name} ${signed(change.delta)}: friend ${actor} ${did(change.action)}`;
    case "vouch":
      return actor === name ? `${name} ${signed(change.delta)} for vouching` : `${name} ${signed(change.delta)}: ${actor} vouched for them`;
    case "vouch-risk":
      return `${name} ${signed(change.delta)} for vouching for a low scorer`;
    case "reported":
      return `${name} ${signed(change.delta)}: reported by ${actor}`;
    case "guilt-by-association":
      return `${name} ${signed(change.delta)}: guilt by association`;
    case "appeal-upheld":
      return `${name} ${signed(change.delta)}: appeal upheld`;
    default:
      return `${name} ${signed(change.delta)}: ${did(change.action)}`;
  }
}
