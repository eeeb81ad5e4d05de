import type { ActCommand } from "../act-command.ts";
import type { Rejection } from "../commands.ts";
import type { Turn } from "../effects.ts";
import type { GameConfig } from "../config.ts";
import type { GameState, Phase } from "../state.ts";

/**
 * What the rules need to know of an actor before any target or topic. A player's phone knows
 * it too, so the phone greys out a button by the rules' own check (shared/text/availability.ts).
 */
export interface Standing {
  /** A Phase; a string as a synced state holds it. */
  phase: Phase | (string & {});
  paused: boolean;
  actionPoints: number;
  blacklisted: boolean;
  /** Null while the player may not see their own score: a check that needs it is left to the server. */
  score: number | null;
  /** Nobody sees any score. */
  scoresHidden?: boolean;
}

/**
 * One action: `check` says whether it may happen now (and must not touch the state);
 * `run` applies it. Common checks (phase, action points, blacklist) happen before either;
 * `standing` adds what only the actor's own standing decides, which a phone can check too.
 */
export interface ActionRule {
  needsTarget: boolean;
  standing?(me: Standing, c: GameConfig): Rejection | undefined;
  check?(s: GameState, c: ActCommand): Rejection | undefined;
  run(t: Turn, c: ActCommand): void;
}
