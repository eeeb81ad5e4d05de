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

/** "questions 1, 2 and 4" of the scenario's debrief list, or nothing. */
function questionsFor(c: GameConfig, phases: readonly string[]): string {
  const numbers = c.scenario.debriefPrompts.flatMap((_, i) => {
    const answer = c.scenario.promptAnswers?.[i];
    const phase = answer ? PHASE[answer] : "now";
    return phases.includes(phase) ? [i + 1] : [];
  });
  if (numbers.length === 0) return "";
  const list = numbers.length > 1 ? `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}` : String(numbers[0]);
  return ` Ask debrief question${numbers.length > 1 ? "s" : ""} ${list} (below).`;
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
  const plan = planned
    ? `the ${planned} planned event${planned > 1 ? "s" : ""} of the round-by-round plan fire by themselves`
    : "nothing is planned: run events from ⚡ Live events if you want them";
  const ballot = c.ballot ? " Phones ask the private question before round 1 and after the last." : "";
  return {
    minutes: gameMinutes(c, rounds),
    activity: `Play ${rounds} round${rounds > 1 ? "s" : ""}`,
    detail: `${rounds} × ${c.roundSeconds} s; ${plan}. Pace with Pause and Next round.${ballot}`,
  };
}

const INTRO =
  "Say what the game imitates, in a sentence. Show the content note (the lobby's Content note button) and read it aloud; say that nobody has to play.";
const JOIN =
  "Players open the address on the projector or scan its QR code, type the code and a nickname that is not their real name. Lock the session once everyone is in.";
const CLOSE = "Take everyone out of their role: the scores are gone, nobody is a number. Each says one thing they will remember.";

function derived(c: GameConfig, minutes: 45 | 90): LessonPlan {
  const fixed = minutes === 45 ? 5 + 3 + 3 : 10 + 5 + 5 + 5;
  // The literature on simulation games asks a third of the time for the debrief.
  const room = minutes - fixed - Math.ceil(minutes / 3);
  const rounds = roundsWithin(c, room);
  const play = playStep(c, rounds);
  const fit =
    rounds < c.rounds
      ? `The ${c.rounds} rounds of this scenario do not fit: set Rounds to ${rounds} on /host (the plan of later rounds is dropped).`
      : undefined;
  const left = minutes - fixed - play.minutes;
  const myth = "Open the replay's Real or myth tab: the class guesses each card, then reveal it with its sources (the cards are below).";
  const happened = `Open the debrief replay from the end screen: scrub to the biggest drops and the waves of unfriending, and follow a player's score line.`;
  if (minutes === 45) {
    const [talk, real] = split(left, [2, 1]);
    const steps = timed([
      { minutes: 5, activity: "Introduce, with the content note", detail: INTRO },
      { minutes: 3, activity: "Join", detail: JOIN },
      play,
      { minutes: talk, activity: "Debrief: what happened, and why", detail: `${happened}${questionsFor(c, ["happened", "why"])}` },
      { minutes: real, activity: "Debrief: real or myth", detail: `${myth}${questionsFor(c, ["real", "now"])}` },
      { minutes: 3, activity: "Close", detail: CLOSE },
    ]);
    return { minutes, steps, from: "derived", ...(fit ? { fit } : {}) };
  }
  const [happenedMin, whyMin, realMin, nowMin] = split(left, [3, 3, 3, 2]);
  const steps = timed([
    { minutes: 10, activity: "Introduce, with the content note", detail: `${INTRO} Explain the score, the tiers and that friends' scores pull yours.` },
    { minutes: 5, activity: "Join", detail: JOIN },
    play,
    {
      minutes: 5,
      activity: "First reactions",
      detail: "On the end screen: the podium and, if there was one, the private question against what was posted. How did it feel to be ranked?",
    },
    { minutes: happenedMin, activity: "Debrief: what happened", detail: `${happened}${questionsFor(c, ["happened"])}` },
    {
      minutes: whyMin,
      activity: "Debrief: why it happened",
      detail: `The replay's Metrics (unfriending against score gaps, inequality with the leaderboard hidden and shown) and What if… (the same choices with friend weight 0, or no blacklist).${questionsFor(c, ["why"])}`,
    },
    { minutes: realMin, activity: "Debrief: where this exists", detail: `${myth}${questionsFor(c, ["real"])}` },
    {
      minutes: nowMin,
      activity: "Debrief: what now",
      detail: `In pairs: where do scores decide something in your own life (school, apps, credit)? What would make one fair?${questionsFor(c, ["now"])}`,
    },
    { minutes: 5, activity: "Close", detail: CLOSE },
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
