import type { PlayerId } from "../rules/state.ts";
import { debriefAnswers, type DebriefAnswers } from "../replay/debrief-answers.ts";
import { keyMoments, type KeyMoment } from "../replay/key-moments.ts";
import { debriefMetrics, type DebriefMetrics } from "../replay/metrics/index.ts";
import type { Replay } from "../replay/replay-index.ts";
import { roundOfEvent } from "../replay/seek.ts";
import type { Arg, Said, Sides, StepId } from "./types.ts";

/**
 * What every step's builder reads: the folded session, and its way of naming players, scores and
 * times. Builders say things as codes (shared/debrief/types.ts `Said`): each screen words them.
 */
export interface Ctx {
  r: Replay;
  nameOf: (id: PlayerId) => string;
  /** The nicknames of every player, for sentences worded on a screen from player ids. */
  names: Record<PlayerId, string>;
  /** A score as the scenario shows it: "640", or "6.40" with a divisor. */
  score: (n: number) => Arg;
  /** A change with its sign: "+10", "-40". */
  delta: (n: number) => Arg;
  /** When an event happened, inside its round: "0:42 into round 4". */
  clock: (seq: number, at: number) => Said;
  /** Adds a sentence to one player's side of a step. */
  tell: (step: StepId, player: PlayerId, line: Said) => void;
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
  const sides: Sides = {};
  return {
    r,
    sides,
    moments: once(() => keyMoments(r, { drops: Number.MAX_SAFE_INTEGER })),
    metrics: once(() => debriefMetrics(r)),
    answers: once(() => debriefAnswers(r)),
    nameOf: (id) => r.players[id]?.nickname ?? "?",
    names: Object.fromEntries(Object.entries(r.players).map(([id, p]) => [id, p.nickname])),
    score: (n) => ({ score: n }),
    delta: (n) => ({ delta: n }),
    clock: (seq, at) => {
      const round = roundOfEvent(r, seq);
      const span = r.rounds.find((x) => x.round === round);
      return span ? { key: "debrief.clock.into-round", params: { time: mmss(at - span.startAt), round } } : { key: "debrief.clock.before" };
    },
    tell: (step, player, line) => {
      const byPlayer = (sides[step] ??= {});
      (byPlayer[player] ??= []).push(line);
    },
  };
}
