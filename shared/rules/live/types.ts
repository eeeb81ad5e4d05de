import type { SurveyQuestion } from "../../debrief/types.ts";
import type { ActionName } from "../config.ts";
import type { Language } from "../../i18n/locales.ts";
import type { PlayerId, Tier } from "../state.ts";

/** Who may see a score: nobody, its owner (and whoever the owner shows it to), or everyone. */
export const VISIBILITIES = ["hidden", "owner", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Thresholds a facilitator or a vote may move mid-game. */
export const THRESHOLDS = ["visaAt", "travelAt", "restrictedBelow", "bragMinScore", "vouchBothAt", "vouchRiskBelow", "shockBelow"] as const;
export type ThresholdName = (typeof THRESHOLDS)[number];

export const EFFECT_FIELDS = ["self", "friends", "target", "cost"] as const;
export type EffectField = (typeof EFFECT_FIELDS)[number];

export type RuleChange =
  | { rule: "friend-weight"; value: number }
  | { rule: "threshold"; threshold: ThresholdName; value: number }
  | { rule: "action"; action: ActionName; field: EffectField; value: number };

export interface Topic {
  id: string;
  label: string;
}

/** The secret ballot: one private opinion question, asked at the start and at the end. */
export interface BallotConfig {
  question: string;
  options: string[];
}

/** One entry of the menu the top players choose from. */
export interface VoteOption {
  id: string;
  label: string;
  change: RuleChange;
}

/** Events the facilitator can trigger at any time and a scenario can schedule. */
export type LiveCommand =
  | { type: "visibility"; mode: Visibility }
  | { type: "rule-change"; change: RuleChange }
  | { type: "ban-topic"; topic: string; retroactive?: boolean; penalty?: number }
  | { type: "audit"; share?: number; points?: number }
  | { type: "blacklist-shock"; below?: number }
  | { type: "vote-open"; share?: number }
  | { type: "vote-close" }
  | { type: "final-round" };

export const LIVE_TYPES = ["visibility", "rule-change", "ban-topic", "audit", "blacklist-shock", "vote-open", "vote-close", "final-round"] as const;
export type LiveType = LiveCommand["type"];

/** A planned event: it fires `atSecond` seconds into round `round` (or as that round ends, if later). */
export interface ScheduledEvent {
  round: number;
  atSecond: number;
  event: LiveCommand;
}

/** How a scenario names things on screen; the rules never read it. */
export interface Labels {
  score?: string;
  /** Shown score = score / scoreDivisor (ratings of 480 read as 4.80). */
  scoreDivisor?: number;
  tiers?: Partial<Record<Tier, string>>;
  blacklisted?: string;
  actions?: Partial<Record<ActionName, string>>;
}

/**
 * Where the debrief answers a question: a moment to replay (the first change of visibility, the
 * topic ban, the vote's result, the blacklist shock), a table of the Metrics tab (unfriending by
 * score gap, the audit's mistake, the secret ballot, the round-by-round numbers), or the Real
 * or myth tab.
 */
export const DEBRIEF_ANSWERS = ["visibility", "topic-ban", "vote", "blacklist-shock", "unfriending", "audit", "ballot", "metrics", "real-or-myth"] as const;
export type DebriefAnswer = (typeof DEBRIEF_ANSWERS)[number];

/** What a scenario says about itself, for the host page and the debrief. */
export interface ScenarioInfo {
  id: string;
  title: string;
  description: string;
  sources: string[];
  debriefPrompts: string[];
  /** For each prompt, where the debrief answers it (null: the class answers from memory). Absent in older sessions. */
  promptAnswers?: (DebriefAnswer | null)[];
  labels: Labels;
  /** Questions on phones before round 1 and after the debrief (shared/debrief), when the scenario has them. */
  survey?: SurveyQuestion[];
  /** The language the texts above are written in; absent means English. */
  language?: Language;
  /** The same texts in other languages, for screens in those languages (shared/scenarios/translations.ts). Absent in older sessions. */
  translations?: ScenarioTranslations;
}

/**
 * A scenario's texts in one other language, shaped like the scenario: topics, vote options and
 * survey questions by id, lists by position. A text left out shows in the scenario's own language.
 */
export interface ScenarioTexts {
  title?: string;
  description?: string;
  sources?: string[];
  debriefPrompts?: string[];
  labels?: { score?: string; tiers?: Partial<Record<Tier, string>>; blacklisted?: string; actions?: Partial<Record<ActionName, string>> };
  topics?: Record<string, string>;
  ballot?: { question?: string; options?: string[] };
  voteMenu?: Record<string, string>;
  survey?: Record<string, { question?: string; options?: string[] }>;
  guide?: { objectives?: string[]; lessons?: Partial<Record<"45" | "90", { activity?: string; detail?: string }[]>> };
}

export type ScenarioTranslations = Partial<Record<Language, ScenarioTexts>>;

/** What one live event did, as the log and every screen record it. */
export type LiveDetail =
  | { kind: "visibility"; mode: Visibility; before: Visibility }
  | { kind: "rule-change"; change: RuleChange; before: number }
  | { kind: "topic-ban"; topic: string; retroactive: boolean; penalty: number; posts: number[]; players: PlayerId[] }
  | { kind: "audit"; points: number; players: PlayerId[]; deductions: number[]; wrong: number }
  | { kind: "blacklist-shock"; below: number; players: PlayerId[] }
  | { kind: "vote-opened"; options: string[]; eligible: PlayerId[] }
  | { kind: "vote-closed"; option: string | null; tally: Record<string, number>; change: RuleChange | null; before: number | null }
  | { kind: "final-round"; round: number };

export type LiveOf<T extends LiveType> = Extract<LiveCommand, { type: T }>;
