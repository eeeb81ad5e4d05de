import { type MessageKey, t } from "../i18n/index.ts";
import { didPhrase, isActionName, ownLabel, youDid } from "./actions.ts";
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
  return isActionName(action) ? didPhrase(action, c) : t("feed.did-something");
}

/** Why my score moved, in the second person: the cause only, without the number. */
function reasonFor(change: ScoreChange, me: string, nameOf: NameOf, c?: Labelled): string {
  const other = change.actor && change.actor !== me ? nameOf(change.actor) : "";
  const name = other || t("feed.someone");
  switch (change.rule) {
    case "action":
      return isActionName(change.action) ? youDid(change.action, c) : t("feed.reason.other");
    case "friend-spillover":
      return t("feed.reason.friend", { name, did: did(change.action, c) });
    case "vouch": {
      if (!other) return t("feed.reason.vouched-good");
      const label = ownLabel("vouch", c);
      return label ? t("feed.reason.chose-on-you", { name, label }) : t("feed.reason.vouched-you", { name });
    }
    case "vouch-risk":
      return t("feed.reason.vouch-risk");
    case "reported": {
      const label = ownLabel("report", c);
      return label ? t("feed.reason.chose-on-you", { name, label }) : t("feed.reason.reported-you", { name });
    }
    case "guilt-by-association":
      return t(change.delta < 0 ? "feed.reason.guilt-down" : "feed.reason.guilt-up");
    case "appeal-upheld":
      return t("feed.reason.appeal-upheld");
    case "topic-ban":
      return t("feed.reason.topic-ban");
    case "audit":
      return t("feed.reason.audit");
    default:
      return t("feed.reason.other");
  }
}

/** Writes a change with its sign; a scenario with a score divisor passes its own ("-0.10"). */
export type FormatDelta = (delta: number) => string;

/** "-10: your friend Ana posted an unapproved opinion". */
export function scoreSentence(change: ScoreChange, me: string, nameOf: NameOf, fmt: FormatDelta = signed, c?: Labelled): string {
  return t("feed.reason.line", { delta: fmt(change.delta), reason: reasonFor(change, me, nameOf, c) });
}

/** The same change told about someone else, for a host or a friend's list: "Bo -10 (friend Ana posted …)". */
export function scoreSentenceAbout(player: string, change: ScoreChange, nameOf: NameOf, fmt: FormatDelta = signed, c?: Labelled): string {
  const name = nameOf(player);
  const actor = change.actor ? nameOf(change.actor) : "";
  // Amounts are withheld from the public feed while scores are not public: the cause is still told.
  const who = change.delta === 0 ? name : t("feed.about.who", { name, delta: fmt(change.delta) });
  switch (change.rule) {
    case "friend-spillover":
      return t("feed.about.friend", { who, actor, did: did(change.action, c) });
    case "vouch": {
      if (actor === name) return t("feed.about.vouching", { who });
      const label = ownLabel("vouch", c);
      return label ? t("feed.about.chose-on-them", { who, actor, label }) : t("feed.about.vouched-them", { who, actor });
    }
    case "vouch-risk":
      return t("feed.about.vouch-risk", { who });
    case "reported": {
      const label = ownLabel("report", c);
      return label ? t("feed.about.chose-on-them", { who, actor, label }) : t("feed.about.reported", { who, actor });
    }
    case "guilt-by-association":
      return t("feed.about.guilt", { who });
    case "appeal-upheld":
      return t("feed.about.appeal-upheld", { who });
    case "topic-ban":
      return t("feed.about.topic-ban", { who });
    case "audit":
      return t("feed.about.audit", { who });
    default:
      return t("feed.about.other", { who, did: did(change.action, c) });
  }
}

const DEDUCTION_CAUSE: Record<string, MessageKey> = {
  action: "feed.cause.action",
  "friend-spillover": "feed.cause.friend-spillover",
  "vouch-risk": "feed.cause.vouch-risk",
  reported: "feed.cause.reported",
  "guilt-by-association": "feed.cause.guilt-by-association",
  "topic-ban": "feed.cause.topic-ban",
  audit: "feed.cause.audit",
};

/** What caused a deduction, for the list a player may appeal from: "a random audit". */
export function deductionCause(rule: string): string {
  return t(DEDUCTION_CAUSE[rule] ?? "feed.cause.other");
}
