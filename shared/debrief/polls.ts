import type { Poll, StepId, SurveyAnswer, SurveyQuestion } from "./types.ts";

/**
 * Each step's quick poll on phones; fixed per step, so an export can label an answer without
 * rebuilding the debrief. The log keeps an answer's index; its words come from the catalog.
 */
export const POLLS: Partial<Record<StepId, Poll>> = {
  drop: { kind: "choice", options: ["yes", "no", "no-drop"] },
  unfriending: { kind: "choice", options: ["yes", "no", "thought"] },
  visibility: { kind: "scale" },
  ballot: { kind: "choice", options: ["yes", "no", "unsure"] },
  "topic-ban": { kind: "choice", options: ["yes", "no", "approved-only"] },
  audit: { kind: "choice", options: ["yes", "no", "unnoticed"] },
  vote: { kind: "scale" },
  bunching: { kind: "choice", options: ["yes", "no", "no-lines"] },
  claims: { kind: "choice", options: ["yes", "no", "never-heard"] },
  elsewhere: { kind: "scale" },
  "what-now": { kind: "scale" },
};

/** Words a catalog message: `t` on a screen, `inEnglish` for the export. */
export type Wording = (key: `debrief.${string}`, params?: Record<string, string | number>) => string;

/** How many answers a poll takes: its choices, or a scale's five. */
export function pollSize(poll: Poll): number {
  return poll.kind === "choice" ? poll.options.length : 5;
}

export function pollQuestion(step: string, say: Wording): string {
  return say(`debrief.poll.${step}.question`);
}

/** The labels of a poll's answers, the same on the phones and the projector's chart: a scale's ends carry their words. */
export function pollLabels(step: string, poll: Poll, say: Wording): string[] {
  if (poll.kind === "choice") return poll.options.map((o) => say(`debrief.poll.${step}.${o}`));
  const low = say(`debrief.poll.${step}.low`);
  const high = say(`debrief.poll.${step}.high`);
  return [1, 2, 3, 4, 5].map((n) =>
    n === 1 ? say("debrief.poll.scale-end", { n, word: low }) : n === 5 ? say("debrief.poll.scale-end", { n, word: high }) : String(n),
  );
}

/** An answer as words: the choice, or "4 of 5 (1: …, 5: …)" on a scale. */
export function answerLabel(step: string, answer: number, say: Wording): string {
  const poll = POLLS[step as StepId];
  if (!poll) return String(answer);
  if (poll.kind === "choice") return poll.options[answer] === undefined ? String(answer) : say(`debrief.poll.${step}.${poll.options[answer]}`);
  return say("debrief.poll.scale-answer", { n: answer + 1, low: say(`debrief.poll.${step}.low`), high: say(`debrief.poll.${step}.high`) });
}

/** A player's score on a stage: right answers of the scored questions. */
export function surveyScore(answers: readonly SurveyAnswer[], questions: readonly SurveyQuestion[]): { right: number; of: number } {
  let right = 0;
  let of = 0;
  questions.forEach((q, i) => {
    if (q.correct === undefined) return;
    of++;
    if (answers[i]?.choice === q.correct) right++;
  });
  return { right, of };
}
