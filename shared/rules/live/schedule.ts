import type { Turn } from "../effects.ts";
import type { GameState } from "../state.ts";
import { checkLive, runLive } from "./index.ts";
import type { ScheduledEvent } from "./types.ts";

/**
 * The scenario's planned events, in (round, second) order, fired as the game's clock reaches
 * them: `atSecond` into the round, measured on the round's own clock (a pause stops it), or
 * as the round ends when the round is shorter than that. An event that cannot happen when its
 * time comes (a vote already open, a topic already banned) is skipped.
 */
export function nextDue(s: GameState, at: number): ScheduledEvent | undefined {
  if (s.phase !== "round" || s.paused) return undefined;
  const e = s.config.schedule[s.scheduleNext];
  if (!e || e.round !== s.round) return undefined;
  const { roundSeconds } = s.config;
  const due = s.roundEndsAt - roundSeconds * 1000 + Math.min(e.atSecond, roundSeconds) * 1000;
  return due <= at ? e : undefined;
}

function fire(t: Turn, e: ScheduledEvent): void {
  t.s.scheduleNext += 1;
  if (!checkLive(t.s, e.event)) runLive(t, e.event, true);
}

export function fireDue(t: Turn): void {
  for (let e = nextDue(t.s, t.at); e; e = nextDue(t.s, t.at)) fire(t, e);
}

/** A round that ends early (skipped by the facilitator) still plays the rest of its plan first. */
export function fireRestOfRound(t: Turn): void {
  const s = t.s;
  for (let e = s.config.schedule[s.scheduleNext]; e && e.round === s.round; e = s.config.schedule[s.scheduleNext]) fire(t, e);
}

/** Passes over plans for rounds that are already behind (a game started late in its plan). */
export function skipPast(s: GameState): void {
  while (s.config.schedule[s.scheduleNext] && s.config.schedule[s.scheduleNext].round < s.round) s.scheduleNext += 1;
}
