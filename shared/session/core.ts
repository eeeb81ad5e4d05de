import { apply } from "../rules/apply.ts";
import type { Command, Rejection } from "../rules/commands.ts";
import type { GameEvent } from "../rules/events.ts";
import type { GameState } from "../rules/state.ts";

/** What a session does with each command the rules took and that changed something, in order. */
export interface SessionSteps {
  /** Keep it for the log. */
  record?(c: Command): void;
  /** Show what it did: the synced state, the feed, whose private data changed. `round` is the round it came in. */
  project?(events: GameEvent[], c: Command, round: number): void;
}

/**
 * The per-command pipeline of every session, live or re-run, without Colyseus: time first
 * (a round over by the command's moment closes and the scenario's due events fire, as their
 * own tick), then the command; each that changed something is recorded, then projected. A
 * rejected command leaves the game as the clock left it. The room, its restore, the what-if
 * re-run, the session generator and the bench's work measure all run commands through here,
 * so none of them ticks by hand.
 */
export class SessionCore {
  constructor(
    readonly game: GameState,
    private readonly steps: SessionSteps = {},
  ) {}

  /** A command at its moment: the clock is brought to it first. The command's own events, or the rules' rejection. */
  apply(c: Command): Rejection | GameEvent[] {
    if (c.kind !== "tick") this.step({ kind: "tick", at: c.at });
    return this.step(c);
  }

  /** A command from a log, exactly as it stands there: the log holds its ticks. */
  replay(c: Command): Rejection | GameEvent[] {
    return this.step(c);
  }

  private step(c: Command): Rejection | GameEvent[] {
    const round = this.game.round;
    const out = apply(this.game, c);
    if ("code" in out) return out;
    if (out.events.length > 0) {
      this.steps.record?.(c);
      this.steps.project?.(out.events, c, round);
    }
    return out.events;
  }
}
