import { formatList, formatNumber, t } from "../i18n/index.ts";
import type { GameConfig } from "../rules/config.ts";
import type { DebriefAnswer } from "../rules/live/types.ts";
import type { GuideFields, LessonStepField } from "../scenarios/schema.ts";

export interface LessonStep {
  /** Minutes from the start of the lesson. */
  start: number;
  minutes: number;
  activity: string;
  detail: string;
}

export interface LessonPlan {
  minutes: 45 | 90;
  steps: LessonStep[];
  /** Set when the scenario's game does not fit the lesson as it stands: what to change on /host. */
  fit?: string;
  /** Whether the scenario file wrote this plan itself, or it was timed from the scenario's numbers. */
  from: "scenario" | "derived";
}

/** A round plus the time around it (the round-end, banners, a word from the facilitator). */
const BETWEEN_ROUNDS_SECONDS = 30;

/** Where in the debrief's four phases a prompt belongs, by what answers it. */
const PHASE: Record<DebriefAnswer, "happened" | "why" | "real"> = {
  visibility: "happened",
  unfriending: "happened",
  "topic-ban": "happened",
  "blacklist-shock": "happened",
  audit: "happened",
  vote: "why",
  ballot: "why",
  metrics: "why",
  "real-or-myth": "real",
};

/** A step's detail, then "Ask debrief questions 1, 2 and 4 (below)." where the scenario's list has questions for these phases. */
function withQuestions(detail: string, c: GameConfig, phases: readonly string[]): string {
  const numbers = c.scenario.debriefPrompts.flatMap((_, i) => {
    const answer = c.scenario.promptAnswers?.[i];
    const phase = answer ? PHASE[answer] : "now";
    return phases.includes(phase) ? [i + 1] : [];
  });
  if (numbers.length === 0) return detail;
  const ask = t("guide.lesson.ask", { count: numbers.length, list: formatList(numbers.map((n) => formatNumber(n))) });
  return t("guide.sentences", { first: detail, second: ask });
}

/** Minutes the game takes with `rounds` rounds, the private question included. */
function gameMinutes(c: GameConfig, rounds: number): number {
  return Math.ceil((rounds * (c.roundSeconds + BETWEEN_ROUNDS_SECONDS)) / 60) + (c.ballot ? 2 : 0);
}

/** The most rounds that fit in `minutes`, at least one. */
function roundsWithin(c: GameConfig, minutes: number): number {
  let rounds = c.rounds;
  while (rounds > 1 && gameMinutes(c, rounds) > minutes) rounds--;
  return rounds;
}

function timed(steps: Omit<LessonStep, "start">[]): LessonStep[] {
  let at = 0;
  return steps.map((s) => {
    const step = { ...s, start: at };
    at += s.minutes;
    return step;
  });
}

/** Splits `total` minutes by `shares`, whole minutes, the rounding left to the last. */
function split(total: number, shares: number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const parts = shares.map((s) => Math.max(1, Math.floor((total * s) / sum)));
  parts[parts.length - 1] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

function playStep(c: GameConfig, rounds: number): Omit<LessonStep, "start"> {
  const planned = c.schedule.filter((e) => e.round <= rounds).length;
  const detail = t("guide.lesson.play.detail", { rounds, seconds: c.roundSeconds, planned });
  return {
    minutes: gameMinutes(c, rounds),
    activity: t("guide.lesson.play", { rounds }),
    detail: c.ballot ? t("guide.sentences", { first: detail, second: t("guide.lesson.play.ballot") }) : detail,
  };
}

function derived(c: GameConfig, minutes: 45 | 90): LessonPlan {
  const fixed = minutes === 45 ? 5 + 3 + 3 : 10 + 5 + 5 + 5;
  // The literature on simulation games asks a third of the time for the debrief.
  const room = minutes - fixed - Math.ceil(minutes / 3);
  const rounds = roundsWithin(c, room);
  const play = playStep(c, rounds);
  const fit = rounds < c.rounds ? t("guide.lesson.fit", { planned: c.rounds, rounds }) : undefined;
  const left = minutes - fixed - play.minutes;
  const intro = { activity: t("guide.lesson.intro"), detail: t("guide.lesson.intro.detail") };
  const join = { activity: t("guide.lesson.join"), detail: t("guide.lesson.join.detail") };
  const close = { minutes: minutes === 45 ? 3 : 5, activity: t("guide.lesson.close"), detail: t("guide.lesson.close.detail") };
  const myth = t("guide.lesson.myth.detail");
  const happened = t("guide.lesson.happened.detail");
  if (minutes === 45) {
    const [talk, real] = split(left, [2, 1]);
    const steps = timed([
      { minutes: 5, ...intro },
      { minutes: 3, ...join },
      play,
      { minutes: talk, activity: t("guide.lesson.happened-why"), detail: withQuestions(happened, c, ["happened", "why"]) },
      { minutes: real, activity: t("guide.lesson.real-or-myth"), detail: withQuestions(myth, c, ["real", "now"]) },
      close,
    ]);
    return { minutes, steps, from: "derived", ...(fit ? { fit } : {}) };
  }
  const [happenedMin, whyMin, realMin, nowMin] = split(left, [3, 3, 3, 2]);
  const steps = timed([
    { minutes: 10, ...intro, detail: t("guide.sentences", { first: intro.detail, second: t("guide.lesson.intro.explain") }) },
    { minutes: 5, ...join },
    play,
    { minutes: 5, activity: t("guide.lesson.reactions"), detail: t("guide.lesson.reactions.detail") },
    { minutes: happenedMin, activity: t("guide.lesson.happened"), detail: withQuestions(happened, c, ["happened"]) },
    { minutes: whyMin, activity: t("guide.lesson.why"), detail: withQuestions(t("guide.lesson.why.detail"), c, ["why"]) },
    { minutes: realMin, activity: t("guide.lesson.real"), detail: withQuestions(myth, c, ["real"]) },
    { minutes: nowMin, activity: t("guide.lesson.now"), detail: withQuestions(t("guide.lesson.now.detail"), c, ["now"]) },
    close,
  ]);
  return { minutes, steps, from: "derived", ...(fit ? { fit } : {}) };
}

function written(minutes: 45 | 90, steps: LessonStepField[]): LessonPlan {
  return { minutes, steps: timed(steps.map((s) => ({ minutes: s.minutes, activity: s.activity, detail: s.detail ?? "" }))), from: "scenario" };
}

/** The 45- and 90-minute lessons: the scenario's own, or timed from its rounds and the debrief's third. */
export function lessonPlans(fields: GuideFields | undefined, c: GameConfig): LessonPlan[] {
  return ([45, 90] as const).map((minutes) => {
    const own = fields?.lessons?.[minutes];
    return own ? written(minutes, own) : derived(c, minutes);
  });
}
