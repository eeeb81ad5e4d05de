import type { Replay } from "../replay/replay-index.ts";
import { context } from "./context.ts";
import { claimsStep, closeStep, elsewhereStep, learnedStep, whatNowStep } from "./real-world.ts";
import type { DebriefDeck, DebriefStep, StepId } from "./types.ts";
import { dropStep, unfriendingStep, visibilityStep } from "./what-happened.ts";
import { auditStep, ballotStep, bunchingStep, topicBanStep, voteStep } from "./why.ts";

/** Which of the scenario's question kinds each step answers, so "What now" lists only the rest. */
const ANSWERS: Partial<Record<StepId, string>> = {
  unfriending: "unfriending",
  visibility: "visibility",
  ballot: "ballot",
  "topic-ban": "topic-ban",
  audit: "audit",
  vote: "vote",
  bunching: "metrics",
  claims: "real-or-myth",
};

/**
 * The guided debrief of one played session, from its log folded by the rules (the same replay
 * the replay page, metrics and export use). A step with nothing behind it in this session is
 * left out; the real-world steps, "What now" and the closing step are always there, and "What we
 * learned" (the class before and after, live from the phones) when the scenario has questions.
 */
export function debriefDeck(r: Replay): DebriefDeck {
  const x = context(r);
  const found = [dropStep(x), unfriendingStep(x), visibilityStep(x), ballotStep(x), topicBanStep(x), auditStep(x), voteStep(x), bunchingStep(x), claimsStep(x), elsewhereStep()];
  const steps = found.filter((s): s is DebriefStep => s !== null);
  const shown = new Set(steps.flatMap((s) => (ANSWERS[s.id] ? [ANSWERS[s.id]!] : [])));
  steps.push(whatNowStep(x, shown));
  if (r.config.scenario.survey?.length) steps.push(learnedStep());
  steps.push(closeStep());
  return { steps, sides: x.sides };
}
