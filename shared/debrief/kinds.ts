import type { GameConfig } from "../rules/config.ts";
import type { DebriefAnswer } from "../rules/live/types.ts";
import { POLLS } from "./polls.ts";
import type { DebriefStep, Phase, StepId } from "./types.ts";

/**
 * One kind of debrief step as it is known before any session: the debrief builds each step from
 * it and a session's data, and the lesson kit lists it, so the two never drift apart.
 */
export interface StepKind {
  id: StepId;
  phase: Phase;
  title: string;
  /** The kind of the scenario's questions this step puts to the class, in place of `question`. */
  answer?: DebriefAnswer;
  question: string;
  /** When a session gives the step something to show. */
  when: string;
  /** Whether a scenario of this config can show the step at all (a ballot step needs a ballot). */
  possible?: (c: GameConfig) => boolean;
  /** Whether the scenario's own plan sets the step up; false: only a live event the facilitator fires can. */
  planned?: (c: GameConfig) => boolean;
}

const plans = (type: string) => (c: GameConfig) => c.schedule.some((e) => e.event.type === type);

/** Every kind of step, in the order the debrief shows them. */
export const STEP_KINDS: readonly StepKind[] = [
  {
    id: "drop",
    phase: "what",
    title: "The biggest drop",
    question: "Who lost the most in one go, and who or what caused it?",
    when: "when a score fell within a round",
  },
  {
    id: "unfriending",
    phase: "what",
    title: "Cutting friends",
    answer: "unfriending",
    question: "Did you cut a friend because of their score?",
    when: "when someone cut a friend",
  },
  {
    id: "visibility",
    phase: "what",
    title: "Hidden, private, public",
    answer: "visibility",
    question: "What did you do differently once everyone could see scores?",
    when: "when the game was played for at least 5 seconds under each of two ways of seeing scores (hidden, owner only, public)",
    planned: (c) => c.visibility !== "public" || plans("visibility")(c),
  },
  {
    id: "ballot",
    phase: "why",
    title: "What you said in secret, and in public",
    answer: "ballot",
    question: "Where is the gap between what people thought and what they posted, and why?",
    when: "when someone answered the secret question or posted",
    possible: (c) => c.ballot !== null,
  },
  {
    id: "topic-ban",
    phase: "why",
    title: "A topic banned after the fact",
    answer: "topic-ban",
    question: "Who was punished by the topic ban, and for what?",
    when: "when a topic ban cost someone points",
    planned: plans("ban-topic"),
  },
  {
    id: "audit",
    phase: "why",
    title: "The audit's mistake",
    answer: "audit",
    question: "The audit made one deliberate mistake. Did the person it hit appeal?",
    when: "when an audit ran",
    planned: plans("audit"),
  },
  {
    id: "vote",
    phase: "why",
    title: "The rule the top players chose",
    answer: "vote",
    question: "The top players chose a rule. Whom did it help?",
    when: "when the top players' vote chose a rule",
    planned: plans("vote-open"),
  },
  {
    id: "bunching",
    phase: "why",
    title: "Bunching at the lines",
    answer: "metrics",
    question: "Did you aim for a line? What did crossing it give you?",
    when: "when at least 2 players ended 0–20 points above a line that unlocks privileges, more than ended 1–20 points below it",
  },
  {
    id: "claims",
    phase: "real",
    title: "Real or myth?",
    answer: "real-or-myth",
    question: "Which parts of this game were real, and which were myth?",
    when: "always",
  },
  { id: "elsewhere", phase: "real", title: "Not only in China", question: "Which of these touch your own life, or could?", when: "always" },
  {
    id: "what-now",
    phase: "now",
    title: "What now?",
    question: "What would you do if a score like this arrived tomorrow?",
    when: "always, with the scenario's questions no other step put to the class and whose event happened",
  },
  {
    id: "learned",
    phase: "now",
    title: "What we learned",
    question: "Answer the same questions as before the game, on your phone.",
    when: "always, when the scenario asks questions before and after",
    possible: (c) => (c.scenario.survey?.length ?? 0) > 0,
  },
  {
    id: "close",
    phase: "now",
    title: "Out of the game",
    question: "Take a breath. Whatever your score was, it said nothing about who you are.",
    when: "always",
  },
];

function stepKind(id: StepId): StepKind {
  return STEP_KINDS.find((k) => k.id === id)!;
}

/** The scenario's question for a step of this kind (its own wording of the kind it answers), or the step's own. */
export function stepQuestion(c: GameConfig, k: StepKind): string {
  const i = k.answer ? (c.scenario.promptAnswers ?? []).indexOf(k.answer) : -1;
  return (i >= 0 && c.scenario.debriefPrompts[i]) || k.question;
}

/** What a step of this kind shows in any session: its place, title, question and poll. */
export function stepFrame(c: GameConfig, id: StepId): Pick<DebriefStep, "id" | "phase" | "title" | "question" | "poll"> {
  const k = stepKind(id);
  const poll = POLLS[id];
  return { id, phase: k.phase, title: k.title, question: stepQuestion(c, k), ...(poll ? { poll } : {}) };
}
