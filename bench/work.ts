import { Encoder } from "@colyseus/schema";
import { pack, unpack } from "msgpackr";
import { actMessage } from "../shared/messages/messages.ts";
import { generateSession } from "../shared/replay/generate.ts";
import { apply } from "../shared/rules/apply.ts";
import type { Command } from "../shared/rules/commands.ts";
import { initialState } from "../shared/rules/state.ts";
import { ClassroomState } from "../shared/schema/classroom-state.ts";
import { Feed, FEED_EVERY_MS, isForPlayers } from "../server/rooms/feed.ts";
import { PATCH_MS } from "../server/rooms/logged-room.ts";
import { PrivateData } from "../server/rooms/private-data.ts";
import { project } from "../server/rooms/project.ts";

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
  /** MessagePack decoding and zod validation of the `act` message. */
  decode: number;
  /** The rules: the clock's tick before the command, then the command. */
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
 * validated as it arrives, every command ruled on and projected, and every PATCH_MS of the
 * session's time the patch encoded and the private messages and feed packed, as the room does
 * (server/rooms/classroom-room.ts). What remains of the server's cost under load beyond this is
 * the transport: Colyseus, WebSockets and the kernel.
 */
export function measureWork(opts: WorkOptions): { commands: number; passes: WorkPass[] } {
  const log = generateSession({ players: opts.players, rounds: opts.rounds, roundSeconds: 60, actionPoints: 30, seed: 7 });
  // What a phone puts on the wire, packed before the clock starts.
  const wire = log.commands.map(({ command }) => (command.kind === "act" ? pack(actOf(command)) : undefined));
  const passes: WorkPass[] = [];
  for (let i = 0; i < opts.passes; i++) {
    passes.push(onePass(log.meta, log.commands, wire));
    const p = passes.at(-1)!;
    opts.progress?.(`pass ${i + 1}/${opts.passes}: ${p.actions} actions, ${p.total.toFixed(1)} µs each`);
  }
  return { commands: log.commands.length, passes };
}

function actOf(command: Extract<Command, { kind: "act" }>) {
  const { kind: _kind, at: _at, player: _player, ...msg } = command;
  return msg;
}

function onePass(meta: ReturnType<typeof generateSession>["meta"], commands: ReturnType<typeof generateSession>["commands"], wire: (Buffer | undefined)[]): WorkPass {
  const g = initialState(meta.config, meta.seed);
  const state = new ClassroomState();
  const encoder = new Encoder(state);
  const feed = new Feed();
  const privateData = new PrivateData();
  const spent = { decode: 0, rules: 0, project: 0, notes: 0, patch: 0 };
  let actions = 0;
  let patchedAt = 0;
  let fedAt = 0;
  commands.forEach(({ command }, i) => {
    let t = performance.now();
    const lap = (step: keyof typeof spent) => {
      const now = performance.now();
      spent[step] += now - t;
      t = now;
    };
    if (command.kind === "act") {
      if (!actMessage.safeParse(unpack(wire[i]!)).success) throw new Error(`command ${i} is not a valid act message`);
      lap("decode");
      apply(g, { kind: "tick", at: command.at });
    }
    const out = apply(g, command);
    lap("rules");
    if ("code" in out) return;
    if (command.kind === "act") actions++;
    project(g, state, out.events, command.at);
    lap("project");
    feed.add(out.events, g);
    privateData.note(g, out.events);
    lap("notes");
    if (command.at - patchedAt >= PATCH_MS) {
      for (const [, inbox] of privateData.changes(g, () => true).inboxes) pack(["inbox", inbox]);
      encoder.encode();
      encoder.discardChanges();
      patchedAt = command.at;
    }
    if (command.at - fedAt >= FEED_EVERY_MS) {
      const lines = feed.takeBatch();
      if (lines) pack(["feed", lines]);
      if (lines?.some(isForPlayers)) pack(["feed", lines.filter(isForPlayers)]);
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
