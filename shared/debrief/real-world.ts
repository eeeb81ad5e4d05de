import { FACTS } from "../content/real-vs-myth.ts";
import type { DebriefAnswer } from "../rules/live/types.ts";
import type { Ctx } from "./context.ts";
import { stepFrame } from "./kinds.ts";
import type { DebriefStep, Said } from "./types.ts";

/** The 2015 story's claims, each graded by the sources (shared/content/real-vs-myth.ts). */
export function claimsStep(x: Ctx): DebriefStep {
  const claims = FACTS.filter((f) => f.kind === "claim");
  const real = claims.filter((f) => f.grade === "real").length;
  const myth = claims.filter((f) => f.grade === "myth").length;
  return {
    ...stepFrame(x.r.config, "claims"),
    headline: { key: "debrief.claims.headline", params: { claims: claims.length, real, myth } },
    lines: [],
    cards: claims.map((f) => ({ text: { fact: f.id, part: "claim" }, grade: f.grade })),
  };
}

/** The same mechanisms outside China, with what the sources found. */
export function elsewhereStep(x: Ctx): DebriefStep {
  const cards = FACTS.filter((f) => f.kind === "analogue");
  return {
    ...stepFrame(x.r.config, "elsewhere"),
    headline: { key: "debrief.elsewhere.headline" },
    lines: [],
    // What the sources found, in its first sentence (what a class can read from the back of the
    // room; the replay's Real or myth tab has the rest): the misconception's wording alone, under
    // "Real", would read as if it were true.
    cards: cards.map((f) => ({ text: { fact: f.id, part: "finding" }, grade: f.grade })),
  };
}

/** What the class takes away: the scenario's questions still open (`open`: no step put them, and this session holds what they ask about). */
export function whatNowStep(x: Ctx, open: (answer: DebriefAnswer | null | undefined) => boolean): DebriefStep {
  const answers = x.r.config.scenario.promptAnswers ?? [];
  const left = x.r.config.scenario.debriefPrompts.flatMap((_, i): Said[] => (open(answers[i]) ? [{ prompt: i }] : []));
  return {
    ...stepFrame(x.r.config, "what-now"),
    headline: { key: "debrief.what-now.headline" },
    lines: left.slice(0, 3),
  };
}

/** The scenario's questions again, answered on phones now; the projector compares the class before and after as answers come in. */
export function learnedStep(x: Ctx): DebriefStep {
  return {
    ...stepFrame(x.r.config, "learned"),
    headline: { key: "debrief.learned.headline" },
    lines: [],
  };
}

export const CLOSING_HEADLINE: Said = { key: "debrief.close.headline" };

/** The last step: everyone leaves their role; from here on no screen shows a score. */
export function closeStep(x: Ctx): DebriefStep {
  return {
    ...stepFrame(x.r.config, "close"),
    headline: CLOSING_HEADLINE,
    lines: [{ key: "debrief.close.switched-off" }, { key: "debrief.close.not-yours" }],
  };
}
