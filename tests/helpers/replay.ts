import type { makeConfig } from "../../shared/rules/config.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import type { ReplayLog } from "../../shared/replay/log.ts";
import { buildReplay, type BuildOptions, type Replay } from "../../shared/replay/replay-index.ts";
import { isReplayProblem } from "../../shared/replay/log.ts";
import { Script } from "./game.ts";

/** A Script that remembers the config it started with, so its log can be replayed. */
export function scripted(overrides: Parameters<typeof makeConfig>[0] = {}, seed = 42) {
  const g = new Script(overrides, seed);
  const config = g.config;
  const log = (): ReplayLog => ({
    meta: { config, seed, rulesVersion: RULES_VERSION, createdAt: 0 },
    commands: g.log.map((command, i) => ({ seq: i + 1, command })),
  });
  return { g, config, log };
}

export function replayOf(log: ReplayLog, opts: BuildOptions = {}): Replay {
  const r = buildReplay(log, opts);
  if (isReplayProblem(r)) throw new Error(r.message);
  return r;
}
