import { SessionCore } from "../session/core.ts";
import type { Command, FacilitatorCommand } from "../rules/commands.ts";
import { makeConfig, type GameConfig } from "../rules/config.ts";
import type { GameEvent } from "../rules/events.ts";
import { seededRandom } from "../rules/rng.ts";
import { friendsOf, initialState, RULES_VERSION, type GameState, type PlayerId } from "../rules/state.ts";
import { chooseMove, PROFILES, type Memory, type Profile } from "./generate-moves.ts";
import type { LogEntry, ReplayLog } from "./log.ts";

export interface GenerateOptions {
  players?: number;
  rounds?: number;
  seed?: number;
  roundSeconds?: number;
  actionPoints?: number;
  /** A scenario's config (a preset's, say) to play instead of the defaults; `rounds`, `roundSeconds` and `actionPoints` still override it when given. */
  config?: GameConfig;
  /** The rules version to record under (an older one, to test that its logs still replay). */
  rulesVersion?: number;
}

const TICK_MS = 250;
const HEARTBEAT_MS = 5000;
const CREATED_AT = 1_700_000_000_000;

/** Records commands the way the classroom room does, through the same session core: only what changed something, and a heartbeat. */
class Recorder {
  commands: LogEntry[] = [];
  private lastLoggedAt = 0;
  private core: SessionCore;

  constructor(s: GameState) {
    this.core = new SessionCore(s, { record: (c) => this.record(c) });
  }

  get s(): GameState {
    return this.core.game;
  }

  run(c: Command): GameEvent[] {
    const out = this.core.apply(c);
    return "code" in out ? [] : out;
  }

  /** The room's 250 ms clock up to time `t`: it closes rounds on time and logs a heartbeat. */
  clockTo(t: number): void {
    for (;;) {
      const s = this.s;
      if (s.phase !== "round" || s.paused) return;
      const due = Math.ceil(s.roundEndsAt / TICK_MS) * TICK_MS;
      const beat = Math.ceil((this.lastLoggedAt + HEARTBEAT_MS) / TICK_MS) * TICK_MS;
      const next = Math.min(due, beat);
      if (next > t) return;
      if (this.run({ kind: "tick", at: next }).length === 0) this.record({ kind: "tick", at: next });
    }
  }

  private record(c: Command): void {
    this.commands.push({ seq: this.commands.length + 1, command: c });
    this.lastLoggedAt = c.at;
  }
}

/** A short memory: the last few names, newest last. */
function remember(list: PlayerId[] | undefined, id: PlayerId): void {
  if (!list) return;
  list.push(id);
  if (list.length > 5) list.shift();
}

type Intent = { at: number; player: PlayerId } | { at: number; host: FacilitatorCommand } | { at: number; join: string };

/** What the facilitator does in a round: a pause, a rule change (friend weight doubled), a removal. */
function hostIntents(round: number, rounds: number, start: number, ids: PlayerId[]): Intent[] {
  const out: Intent[] = [];
  if (round === 2) out.push({ at: start + 20_000, host: { type: "pause" } }, { at: start + 35_000, host: { type: "resume" } });
  if (round === Math.floor(rounds / 2) + 1) out.push({ at: start + 15_000, host: { type: "settings", friendWeight: 0.2 } });
  if (round === 3) for (let i = 1; i <= 3; i++) out.push({ at: start + 5_000 * i, join: `Late ${i}` });
  if (round === 4 && ids.length > 1) out.push({ at: start + 30_000, host: { type: "remove", player: ids[1] } });
  return out;
}

/**
 * A deterministic synthetic session for tests and the benchmark: players with profiles act
 * through the real rules, rounds end on the room's clock, the facilitator pauses, changes a
 * rule and removes a player. The same options always give the same log.
 */
export function generateSession(opts: GenerateOptions = {}): ReplayLog {
  const { players = 30, seed = 1, rulesVersion = RULES_VERSION } = opts;
  const base = opts.config ?? makeConfig({ rounds: 5, roundSeconds: 60, actionPoints: 4 });
  const config: GameConfig = {
    ...base,
    ...(opts.rounds === undefined ? {} : { rounds: opts.rounds }),
    ...(opts.roundSeconds === undefined ? {} : { roundSeconds: opts.roundSeconds }),
    ...(opts.actionPoints === undefined ? {} : { actionPoints: opts.actionPoints }),
  };
  const rounds = config.rounds;
  const rec = new Recorder(initialState(config, seed, rulesVersion));
  const s = rec.s;
  const rnd = seededRandom((seed ^ 0x5bd1e995) >>> 0);
  const profiles = new Map<PlayerId, Profile>();
  const memory = new Map<PlayerId, Memory>();
  const join = (at: number, nickname: string) => {
    for (const e of rec.run({ kind: "join", at, nickname })) {
      if (e.type !== "player-joined") continue;
      profiles.set(e.player, PROFILES[Math.floor(rnd() * PROFILES.length)]);
      memory.set(e.player, { reportedBy: [], hurtBy: [], dissentingFriendsLastRound: 0 });
    }
  };
  for (let i = 0; i < players; i++) join(CREATED_AT + 50 * i, `Player ${i + 1}`);
  rec.run({ kind: "facilitate", at: CREATED_AT + 50 * players + 5_000, command: { type: "start" } });
  let dissenters = new Set<PlayerId>();
  while (s.phase === "round") {
    const round = s.round;
    const start = s.roundEndsAt - s.config.roundSeconds * 1000;
    const ids = Object.keys(s.players);
    for (const id of ids) memory.get(id)!.dissentingFriendsLastRound = friendsOf(s, id).filter((f) => dissenters.has(f)).length;
    dissenters = new Set();
    const intents: Intent[] = hostIntents(round, rounds, start, ids);
    for (const id of ids) {
      for (let k = 0; k <= s.players[id].actionPoints; k++)
        intents.push({ at: start + 1 + Math.floor(rnd() * (s.config.roundSeconds * 1000 - 2)), player: id });
    }
    intents.sort((a, b) => a.at - b.at);
    for (const intent of intents) {
      rec.clockTo(intent.at);
      if (s.phase !== "round" || s.round !== round) break;
      if ("host" in intent) rec.run({ kind: "facilitate", at: intent.at, command: intent.host });
      else if ("join" in intent) join(intent.at, intent.join);
      else if (s.vote?.eligible.includes(intent.player) && !(intent.player in s.vote.choices) && !s.paused) {
        const options = s.vote.options;
        rec.run({ kind: "vote", at: intent.at, player: intent.player, option: options[Math.floor(rnd() * options.length)] });
      } else if (s.players[intent.player] && !s.paused) {
        const move = chooseMove(s, intent.player, profiles.get(intent.player)!, memory.get(intent.player)!, ids, rnd);
        for (const e of rec.run({ kind: "act", at: intent.at, player: intent.player, ...move })) {
          if (e.type === "acted" && e.action === "post-opinion") dissenters.add(e.player);
          if (e.type !== "score" || !e.cause.actor) continue;
          if (e.cause.rule === "reported") remember(memory.get(e.player)?.reportedBy, e.cause.actor);
          if (e.cause.rule === "friend-spillover") remember(memory.get(e.player)?.hurtBy, e.cause.actor);
        }
      }
    }
    if (s.paused) rec.run({ kind: "facilitate", at: s.now, command: { type: "resume" } });
    rec.clockTo(s.roundEndsAt + TICK_MS);
  }
  return { meta: { config, seed, rulesVersion, createdAt: CREATED_AT, code: "SYNTH" }, commands: rec.commands };
}
