import { getMessageBytes, Protocol } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { actMessage } from "../shared/messages/messages.ts";
import { generateSession } from "../shared/replay/generate.ts";
import { openLog, type ReplayLog } from "../shared/replay/log.ts";
import type { Command } from "../shared/rules/commands.ts";
import { initialState } from "../shared/rules/state.ts";
import { ClassroomState } from "../shared/schema/classroom-state.ts";
import { SessionCore } from "../shared/session/core.ts";
import { Feed, FEED_EVERY_MS, isForPlayers } from "../server/rooms/feed.ts";
import { PATCH_MS } from "../server/rooms/logged-room.ts";
import { PrivateData } from "../server/rooms/private-data.ts";
import { project } from "../server/rooms/project.ts";
import { roomMessageOf } from "../server/transport/frame-check.ts";

export interface WorkOptions {
  players: number;
  rounds: number;
  passes: number;
  progress?: (line: string) => void;
}

/** Microseconds per applied action, by step, over one pass through the session's commands. */
export interface WorkPass {
  actions: number;
  total: number;
  /** The `act` frame decoded by the server's frame check, and validated with zod. */
  decode: number;
  /** The rules, through the session core: the clock's tick before the command, then the command. */
  rules: number;
  /** Events onto the synced state. */
  project: number;
  /** The feed line and the note of whose private data may have changed. */
  notes: number;
  /** Every PATCH_MS of session time: the patch encoded once, the changed inboxes and the feed batch packed. */
  patch: number;
}

const STEPS = ["decode", "rules", "project", "notes", "patch"] as const;

/**
 * The server's own work for a recorded session, without sockets: each `act` decoded and
 * validated as it arrives, every command run through the session core the room runs
 * (shared/session/core.ts) with the room's steps behind it, and every PATCH_MS of the
 * session's time the patch encoded and the private messages and feed framed as Colyseus
 * frames them. What remains of the server's cost under load beyond this is the transport:
 * Colyseus, WebSockets and the kernel.
 */
export function measureWork(opts: WorkOptions): { commands: number; passes: WorkPass[] } {
  const log = generateSession({ players: opts.players, rounds: opts.rounds, roundSeconds: 60, actionPoints: 30, seed: 7 });
  const opened = openLog(log);
  if ("code" in opened) throw new Error(opened.message);
  // What a phone puts on the wire, framed before the clock starts.
  const wire = log.commands.map(({ command }) => (command.kind === "act" ? frame("act", actOf(command)) : undefined));
  const passes: WorkPass[] = [];
  for (let i = 0; i < opts.passes; i++) {
    passes.push(onePass(opened, wire));
    const p = passes.at(-1)!;
    opts.progress?.(`pass ${i + 1}/${opts.passes}: ${p.actions} actions, ${p.total.toFixed(1)} µs each`);
  }
  return { commands: log.commands.length, passes };
}

function actOf(command: Extract<Command, { kind: "act" }>) {
  const { kind: _kind, at: _at, player: _player, ...msg } = command;
  return msg;
}

/** A message as Colyseus frames it for a socket, the way a phone's SDK frames one too. */
const frame = (type: string, message: unknown) => getMessageBytes.raw(Protocol.ROOM_DATA, type, message);

function onePass(log: ReplayLog, wire: (Buffer | undefined)[]): WorkPass {
  const { meta, commands } = log;
  const state = new ClassroomState();
  const encoder = new Encoder(state);
  const feed = new Feed();
  const privateData = new PrivateData();
  const spent = { decode: 0, rules: 0, project: 0, notes: 0, patch: 0 };
  let t = 0;
  const lap = (step: keyof typeof spent) => {
    const now = performance.now();
    spent[step] += now - t;
    t = now;
  };
  // The room's steps for each command the rules took (ClassroomRoom.sessionCore), timed one by one; the log is not written here.
  const core = new SessionCore(initialState(meta.config, meta.seed, meta.rulesVersion), {
    project(events, c) {
      lap("rules");
      project(g, state, events, c.at);
      lap("project");
      feed.add(events, g);
      privateData.note(g, events);
      lap("notes");
    },
  });
  const g = core.game;
  let actions = 0;
  let patchedAt = 0;
  let fedAt = 0;
  commands.forEach(({ command }, i) => {
    t = performance.now();
    if (command.kind === "act") {
      if (!actMessage.safeParse(roomMessageOf(wire[i]!)?.message).success) throw new Error(`command ${i} is not a valid act message`);
      lap("decode");
    }
    const out = core.apply(command);
    lap("rules");
    if ("code" in out) return;
    if (command.kind === "act") actions++;
    if (command.at - patchedAt >= PATCH_MS) {
      for (const [, inbox] of privateData.changes(g, () => true).inboxes) frame("inbox", inbox);
      encoder.encode();
      encoder.discardChanges();
      patchedAt = command.at;
    }
    if (command.at - fedAt >= FEED_EVERY_MS) {
      const lines = feed.takeBatch();
      if (lines) frame("feed", lines);
      if (lines?.some(isForPlayers)) frame("feed", lines.filter(isForPlayers));
      fedAt = command.at;
    }
    lap("patch");
  });
  const per = (ms: number) => (ms * 1000) / actions;
  const pass = { actions, total: 0, decode: 0, rules: 0, project: 0, notes: 0, patch: 0 };
  for (const step of STEPS) {
    pass[step] = per(spent[step]);
    pass.total += pass[step];
  }
  return pass;
}

/** The fastest pass, the one least disturbed by the machine and the JIT's warm-up. */
export function bestPass(passes: WorkPass[]): WorkPass {
  return passes.reduce((a, b) => (b.total < a.total ? b : a));
}

export function formatWork(players: number, pass: WorkPass): string {
  const rows = STEPS.map((s) => `  ${s.padEnd(8)} ${pass[s].toFixed(1).padStart(6)} µs`);
  const perCore = Math.round(1e6 / pass.total);
  return [
    `The server's work per applied action at ${players} players, without sockets (the fastest pass):`,
    ...rows,
    `  ${"total".padEnd(8)} ${pass.total.toFixed(1).padStart(6)} µs: one core would keep up with about ${perCore.toLocaleString("en")} actions a second`,
  ].join("\n");
}
