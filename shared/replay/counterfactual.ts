import { SessionCore } from "../session/core.ts";
import type { Command, RejectionCode } from "../rules/commands.ts";
import { ACTION_NAMES, type ActionConfig, type ActionName, type GameConfig } from "../rules/config.ts";
import type { GameEvent } from "../rules/events.ts";
import { changedSetting } from "../rules/live/rule-change.ts";
import { roundActionPoints } from "../rules/round.ts";
import { initialState, since, type PlayerId } from "../rules/state.ts";
import { summarize, type WorldSummary } from "./compare.ts";
import type { LogEntry, ReplayLog } from "./log.ts";
import type { Replay } from "./replay-index.ts";
import { eventIndex, stateAfter } from "./seek.ts";
import { Translator } from "./translate.ts";

export type ConfigChanges = Partial<Omit<GameConfig, "actions">> & { actions?: Partial<Record<ActionName, Partial<ActionConfig>>> };

/**
 * Ready-made worlds for the debrief. The page names each by its key (its words are in the
 * catalogs, `replay.whatif.preset.<key>`); before a re-run it says that every recorded choice
 * is kept, and after it what was held fixed and left out (shared/text/what-if.ts).
 */
export const PRESET_CHANGES = {
  "no-guilt-by-association": { changes: { friendWeight: 0 } },
  "double-guilt-by-association": { changes: { friendWeight: 0.2 } },
  "no-blacklist": { changes: { blacklistOnDefault: false, noBlacklist: true } },
  "no-reporting-reward": { changes: { actions: { report: { self: 0 } } } },
} satisfies Record<string, { changes: ConfigChanges }>;

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
  /** Recorded commands the other world refused; an appeal whose deduction never happened there is one (`nothing-to-appeal`). */
  refused: {
    actions: number;
    joins: number;
    facilitator: number;
    byCode: Partial<Record<RejectionCode | "not-joined", number>>;
    byAction: Partial<Record<ActionName, number>>;
  };
  /** Recorded facilitator setting changes left out because the other world pins that setting. */
  pinnedSettings: number;
  /** Whether later changes of the changed rules went through (the facilitator ticked it); otherwise they are held all session. */
  letLaterChanges: boolean;
  /** Per changed rule, the recorded session's later changes of it, by who made them: left out here, unless later changes were let through. */
  held: HeldRule[];
  /** In a world without a blacklist: the recorded blacklistings that did not happen there, and the action points blacklisted players lost to it. */
  blacklist: { blacklistings: number; pointsLost: number } | null;
  /** "keyed": each audit and appeal draws the same luck in both worlds (rules version 3 on); "stream": one sequence, so luck may differ once the worlds do. */
  luck: "keyed" | "stream";
  /** The other world's own log (its accepted commands, its player ids): buildReplay it to scrub it. */
  log: ReplayLog;
}

export interface HeldRule {
  /** As a live event names it: "friendWeight", "visaAt", "actions.report.self". */
  setting: string;
  byHand: number;
  planned: number;
  voted: number;
}

/** The rules a set of changes names, as live events name them: "friendWeight", "actions.report.self". */
function changedSettings(changes: ConfigChanges): string[] {
  const { actions = {}, held: _held, ...rest } = changes;
  const out = Object.keys(rest);
  for (const [name, effect] of Object.entries(actions)) for (const field of Object.keys(effect ?? {})) out.push(`actions.${name}.${field}`);
  return out;
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
 * live room's own session core (shared/session/core.ts): the clock first, so a round that is
 * over by then (shorter rounds, say) closes first, then the command. A changed setting stays changed:
 * the facilitator's recorded change of that same setting is left out.
 */
export function runCounterfactual(
  r: Replay,
  changes: ConfigChanges,
  opts: { letLaterChanges?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Counterfactual {
  const letLaterChanges = opts.letLaterChanges === true;
  const settings = changedSettings(changes);
  const held = letLaterChanges ? [] : settings;
  const config = { ...withChanges(r.config, changes), ...(held.length ? { held } : {}) };
  const tr = new Translator(r, held);
  const commands: LogEntry[] = [];
  const refused: Counterfactual["refused"] = { actions: 0, joins: 0, facilitator: 0, byCode: {}, byAction: {} };
  const refusedBy = new Map<PlayerId, number>();
  // The recorded command being re-run, by its index; the clock's own tick before it observes as -1.
  let current: { c: Command; i: number } | undefined;
  const core = new SessionCore(initialState(config, r.log.meta.seed, r.log.meta.rulesVersion), {
    record: (c) => commands.push({ seq: commands.length + 1, command: c }),
    project: (events, c, round) => tr.observe(events, c === current?.c ? current.i : -1, round),
  });
  const s = core.game;
  const run = (c: Command, i: number): GameEvent[] | RejectionCode => {
    current = { c, i };
    const out = core.apply(c);
    return "code" in out ? out.code : out;
  };
  const n = r.log.commands.length;
  for (let i = 0; i < n; i++) {
    if (r.refused.has(i)) continue;
    const recorded = r.log.commands[i].command;
    const c = tr.translate(recorded, i);
    if (c === "pinned") continue;
    // A command the other world cannot take still lets its moment pass there.
    const out = c === "not-joined" ? (core.apply({ kind: "tick", at: recorded.at }), c) : run(c, i);
    if (typeof out === "string") {
      refused.byCode[out] = (refused.byCode[out] ?? 0) + 1;
      if (recorded.kind === "act") {
        refused.actions++;
        refused.byAction[recorded.action] = (refused.byAction[recorded.action] ?? 0) + 1;
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
    recorded: summarize(r.final, (id) => id, range),
    counterfactual: summarize(s, (id) => tr.recordedId(id), range),
    refused,
    pinnedSettings: tr.pinned,
    letLaterChanges,
    held: heldRules(r, settings),
    blacklist: config.noBlacklist ? blacklistCost(r) : null,
    luck: since(r.final, 3) ? "keyed" : "stream",
    log: { meta: { ...r.log.meta, config }, commands },
  };
}

/** What the recorded session did to each held rule after the start, which the other world left out. */
function heldRules(r: Replay, held: readonly string[]): HeldRule[] {
  const out = held.map((setting): HeldRule => ({ setting, byHand: 0, planned: 0, voted: 0 }));
  const find = (setting: string) => out.find((h) => h.setting === setting);
  for (const e of r.events) {
    if (e.type === "settings") {
      for (const key of Object.keys(e.changed)) {
        const h = find(key);
        if (h) h.byHand++;
      }
    }
    if (e.type !== "live") continue;
    const d = e.detail;
    if (d.kind === "rule-change") {
      const h = find(changedSetting(d.change));
      if (h && e.scheduled) h.planned++;
      else if (h) h.byHand++;
    }
    if (d.kind === "vote-closed" && d.change) {
      const h = find(changedSetting(d.change));
      if (h) h.voted++;
    }
  }
  return out;
}

/** The recorded blacklist's toll: how many times someone was put on it, and the action points it took at each round's start. */
function blacklistCost(r: Replay): { blacklistings: number; pointsLost: number } {
  let blacklistings = 0;
  for (const e of r.events) if (e.type === "blacklisted" && e.on) blacklistings++;
  let pointsLost = 0;
  for (const span of r.rounds) {
    const s = stateAfter(r, r.eventCommand[eventIndex(r, span.startEvent)] + 1);
    for (const p of Object.values(s.players)) if (p.blacklisted) pointsLost += roundActionPoints(s, { ...p, blacklisted: false }) - roundActionPoints(s, p);
  }
  return { blacklistings, pointsLost };
}
