import { apply } from "../rules/apply.ts";
import type { Command, RejectionCode } from "../rules/commands.ts";
import { ACTION_NAMES, type ActionConfig, type ActionName, type GameConfig } from "../rules/config.ts";
import type { GameEvent } from "../rules/events.ts";
import { initialState, type PlayerId } from "../rules/state.ts";
import { summarize, type WorldSummary } from "./compare.ts";
import type { LogEntry, ReplayLog } from "./log.ts";
import type { Replay } from "./replay-index.ts";
import { Translator } from "./translate.ts";

/** What the page says next to the two worlds. */
export const FIXED_CHOICES_NOTE =
  "Every recorded choice stays fixed: the same players take the same actions at the same moments. Only the rules changed, so only their consequences differ. An action the other rules do not allow is refused there, and stays refused.";

export type ConfigChanges = Partial<Omit<GameConfig, "actions">> & { actions?: Partial<Record<ActionName, Partial<ActionConfig>>> };

/** Ready-made worlds for the debrief. */
export const PRESET_CHANGES = {
  "no-guilt-by-association": { label: "Friends' scores do not count (friend weight 0)", changes: { friendWeight: 0 } },
  "double-guilt-by-association": { label: "Friends' scores count double (friend weight 0.2)", changes: { friendWeight: 0.2 } },
  "no-blacklist": { label: "No blacklist: defaulting costs points only", changes: { blacklistOnDefault: false } },
  "no-reporting-reward": { label: "Reporting earns nothing", changes: { actions: { report: { self: 0 } } } },
} satisfies Record<string, { label: string; changes: ConfigChanges }>;

export interface PlayerOutcome {
  /** The recorded player id. */
  id: PlayerId;
  nickname: string;
  /** Final scores in each world; null where the player was not in that world at the end. */
  recorded: number | null;
  counterfactual: number | null;
  difference: number | null;
  /** Their recorded actions that the other world refused. */
  refused: number;
}

export interface Counterfactual {
  config: GameConfig;
  players: PlayerOutcome[];
  recorded: WorldSummary;
  counterfactual: WorldSummary;
  refused: { actions: number; joins: number; facilitator: number; byCode: Partial<Record<RejectionCode | "not-joined", number>> };
  /** Recorded facilitator setting changes left out because the other world pins that setting. */
  pinnedSettings: number;
  /** The other world's own log (its accepted commands, its player ids): buildReplay it to scrub it. */
  log: ReplayLog;
}

export function withChanges(base: GameConfig, changes: ConfigChanges): GameConfig {
  const { actions = {}, ...rest } = changes;
  const merged = { ...base.actions };
  for (const name of ACTION_NAMES) merged[name] = { ...merged[name], ...actions[name] };
  return { ...base, ...rest, actions: merged };
}

/**
 * Re-runs the recorded session under changed rules: every command the recorded world
 * accepted (joins, actions, facilitator commands, ticks) at its recorded time, through the
 * same `apply`. As the live room does, the clock is ticked before each command, so a round
 * that is over by then (shorter rounds, say) closes first. A changed setting stays changed:
 * the facilitator's recorded change of that same setting is left out.
 */
export function runCounterfactual(r: Replay, changes: ConfigChanges, opts: { onProgress?: (done: number, total: number) => void } = {}): Counterfactual {
  const config = withChanges(r.config, changes);
  const s = initialState(config, r.log.meta.seed, r.log.meta.rulesVersion);
  const tr = new Translator(r, Object.keys(changes));
  const commands: LogEntry[] = [];
  const refused: Counterfactual["refused"] = { actions: 0, joins: 0, facilitator: 0, byCode: {} };
  const refusedBy = new Map<PlayerId, number>();
  const run = (c: Command, index: number): GameEvent[] | RejectionCode => {
    const round = s.round;
    const out = apply(s, c);
    if ("code" in out) return out.code;
    if (out.events.length > 0) commands.push({ seq: commands.length + 1, command: c });
    tr.observe(out.events, index, round);
    return out.events;
  };
  const n = r.log.commands.length;
  for (let i = 0; i < n; i++) {
    if (r.refused.has(i)) continue;
    const recorded = r.log.commands[i].command;
    const c = tr.translate(recorded);
    if (c === "pinned") continue;
    if (recorded.kind !== "tick") run({ kind: "tick", at: recorded.at }, -1);
    const out = c === "not-joined" ? c : run(c, i);
    if (typeof out === "string") {
      refused.byCode[out] = (refused.byCode[out] ?? 0) + 1;
      if (recorded.kind === "act") {
        refused.actions++;
        refusedBy.set(recorded.player, (refusedBy.get(recorded.player) ?? 0) + 1);
      } else if (recorded.kind === "join") refused.joins++;
      else refused.facilitator++;
    } else if (recorded.kind === "join") tr.joined(i, out);
    if (opts.onProgress && ((i + 1) % 2000 === 0 || i + 1 === n)) opts.onProgress(i + 1, n);
  }
  const range: [number, number] = [Math.min(r.config.scoreMin, config.scoreMin), Math.max(r.config.scoreMax, config.scoreMax)];
  const players = Object.values(r.players).map((p): PlayerOutcome => {
    const recordedScore = r.final.players[p.id]?.score ?? null;
    const other = tr.otherId(p.id);
    const cfScore = other === undefined ? null : (s.players[other]?.score ?? null);
    return {
      id: p.id,
      nickname: p.nickname,
      recorded: recordedScore,
      counterfactual: cfScore,
      difference: recordedScore === null || cfScore === null ? null : cfScore - recordedScore,
      refused: refusedBy.get(p.id) ?? 0,
    };
  });
  return {
    config,
    players,
    recorded: summarize(r.final, r.config, (id) => id, range),
    counterfactual: summarize(s, config, (id) => tr.recordedId(id), range),
    refused,
    pinnedSettings: tr.pinned,
    log: { meta: { ...r.log.meta, config }, commands },
  };
}
