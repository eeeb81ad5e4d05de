import { FACTS, GRADE_LABEL } from "../content/real-vs-myth.ts";
import type { DebriefAnswer } from "../rules/live/types.ts";
import type { Ctx } from "./context.ts";
import { stepFrame } from "./kinds.ts";
import type { DebriefStep } from "./types.ts";

/** The 2015 story's claims, each graded by the sources (shared/content/real-vs-myth.ts). */
export function claimsStep(x: Ctx): DebriefStep {
  const claims = FACTS.filter((f) => f.kind === "claim");
  const real = claims.filter((f) => f.grade === "real").length;
  const myth = claims.filter((f) => f.grade === "myth").length;
  return {
    ...stepFrame(x.r.config, "claims"),
    headline: `Of the story's ${claims.length} claims the game is built on, the sources find ${real} real, ${myth} myth and the rest partly real or disputed.`,
    lines: [],
    cards: claims.map((f) => ({ claim: f.claim, grade: GRADE_LABEL[f.grade] })),
  };
}

/** The same mechanisms outside China, with what the sources found. */
export function elsewhereStep(x: Ctx): DebriefStep {
  const cards = FACTS.filter((f) => f.kind === "analogue");
  return {
    ...stepFrame(x.r.config, "elsewhere"),
    headline: "Outside China too: travel blacklists, credit checks at borders and rating thresholds that decide who may work.",
    lines: [],
    // What the sources found, in its first sentence (what a class can read from the back of the
    // room; the replay's Real or myth tab has the rest): the misconception's wording alone, under
    // "Real", would read as if it were true.
    cards: cards.map((f) => ({ claim: f.finding.split(/(?<=\.)\s+(?=[A-Z])/)[0], grade: GRADE_LABEL[f.grade] })),
  };
}

/** What the class takes away: the scenario's questions still open (`open`: no step put them, and this session holds what they ask about). */
export function whatNowStep(x: Ctx, open: (answer: DebriefAnswer | null | undefined) => boolean): DebriefStep {
  const answers = x.r.config.scenario.promptAnswers ?? [];
  const left = x.r.config.scenario.debriefPrompts.filter((_, i) => open(answers[i]));
  return {
    ...stepFrame(x.r.config, "what-now"),
    headline: "Scores like this are built by people, and can be questioned, appealed and refused.",
    lines: left.slice(0, 3),
  };
}

/** The scenario's questions again, answered on phones now; the projector compares the class before and after as answers come in. */
export function learnedStep(x: Ctx): DebriefStep {
  return {
    ...stepFrame(x.r.config, "learned"),
    headline: "The class before the game and after the debrief: the same questions.",
    lines: [],
  };
}

export const CLOSING_HEADLINE = "The scores are gone. You are not a number.";

/** The last step: everyone leaves their role; from here on no screen shows a score. */
export function closeStep(x: Ctx): DebriefStep {
  return {
    ...stepFrame(x.r.config, "close"),
    headline: CLOSING_HEADLINE,
    lines: [
      "Every score, rank and label from this game is now switched off on every phone.",
      "The ranking was the game's, not yours: it measured the rules, not the people.",
    ],
  };
}
