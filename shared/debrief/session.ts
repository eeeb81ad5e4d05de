import { isDebriefCommand, type Command, type DebriefCommand } from "../rules/commands.ts";
import type { GameState, PlayerId } from "../rules/state.ts";
import { pollSize } from "./polls.ts";
import type { DebriefDeck, DebriefMine, DebriefShow, SurveyAnswer, SurveyQuestion, SurveyStage, SurveySummary, SurveyTally } from "./types.ts";

/** Where the debrief stands: the step on the projector, whether it has closed, every poll answer and the survey's. */
export interface DebriefState {
  current: string;
  closed: boolean;
  /** Step id → player → the index of their answer (a scale's 1-5 is 0-4). */
  answers: Map<string, Map<PlayerId, number>>;
  surveys: Record<SurveyStage, Map<PlayerId, SurveyAnswer[]>>;
}

export type DebriefErrorCode =
  | "debrief-not-open"
  | "debrief-closed"
  | "bad-step"
  | "no-poll"
  | "bad-answer"
  | "no-survey"
  | "survey-closed"
  | "survey-answered";

export interface DebriefRefusal {
  code: DebriefErrorCode;
  message: string;
}

/** What the debrief reads of the game: its phase and the scenario's questions. */
export type GameSide = Pick<GameState, "phase"> & { config: { scenario: { survey?: SurveyQuestion[] } } };

export function emptyDebrief(): DebriefState {
  return { current: "", closed: false, answers: new Map(), surveys: { before: new Map(), after: new Map() } };
}

/** Whether a stage of the survey is open: before, in the lobby; after, while "What we learned" is on the projector. */
function surveyOpen(d: DebriefState, game: GameSide, stage: SurveyStage): boolean {
  return stage === "before" ? game.phase === "lobby" : game.phase === "ended" && d.current === "learned";
}

function checkSurvey(d: DebriefState, game: GameSide, c: Extract<DebriefCommand, { kind: "survey" }>): DebriefRefusal | undefined {
  const questions = game.config.scenario.survey ?? [];
  if (questions.length === 0) return { code: "no-survey", message: "This scenario has no questions before and after." };
  if (!surveyOpen(d, game, c.stage)) {
    return {
      code: "survey-closed",
      message:
        c.stage === "before"
          ? "The questions before the game close when round 1 starts."
          : "The questions after the game open with the debrief's “What we learned” step.",
    };
  }
  if (d.surveys[c.stage].has(c.player)) return { code: "survey-answered", message: "You have answered these questions already." };
  const fits =
    c.answers.length === questions.length && c.answers.every((a, i) => a.choice < questions[i].options.length && a.confidence >= 1 && a.confidence <= 5);
  return fits
    ? undefined
    : { code: "bad-answer", message: `Answer each of the ${questions.length} questions with one of its options and a confidence from 1 to 5.` };
}

/**
 * Whether a debrief command may be applied: a step or a poll only once the game has ended, a
 * step of this session's deck (none after the closing step), a poll answer only to the step on
 * the projector, within its choices (a player may change it while the step is shown); a survey
 * while its stage is open, once per player.
 */
export function checkDebrief(d: DebriefState, game: GameSide, deck: DebriefDeck | undefined, c: DebriefCommand): DebriefRefusal | undefined {
  if (c.kind === "survey") return checkSurvey(d, game, c);
  if (game.phase !== "ended" || !deck) return { code: "debrief-not-open", message: "The debrief starts once the game is over." };
  if (c.kind === "debrief") {
    if (d.closed) return { code: "debrief-closed", message: "The debrief has closed: the scores are gone, and they stay gone." };
    if (c.step !== "" && !deck.steps.some((s) => s.id === c.step)) return { code: "bad-step", message: "That step is not part of this session's debrief." };
    return undefined;
  }
  if (c.step !== d.current) return { code: "bad-step", message: "That question is no longer on the projector." };
  const poll = deck.steps.find((s) => s.id === c.step)?.poll;
  if (!poll) return { code: "no-poll", message: "This step has no question to answer." };
  if (c.answer >= pollSize(poll)) return { code: "bad-answer", message: "That is not one of the answers." };
  return undefined;
}

