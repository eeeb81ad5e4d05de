import type { PlayerId } from "../rules/state.ts";
import { debriefAnswers, type DebriefAnswers } from "../replay/debrief-answers.ts";
import { keyMoments, type KeyMoment } from "../replay/key-moments.ts";
import { debriefMetrics, type DebriefMetrics } from "../replay/metrics/index.ts";
import type { Replay } from "../replay/replay-index.ts";
import { roundOfEvent } from "../replay/seek.ts";
import { formatDelta, formatScore, scoreName } from "../text/score.ts";
import type { Sides, StepId } from "./types.ts";

/** What every step's builder reads: the folded session, and its way of naming players, scores and times. */
export interface Ctx {
  r: Replay;
  nameOf: (id: PlayerId) => string;
  /** A score as the scenario shows it: "640", or "6.40" with a divisor. */
  score: (n: number) => string;
  /** A change with its sign: "+10", "-40". */
  delta: (n: number) => string;
  /** The scenario's name for the score, in lower case for inside a sentence. */
  scoreWord: string;
  /** When an event happened, inside its round: "0:42 into round 4". */
  clock: (seq: number, at: number) => string;
  /** Adds a sentence to one player's side of a step. */
  tell: (step: StepId, player: PlayerId, line: string) => void;
  sides: Sides;
  /** Every key moment with every drop (not only the ten biggest), the metrics and the preset answers: each computed once. */
  moments: () => KeyMoment[];
  metrics: () => DebriefMetrics;
  answers: () => DebriefAnswers;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function mmss(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function context(r: Replay): Ctx {
  const c = r.config;
  const sides: Sides = {};
  return {
    r,
    sides,
    moments: once(() => keyMoments(r, { drops: Number.MAX_SAFE_INTEGER })),
    metrics: once(() => debriefMetrics(r)),
    answers: once(() => debriefAnswers(r)),
    nameOf: (id) => r.players[id]?.nickname ?? "someone",
    score: (n) => formatScore(n, c),
    delta: (n) => formatDelta(n, c),
    scoreWord: scoreName(c).toLowerCase(),
    clock: (seq, at) => {
      const round = roundOfEvent(r, seq);
      const span = r.rounds.find((x) => x.round === round);
      return span ? `${mmss(at - span.startAt)} into round ${round}` : "before the first round";
    },
    tell: (step, player, line) => {
      const byPlayer = (sides[step] ??= {});
      (byPlayer[player] ??= []).push(line);
    },
  };
}
