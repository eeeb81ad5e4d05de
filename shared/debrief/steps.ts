import type { DebriefAnswer } from "../rules/live/types.ts";
import type { Replay } from "../replay/replay-index.ts";
import { context } from "./context.ts";
import { STEP_KINDS } from "./kinds.ts";
import { claimsStep, closeStep, elsewhereStep, learnedStep, whatNowStep } from "./real-world.ts";
import type { DebriefDeck, DebriefStep } from "./types.ts";
import { dropStep, unfriendingStep, visibilityStep } from "./what-happened.ts";
import { auditStep, ballotStep, bunchingStep, topicBanStep, voteStep } from "./why.ts";

/**
 * The kinds of the scenario's questions that no step puts, and whether this session holds what
 * they ask about. A question whose step was shown has been asked there, and one whose step was
 * skipped asks about something that did not happen here, so "What now" lists neither.
 */
const UNSTEPPED: Partial<Record<DebriefAnswer, (r: Replay) => boolean>> = {
  "blacklist-shock": (r) => r.events.some((e) => e.type === "live" && e.detail.kind === "blacklist-shock" && e.detail.players.length > 0),
};

/** Whether a question of this kind is left for "What now" in this session: one the class answers from memory, or one no step puts whose event happened. */
function leftOpen(r: Replay, answer: DebriefAnswer | null | undefined): boolean {
  if (!answer) return true;
  if (STEP_KINDS.some((k) => k.answer === answer)) return false;
  return UNSTEPPED[answer]?.(r) ?? true;
}

/** Players still in the game at its end whose join came after round 1 started, when the questions before had closed. */
function joinedLate(r: Replay): string[] {
  const start = r.rounds[0]?.startEvent;
  if (start === undefined) return [];
  return Object.keys(r.final.players).filter((p) => (r.trajectories[p]?.[0]?.event ?? 0) > start);
}

/**
 * The guided debrief of one played session, from its log folded by the rules (the same replay
 * the replay page, metrics and export use). A step with nothing behind it in this session is
 * left out; the real-world steps, "What now" and the closing step are always there, and "What we
 * learned" (the class before and after, live from the phones) when the scenario has questions.
 */
export function debriefDeck(r: Replay): DebriefDeck {
  const x = context(r);
  const found = [
    dropStep(x),
    unfriendingStep(x),
    visibilityStep(x),
    ballotStep(x),
    topicBanStep(x),
    auditStep(x),
    voteStep(x),
    bunchingStep(x),
    claimsStep(x),
    elsewhereStep(x),
  ];
  const steps = found.filter((s): s is DebriefStep => s !== null);
  steps.push(whatNowStep(x, (answer) => leftOpen(r, answer)));
  if (r.config.scenario.survey?.length) steps.push(learnedStep(x));
  steps.push(closeStep(x));
  return { steps, sides: x.sides, late: joinedLate(r) };
}
