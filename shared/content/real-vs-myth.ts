import { isMessageKey, t } from "../i18n/index.ts";
import { ACTION_NAMES, DEFAULT_CONFIG, type ActionName, type Truth } from "../rules/config.ts";
import type { SourceId } from "./sources.ts";

/**
 * The debrief's "real or myth" panel, graded from shared/design/SOURCES.md (which is more careful
 * than GAME.md where they differ). Each card says only what its sources support: a mechanism the
 * game changes is "partly" real, a claim resting on one executive's example is "disputed".
 * The words live in the `content` catalog (a translation keeps each grade as it is); the tables
 * here hold ids, grades and sources, and read the words when a screen draws them.
 */
export type Grade = Exclude<Truth, "game">;

/** A key of the `content` catalog, built from an id; every one is checked against the English catalog. */
function message(key: string): string {
  return isMessageKey(key) ? t(key) : key;
}

/** Each grade in words, in the device's language when read. */
export const GRADE_LABEL: Readonly<Record<Truth, string>> = {
  get real() {
    return t("content.grade.real");
  },
  get partly() {
    return t("content.grade.partly");
  },
  get disputed() {
    return t("content.grade.disputed");
  },
  get myth() {
    return t("content.grade.myth");
  },
  get game() {
    return t("content.grade.game");
  },
};

export interface Fact {
  id: string;
  /** Where the claim comes from: the 2015 story, the game's own rules and events, or the West. */
  kind: "claim" | "rule" | "analogue";
  /** What the 2015 source text or the game claims. */
  readonly claim: string;
  grade: Grade;
  /** What the sources say happened. */
  readonly finding: string;
  sources: SourceId[];
}

/** The 2015 story the game is built on, in a sentence. */
export function sourceText(): string {
  return t("content.source-text");
}

/** The caution the source text itself added, said wherever the game ends (projector, replay and phones). */
export function disputedNote(): string {
  return t("content.disputed-note");
}
export const DISPUTED_SOURCES: SourceId[] = ["S1", "S4", "S43"];

function fact(id: string, kind: Fact["kind"], grade: Grade, sources: SourceId[]): Fact {
  return {
    id,
    kind,
    grade,
    sources,
    get claim() {
      return message(`content.fact.${id}.claim`);
    },
    get finding() {
      return message(`content.fact.${id}.finding`);
    },
  };
}

export const FACTS: Fact[] = [
  fact("sesame-credit", "claim", "partly", ["S7", "S22", "S29", "S25", "S27"]),
  fact("travel-thresholds", "claim", "partly", ["S12", "S13", "S14", "S4"]),
  fact("posts", "claim", "myth", ["S18", "S20", "S47"]),
  fact("shopping", "claim", "disputed", ["S17", "S18", "S11", "S43"]),
  fact("friends", "claim", "disputed", ["S16", "S10", "S32"]),
  fact("lookup", "claim", "partly", ["S60", "S20", "S61", "S33"]),
  fact("defaulter-blacklist", "claim", "real", ["S29", "S28", "S31"]),
  fact("local-pilots", "claim", "real", ["S35", "S36", "S39", "S34"]),
  fact("universal-score", "claim", "myth", ["S42", "S43", "S44", "S50", "S51"]),
  fact("topic-ban", "rule", "myth", ["S67"]),
  fact("audits", "rule", "partly", ["S63", "S48"]),
  fact("blacklist-shock", "rule", "real", ["S64", "S46", "S29"]),
  fact("top-players-vote", "rule", "myth", ["S51"]),
  fact("no-fly-list", "analogue", "real", ["S53"]),
  fact("credit-in-immigration", "analogue", "real", ["S54", "S54n"]),
  fact("friends-credit", "analogue", "partly", ["S55", "S56"]),
  fact("ratings-thresholds", "analogue", "real", ["S57", "S58"]),
];

export interface ActionFact {
  action: ActionName;
  /** The grade the default rules give it (one place: DEFAULT_CONFIG); "game" for mechanics that imitate nothing. */
  truth: Truth;
  readonly finding: string;
  sources: SourceId[];
}

/** What the sources say of each action under its 2015 label: the catalog key `content.action.<finding>` and the sources. */
const ACTION_FINDINGS: Record<ActionName, { finding: string; sources: SourceId[] }> = {
  "share-approved": { finding: "share-approved", sources: ["S18", "S47", "S59"] },
  "post-opinion": { finding: "post-opinion", sources: ["S18", "S20", "S47"] },
  "buy-games": { finding: "buy-games", sources: ["S17", "S18", "S43"] },
  "buy-responsible": { finding: "buy-responsible", sources: ["S17", "S11"] },
  "pay-bill": { finding: "pay-bill", sources: ["S6", "S11", "S36"] },
  "default-debt": { finding: "default-debt", sources: ["S36", "S31", "S29"] },
  volunteer: { finding: "volunteer", sources: ["S39", "S41", "S35"] },
  lookup: { finding: "lookup", sources: ["S60", "S61", "S62"] },
  "friend-request": { finding: "friends", sources: ["S16", "S10", "S55"] },
  "accept-friend": { finding: "friends", sources: ["S16", "S10", "S55"] },
  "decline-friend": { finding: "friends", sources: ["S16", "S10", "S55"] },
  unfriend: { finding: "friends", sources: ["S16", "S10", "S55"] },
  vouch: { finding: "vouch", sources: ["S36", "S58"] },
  report: { finding: "report", sources: ["S65", "S66", "S38"] },
  brag: { finding: "brag", sources: ["S2", "S69", "S7"] },
  appeal: { finding: "appeal", sources: ["S68", "S31", "S64", "S53"] },
};

/** Every action with the grade the default rules give it and what the sources say. */
export const ACTION_FACTS: ActionFact[] = ACTION_NAMES.map((action) => {
  const { finding, sources } = ACTION_FINDINGS[action];
  return {
    action,
    truth: DEFAULT_CONFIG.actions[action].truth,
    sources,
    get finding() {
      return message(`content.action.${finding}`);
    },
  };
});
