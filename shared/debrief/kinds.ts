import type { GameConfig } from "../rules/config.ts";
import type { DebriefAnswer } from "../rules/live/types.ts";
import { isMessageKey, t } from "../i18n/index.ts";
import { POLLS } from "./polls.ts";
import type { DebriefStep, Phase, Said, StepId } from "./types.ts";

/**
 * One kind of debrief step as it is known before any session: the debrief builds each step from
 * it and a session's data, and the lesson kit lists it, so the two never drift apart.
 */
export interface StepKind {
  id: StepId;
  phase: Phase;
  /** The kind of the scenario's questions this step puts to the class, in place of its own question. */
  answer?: DebriefAnswer;
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
  },
  {
    id: "unfriending",
    phase: "what",
    answer: "unfriending",
  },
  {
    id: "visibility",
    phase: "what",
    answer: "visibility",
    planned: (c) => c.visibility !== "public" || plans("visibility")(c),
  },
  {
    id: "ballot",
    phase: "why",
    answer: "ballot",
    possible: (c) => c.ballot !== null,
  },
  {
    id: "topic-ban",
    phase: "why",
    answer: "topic-ban",
    planned: plans("ban-topic"),
  },
  {
    id: "audit",
    phase: "why",
    answer: "audit",
    planned: plans("audit"),
  },
  {
    id: "vote",
    phase: "why",
    answer: "vote",
    planned: plans("vote-open"),
  },
  {
    id: "bunching",
    phase: "why",
    answer: "metrics",
  },
  {
    id: "claims",
    phase: "real",
    answer: "real-or-myth",
  },
  { id: "elsewhere", phase: "real" },
  {
    id: "what-now",
    phase: "now",
  },
  {
    id: "learned",
    phase: "now",
    possible: (c) => (c.scenario.survey?.length ?? 0) > 0,
  },
  {
    id: "close",
    phase: "now",
  },
];

function stepKind(id: StepId): StepKind {
  return STEP_KINDS.find((k) => k.id === id)!;
}

function word(key: string): string {
  return isMessageKey(key) ? t(key) : key;
}

/** A phase's name, in the device's language. */
export function phaseTitle(p: Phase): string {
  return word(`debrief.phase.${p}`);
}

/** A step's title, in the device's language. */
export function kindTitle(id: StepId): string {
  return word(`debrief.step.${id}.title`);
}

/** When a session gives a step of this kind something to show, in the device's language. */
export function kindWhen(id: StepId): string {
  return word(`debrief.step.${id}.when`);
}

/** The step's question as codes: the scenario's own (its wording of the kind it answers), or the step's. */
function questionSaid(c: GameConfig, k: StepKind): Said {
  const i = k.answer ? (c.scenario.promptAnswers ?? []).indexOf(k.answer) : -1;
  return i >= 0 && c.scenario.debriefPrompts[i] ? { prompt: i } : { key: `debrief.step.${k.id}.question` };
}

/** The scenario's question for a step of this kind, or the step's own, in words. */
export function stepQuestion(c: GameConfig, k: StepKind): string {
  const q = questionSaid(c, k);
  return "prompt" in q ? c.scenario.debriefPrompts[q.prompt] : "key" in q ? word(q.key) : "";
}

/** What a step of this kind shows in any session: its place, title, question and poll. */
export function stepFrame(c: GameConfig, id: StepId): Pick<DebriefStep, "id" | "phase" | "title" | "question" | "poll"> {
  const k = stepKind(id);
  const poll = POLLS[id];
  return { id, phase: k.phase, title: { key: `debrief.step.${id}.title` }, question: questionSaid(c, k), ...(poll ? { poll } : {}) };
}
