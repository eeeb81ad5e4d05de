import type { ActCommand } from "../act-command.ts";
import type { Rejection } from "../commands.ts";
import type { Turn } from "../effects.ts";
import type { GameState } from "../state.ts";

/**
 * One action: `check` says whether it may happen now (and must not touch the state);
 * `run` applies it. Common checks (phase, action points, blacklist) happen before either.
 */
export interface ActionRule {
  needsTarget: boolean;
  check?(s: GameState, c: ActCommand): Rejection | undefined;
  run(t: Turn, c: ActCommand): void;
}