/** Applies a command `checkDebrief` accepted. */
export function applyDebrief(d: DebriefState, c: DebriefCommand): void {
  if (c.kind === "survey") {
    d.surveys[c.stage].set(c.player, c.answers);
  } else if (c.kind === "debrief") {
    d.current = c.step;
    if (c.step === "close") d.closed = true;
  } else {
    let byPlayer = d.answers.get(c.step);
    if (!byPlayer) d.answers.set(c.step, (byPlayer = new Map()));
    byPlayer.set(c.player, c.answer);
  }
}

/**
 * The debrief as the log leaves it: what a resumed room, or a reloaded projector, comes back to.
 * The room logged only what it accepted; a survey answer is taken as logged (its stage was open
 * then), the steps and polls are checked again against the game as it ended.
 */
export function foldDebrief(game: GameSide, deck: DebriefDeck | undefined, commands: readonly { command: Command }[]): DebriefState {
  const d = emptyDebrief();
  for (const { command: c } of commands) {
    if (!isDebriefCommand(c)) continue;
    if (c.kind === "survey" ? !d.surveys[c.stage].has(c.player) : !checkDebrief(d, game, deck, c)) applyDebrief(d, c);
  }
  return d;
}

/** A stage's answers to one question: how many, how many right (a scored one), and the mean confidence. */
function tally(answers: Iterable<SurveyAnswer[]>, i: number, correct: number | undefined): SurveyTally {
  let n = 0;
  let right = 0;
  let sure = 0;
  for (const a of answers) {
    if (!a[i]) continue;
    n++;
    sure += a[i].confidence;
    if (a[i].choice === correct) right++;
  }
  return { answers: n, correct: right, confidence: n ? sure / n : null };
}

function surveySummary(d: DebriefState, questions: readonly SurveyQuestion[], late: readonly PlayerId[]): SurveySummary | null {
  if (questions.length === 0) return null;
  return {
    both: [...d.surveys.after.keys()].filter((p) => d.surveys.before.has(p)).length,
    late: late.length,
    questions: questions.map((q, i) => ({
      id: q.id,
      question: q.question,
      scored: q.correct !== undefined,
      before: tally(d.surveys.before.values(), i, q.correct),
      after: tally(d.surveys.after.values(), i, q.correct),
    })),
  };
}

export function debriefShow(d: DebriefState, deck: DebriefDeck, questions: readonly SurveyQuestion[] = []): DebriefShow {
  const tallies: Record<string, number[]> = {};
  for (const s of deck.steps) {
    if (!s.poll) continue;
    const counts = Array.from({ length: pollSize(s.poll) }, () => 0);
    for (const a of d.answers.get(s.id)?.values() ?? []) counts[a]++;
    tallies[s.id] = counts;
  }
  return { steps: deck.steps, current: d.current, closed: d.closed, tallies, survey: surveySummary(d, questions, deck.late) };
}

/** One phone's view: the step on the projector with its own side, and the survey's questions while they wait for it. */
export function debriefMine(d: DebriefState, deck: DebriefDeck | undefined, player: PlayerId, game: GameSide): DebriefMine {
  const step = deck?.steps.find((s) => s.id === d.current);
  const questions = game.config.scenario.survey ?? [];
  const stage: SurveyStage = game.phase === "ended" ? "after" : "before";
  const pending = questions.length > 0 && surveyOpen(d, game, stage) && !d.surveys[stage].has(player);
  return {
    step: step ? { id: step.id, phase: step.phase, title: step.title, question: step.question, ...(step.poll ? { poll: step.poll } : {}) } : null,
    lines: step && deck?.sides[step.id] ? (deck.sides[step.id]![player] ?? []) : null,
    answer: step ? (d.answers.get(step.id)?.get(player) ?? null) : null,
    closed: d.closed,
    ...(pending ? { survey: { stage, questions } } : {}),
  };
}
