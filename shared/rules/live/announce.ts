import type { Rejection } from "../commands.ts";
import type { Turn } from "../effects.ts";
import { emit } from "../effects.ts";
import type { EventOf } from "../events.ts";
import type { GameState } from "../state.ts";
import type { LiveCommand, LiveDetail } from "./types.ts";

/**
 * One live event: `check` says whether it may happen now and must not touch the state;
 * `run` applies it. `scheduled` is true when the game fired it (the scenario's plan, a vote
 * closing at the round's end) rather than the facilitator's hand.
 */
export interface LiveRule<C extends LiveCommand> {
  check(s: GameState, c: C): Rejection | undefined;
  run(t: Turn, c: C, scheduled: boolean): void;
}

/**
 * Records a live event before its effects, so the banner precedes the score changes it causes
 * in the log. The detail object is kept by reference: a rule fills in who was affected as it
 * goes. Returns the event's sequence number.
 */
export function announce<D extends LiveDetail>(t: Turn, detail: D, scheduled: boolean): number {
  const seq = t.s.nextEvent;
  emit(t, { type: "live", round: t.s.round, scheduled, detail });
  t.s.live.push(t.events[t.events.length - 1] as EventOf<"live">);
  return seq;
}

/** Players in the order they joined: the stable order every seeded draw walks. */
export function playersInOrder(s: GameState): string[] {
  return Object.keys(s.players);
}
