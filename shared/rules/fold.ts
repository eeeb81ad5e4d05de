import type { Command } from "./commands.ts";
import type { GameConfig } from "./config.ts";
import type { GameEvent } from "./events.ts";
import type { GameState } from "./state.ts";
import { initialState, RULES_VERSION } from "./state.ts";
import { apply } from "./apply.ts";

/**
 * Replays a command log from the start, under the rules version it was recorded with.
 * Rejected commands are skipped exactly as they were live (they changed nothing then either),
 * so a log may hold them.
 */
export function fold(
  config: GameConfig,
  seed: number,
  commands: Iterable<Command>,
  onEvents?: (events: GameEvent[], c: Command) => void,
  rulesVersion = RULES_VERSION,
): GameState {
  let s = initialState(config, seed, rulesVersion);
  for (const c of commands) {
    const out = apply(s, c);
    if ("code" in out) continue;
    s = out.state;
    if (onEvents && out.events.length) onEvents(out.events, c);
  }
  return s;
}
