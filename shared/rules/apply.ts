import type { Command, Rejection } from "./commands.ts";
import { isDebriefCommand, reject } from "./commands.ts";
import type { GameEvent } from "./events.ts";
import type { GameState } from "./state.ts";
import type { Turn } from "./effects.ts";
import { checkJoin, runJoin } from "./join.ts";
import { checkAct, runAct } from "./act.ts";
import { checkFacilitate, runFacilitate } from "./facilitate.ts";
import { endRound } from "./round.ts";
import { checkBallot, runBallot } from "./ballot.ts";
import { checkVote, runVote } from "./live/vote.ts";
import { checkShowScore, runShowScore } from "./live/visibility.ts";
import { fireDue, nextDue } from "./live/schedule.ts";

export interface Applied {
  state: GameState;
  events: GameEvent[];
}

function check(s: GameState, c: Command): Rejection | undefined {
  switch (c.kind) {
    case "join":
      return checkJoin(s, c);
    case "act":
      return checkAct(s, c);
    case "facilitate":
      return checkFacilitate(s, c.command);
    case "tick":
      return undefined;
    case "vote":
      return checkVote(s, c);
    case "ballot":
      return checkBallot(s, c);
    case "show-score":
      return checkShowScore(s, c);
    default:
      return undefined;
  }
}

function roundIsOver(s: GameState, at: number): boolean {
  return s.phase === "round" && !s.paused && at >= s.roundEndsAt;
}

/**
 * The one entry point of the rules. A rejection leaves the state untouched. Otherwise the
 * state is updated in place (the caller owns it; copying 500 players per action would
 * dominate the server's cost) and returned with the events the command caused, in order.
 * Time only moves through commands: a tick fires the scenario's events that are due and
 * closes a round whose time is up, and any other
 * command that arrives after that moment, before its tick, is refused rather than being
 * counted in a round that is already over (hosts tick before every command).
 */
export function apply(s: GameState, c: Command): Rejection | Applied {
  // The debrief's own commands (shared/debrief) change nothing of the game, not even its clock.
  if (isDebriefCommand(c)) return { state: s, events: [] };
  const t: Turn = { s, at: Math.max(c.at, s.now), events: [] };
  if (c.kind === "tick") {
    if (!roundIsOver(s, t.at) && !nextDue(s, t.at)) return { state: s, events: [] };
    s.now = t.at;
    for (;;) {
      fireDue(t);
      if (!roundIsOver(s, t.at)) break;
      endRound(t);
    }
    return { state: s, events: t.events };
  }
  if (roundIsOver(s, t.at)) return reject("round-over", "round-over");
  const rejection = check(s, c);
  if (rejection) return rejection;
  s.now = t.at;
  switch (c.kind) {
    case "join":
      runJoin(t, c);
      break;
    case "act":
      runAct(t, c);
      break;
    case "facilitate":
      runFacilitate(t, c.command);
      break;
    case "vote":
      runVote(t, c);
      break;
    case "ballot":
      runBallot(t, c);
      break;
    case "show-score":
      runShowScore(t, c);
      break;
  }
  return { state: s, events: t.events };
}
