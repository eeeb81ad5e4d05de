import type { BallotRecord } from "../rules/ballot.ts";
import type { BallotConfig } from "../rules/live/types.ts";
import type { PlayerId } from "../rules/state.ts";

/** The four phases of a debrief, in the order the facilitator goes through them. */
export const PHASES = ["what", "why", "real", "now"] as const;
export type Phase = (typeof PHASES)[number];

/**
 * A sentence as codes: a key of the `debrief` catalog and its parameters, so that each screen
 * (a projector in German, a phone in Chinese) words it in its own language. The server builds
 * and logs only these; shared/text/debrief.ts turns one into words.
 */
export type Said =
  | { key: `debrief.${string}`; params?: Record<string, Arg> }
  /** The scenario's own debrief question, by its place in the scenario's prompts. */
  | { prompt: number }
  /** A change of score as the feed tells it (shared/text/reasons.ts): to the player, or about them. */
  | { change: { delta: number; rule: string; actor: string; action: string }; player: PlayerId; about: boolean; names: Record<PlayerId, string> }
  /** A real-or-myth card's text (shared/content/real-vs-myth.ts): its claim, or the first sentence of what the sources found. */
  | { fact: string; part: "claim" | "finding" }
  /** Sentences one after another. */
  | { all: Said[] };

/** A parameter of a sentence: a number (ICU formats it), a name, another sentence, or something each screen words from its scenario. */
export type Arg =
  | string
  | number
  | Said
  | { score: number }
  | { delta: number }
  | { list: Arg[]; or?: boolean }
  | { topic: string }
  | { option: string }
  | { ballot: number };

export type StepId =
  | "learned"
  | "drop"
  | "unfriending"
  | "visibility"
  | "ballot"
  | "topic-ban"
  | "audit"
  | "vote"
  | "bunching"
  | "claims"
  | "elsewhere"
  | "what-now"
  | "close";

/**
 * The scenario's optional questions before round 1 and after the debrief: fixed choices, each
 * answered with a confidence from 1 to 5; a question with a `correct` choice is scored.
 */
export interface SurveyQuestion {
  id: string;
  question: string;
  options: string[];
  correct?: number;
}
export type SurveyStage = "before" | "after";
/** One answer: the choice's index and the confidence, 1 (a guess) to 5 (sure). */
export interface SurveyAnswer {
  choice: number;
  confidence: number;
}

/** The class before and after, per question: how many answered, chose right (scored ones) and their mean confidence. */
export interface SurveySummary {
  /** Players who answered both stages: the only ones the before-and-after comparison follows from start to end. */
  both: number;
  /** Players who joined after round 1 started, when the questions before had closed: they have no answers before. */
  late: number;
  questions: { id: string; question: string; scored: boolean; before: SurveyTally; after: SurveyTally }[];
}
export interface SurveyTally {
  answers: number;
  correct: number;
  confidence: number | null;
}

/**
 * A quick poll on phones: one of a few choices (ids, worded by the catalog's
 * `debrief.poll.<step>.<id>`), or a 1-5 scale with its two ends named (`.low`, `.high`).
 * Its question is `debrief.poll.<step>.question`.
 */
export type Poll = { kind: "choice"; options: string[] } | { kind: "scale" };

/** One bar of a step's chart: what it counts, its value as drawn (0-1 of the longest) and the number said in words. */
export interface Bar {
  label: Said;
  value: number;
  text: Said;
}

/** A real-or-myth card: what it says, and how its sources grade it. */
export interface Card {
  text: Said;
  grade: "real" | "partly" | "disputed" | "myth";
}

/** A step as the projector shows it: every sentence true of this session, every number named. */
export interface DebriefStep {
  id: StepId;
  phase: Phase;
  title: Said;
  /** The scenario's question for this step, or the debrief's own when the scenario has none. */
  question: Said;
  /** The reveal: one headline, then the sentences behind it. */
  headline: Said;
  lines: Said[];
  chart?: { title: Said; bars: Bar[] };
  cards?: Card[];
  /** The secret ballot beside the posts, drawn by the same card as the end screen's. */
  gap?: { ballot: BallotConfig; record: BallotRecord };
  poll?: Poll;
}

/** Each player's own side of each step: a few sentences in the second person. */
export type Sides = Partial<Record<StepId, Record<PlayerId, Said[]>>>;

export interface DebriefDeck {
  steps: DebriefStep[];
  sides: Sides;
  /** Players who joined after round 1 started, so were never asked the questions before. */
  late: PlayerId[];
}

/** What the projector (and a read-only view of it) is sent: the steps, where the class is, and the answers so far. */
export interface DebriefShow {
  steps: DebriefStep[];
  /** The step on screen; "" while the end screen shows. */
  current: string;
  /** Whether the closing step has been reached: from then on no screen shows a score. */
  closed: boolean;
  /** Answers per step, counted per choice (a scale has five). */
  tallies: Record<string, number[]>;
  /** The scenario's questions before and after, summarised; null when it has none. */
  survey: SurveySummary | null;
}

/** What one phone is sent: the step on the projector, its own side of it, and its answer. */
export interface DebriefMine {
  step: Pick<DebriefStep, "id" | "phase" | "title" | "question" | "poll"> | null;
  /** This player's side of the step; empty when it holds nothing of theirs, null for a step about nobody in particular (real or myth, what now). */
  lines: Said[] | null;
  answer: number | null;
  closed: boolean;
  /** The scenario's questions while a stage is open for this player: before, in the lobby; after, on "What we learned". */
  survey?: { stage: SurveyStage; questions: SurveyQuestion[] };
}
