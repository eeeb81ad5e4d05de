import type { Poll, StepId, SurveyAnswer, SurveyQuestion } from "./types.ts";

/** Each step's quick poll on phones; fixed per step, so an export can label an answer without rebuilding the debrief. */
export const POLLS: Partial<Record<StepId, Poll>> = {
  drop: { question: "Did you see your own biggest drop coming?", kind: "choice", options: ["Yes", "No", "I had no drop"] },
  unfriending: { question: "Did you cut a friend because of their score?", kind: "choice", options: ["Yes", "No", "I thought about it"] },
  visibility: { question: "How much did seeing scores change what you did?", kind: "scale", low: "Not at all", high: "Completely" },
  ballot: { question: "Did you post something you did not believe, to protect your score?", kind: "choice", options: ["Yes", "No", "Not sure"] },
  "topic-ban": { question: "Would you post on a new topic after that?", kind: "choice", options: ["Yes", "No", "Only approved posts"] },
  audit: { question: "If it had been you, would you have appealed?", kind: "choice", options: ["Yes", "No", "I would not have noticed"] },
  vote: { question: "How fair was it to let the top players choose?", kind: "scale", low: "Very unfair", high: "Very fair" },
  bunching: { question: "Did you aim for a line?", kind: "choice", options: ["Yes", "No", "I did not know there were lines"] },
  claims: {
    question: "Before today, did you believe every citizen of China had one score?",
    kind: "choice",
    options: ["Yes", "No", "I had never heard of it"],
  },
  elsewhere: { question: "How likely is a score like this where you live, in ten years?", kind: "scale", low: "Not at all likely", high: "Very likely" },
  "what-now": { question: "Would you want a score like this where you live?", kind: "scale", low: "Not at all", high: "Very much" },
};

/** An answer as words: the choice, or "4 of 5" on a scale. */
export function answerLabel(step: string, answer: number): string {
  const poll = POLLS[step as StepId];
  if (!poll) return String(answer);
  return poll.kind === "choice" ? (poll.options[answer] ?? String(answer)) : `${answer + 1} of 5 (1: ${poll.low}, 5: ${poll.high})`;
}

/** The labels of a poll's answers, the same on the phones and the projector's chart: a scale's ends carry their words. */
export function pollLabels(poll: Poll): string[] {
  return poll.kind === "choice" ? poll.options : ["1", "2", "3", "4", "5"].map((n, i) => (i === 0 ? `1 ${poll.low}` : i === 4 ? `5 ${poll.high}` : n));
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
