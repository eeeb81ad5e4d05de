import { isDebriefCommand, type Command, type DebriefCommand } from "../rules/commands.ts";
import type { Phase as GamePhase, PlayerId } from "../rules/state.ts";
import type { DebriefDeck, DebriefMine, DebriefShow, Poll } from "./types.ts";

/** Where the debrief stands: the step on the projector, whether it has closed, and every poll answer. */
export interface DebriefState {
  current: string;
  closed: boolean;
  /** Step id → player → the index of their answer (a scale's 1-5 is 0-4). */
  answers: Map<string, Map<PlayerId, number>>;
}

export type DebriefErrorCode = "debrief-not-open" | "debrief-closed" | "bad-step" | "no-poll" | "bad-answer";

export interface DebriefRefusal {
  code: DebriefErrorCode;
  message: string;
}

export function emptyDebrief(): DebriefState {
  return { current: "", closed: false, answers: new Map() };
}

function choices(poll: Poll): number {
  return poll.kind === "choice" ? poll.options.length : 5;
}

/**
 * Whether a debrief command may be applied: only once the game has ended, to a step of this
 * session's deck, and a poll answer only to the step on the projector, within its choices.
 * A player may change their answer while the step is shown.
 */
export function checkDebrief(d: DebriefState, phase: GamePhase, deck: DebriefDeck, c: DebriefCommand): DebriefRefusal | undefined {
  if (phase !== "ended") return { code: "debrief-not-open", message: "The debrief starts once the game is over." };
  if (c.kind === "debrief") {
    if (d.closed) return { code: "debrief-closed", message: "The debrief has closed: the scores are gone, and they stay gone." };
    if (c.step !== "" && !deck.steps.some((s) => s.id === c.step)) return { code: "bad-step", message: "That step is not part of this session's debrief." };
    return undefined;
  }
  if (c.step !== d.current) return { code: "bad-step", message: "That question is no longer on the projector." };
  const poll = deck.steps.find((s) => s.id === c.step)?.poll;
  if (!poll) return { code: "no-poll", message: "This step has no question to answer." };
  if (!Number.isInteger(c.answer) || c.answer < 0 || c.answer >= choices(poll)) return { code: "bad-answer", message: "That is not one of the answers." };
  return undefined;
}

/** Applies a command `checkDebrief` accepted. */
export function applyDebrief(d: DebriefState, c: DebriefCommand): void {
  if (c.kind === "debrief") {
    d.current = c.step;
    if (c.step === "close") d.closed = true;
    return;
  }
  let byPlayer = d.answers.get(c.step);
  if (!byPlayer) d.answers.set(c.step, (byPlayer = new Map()));
  byPlayer.set(c.player, c.answer);
}

/** The debrief as the log leaves it: what a resumed room, or a reloaded projector, comes back to. */
export function foldDebrief(phase: GamePhase, deck: DebriefDeck, commands: readonly { command: Command }[]): DebriefState {
  const d = emptyDebrief();
  for (const { command: c } of commands) if (isDebriefCommand(c) && !checkDebrief(d, phase, deck, c)) applyDebrief(d, c);
  return d;
}

export function debriefShow(d: DebriefState, deck: DebriefDeck): DebriefShow {
  const tallies: Record<string, number[]> = {};
  for (const s of deck.steps) {
    if (!s.poll) continue;
    const counts = Array.from({ length: choices(s.poll) }, () => 0);
    for (const a of d.answers.get(s.id)?.values() ?? []) counts[a]++;
    tallies[s.id] = counts;
  }
  return { steps: deck.steps, current: d.current, closed: d.closed, tallies };
}

export function debriefMine(d: DebriefState, deck: DebriefDeck, player: PlayerId): DebriefMine {
  const step = deck.steps.find((s) => s.id === d.current);
  return {
    step: step ? { id: step.id, phase: step.phase, title: step.title, question: step.question, ...(step.poll ? { poll: step.poll } : {}) } : null,
    lines: step ? (deck.sides[step.id]?.[player] ?? []) : [],
    answer: step ? (d.answers.get(step.id)?.get(player) ?? null) : null,
    closed: d.closed,
  };
}
