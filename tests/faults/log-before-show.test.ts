import { Client } from "@colyseus/sdk";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOM_NAME, type RulesMessage, type ServerMessages } from "../../shared/messages/messages.ts";
import type { Command } from "../../shared/rules/commands.ts";
import { startGameProcess, type GameProcess, type GameProcessEnv } from "../helpers/game-process.ts";
import { freePort, listen, nextMessage, until, type GameRoom } from "../helpers/server.ts";
import { startPostgres, type Postgres } from "../helpers/services.ts";

/**
 * Log before show, tried the hard way: for each kind of change, the server is killed with
 * SIGKILL from inside the callback in which a screen first sees it. Whatever a screen saw
 * must then be in the log and in force once the facilitator resumes the session.
 */

/** One screen as the test watches it: its room, and what it has been shown besides the state. */
interface Screen {
  room: GameRoom;
  rules?: RulesMessage;
  removed: boolean;
  inbox: () => ServerMessages["inbox"];
}

let armed: (() => boolean) | undefined;
let server: GameProcess;

/** Checks the armed condition on every patch and message a screen receives: the kill is immediate. */
function watch(room: GameRoom, inbox: () => ServerMessages["inbox"]): Screen {
  const screen: Screen = { room, removed: false, inbox };
  const check = () => {
    if (armed?.()) {
      armed = undefined;
      server.killNow();
    }
  };
  room.reconnection.enabled = false;
  room.onStateChange(check);
  room.onMessage("rules", (r: RulesMessage) => {
    screen.rules = r;
    check();
  });
  room.onMessage("error", (e: ServerMessages["error"]) => {
    if (e.about === "removed") screen.removed = true;
    check();
  });
  room.onMessage("inbox", check);
  return screen;
}

async function openHost(url: string, options: Record<string, unknown>) {
  const room = (await new Client(url).create(ROOM_NAME, options)) as GameRoom;
  const heard = listen(room);
  const welcome = nextMessage(room, "welcome", 15_000);
  const screen = watch(room, heard.inbox);
  const w = await welcome;
  await until(() => room.state?.players !== undefined && screen.rules !== undefined, "the host's first state and rules", 15_000);
  return { screen, code: w.code, hostKey: w.hostKey };
}

/** Each seat's rejoin PIN, as its phone keeps it: a nickname join after a restart needs it. */
const pins: Record<string, string> = {};

/** The facilitator's screen now open, which answers a phone asking for its seat back. */
let hostRoom: GameRoom | undefined;

async function openPlayer(url: string, code: string, name: string): Promise<Screen> {
  const seatHeld = [...(hostRoom?.state.players.values() ?? [])].some((p) => p.nickname === name);
  if (seatHeld && !pins[name]) return claimSeat(url, code, name, hostRoom!);
  const room = (await new Client(url).joinById(code, { name, ...(pins[name] ? { pin: pins[name] } : {}) })) as GameRoom;
  const heard = listen(room);
  const welcome = nextMessage(room, "welcome", 15_000);
  const screen = watch(room, heard.inbox);
  const w = await welcome;
  if (w.pin) pins[name] = w.pin;
  await until(() => room.state?.players?.get(w.playerId!) !== undefined && screen.rules !== undefined, `${name} seated`, 15_000);
  return screen;
}

/**
 * A join the log kept but whose welcome the kill cut off: that phone never saw its PIN, so,
 * as a real phone would, it asks for its seat back and the facilitator says yes.
 */
async function claimSeat(url: string, code: string, name: string, host: GameRoom): Promise<Screen> {
  let requests: ServerMessages["seat-requests"] = [];
  host.onMessage("seat-requests", (r: ServerMessages["seat-requests"]) => {
    requests = r;
  });
  const room = (await new Client(url).joinById(code, { name, ask: true })) as GameRoom;
  const heard = listen(room);
  const waiting = nextMessage(room, "welcome", 15_000);
  const screen = watch(room, heard.inbox);
  expect(await waiting).toMatchObject({ role: "waiting", request: "seat-back" });
  await until(() => requests.some((r) => r.nickname === name), `${name}'s request on the projector`, 15_000);
  const seated = nextMessage(room, "welcome", 15_000);
  host.send("answer-request", { id: requests.find((r) => r.nickname === name)!.id, allow: true });
  const w = await seated;
  await until(() => room.state?.players?.get(w.playerId!)?.connected === true && screen.rules !== undefined, `${name} back on the seat`, 15_000);
  return screen;
}

async function fetchLog(url: string, code: string, hostKey: string): Promise<Command[]> {
  const res = await fetch(`${url}/api/sessions/${code}/log`, { headers: { Authorization: `Bearer ${hostKey}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { commands: { command: Command }[] };
  return body.commands.map((e) => e.command);
}

const NAMES = ["Ana", "Bo", "Cy"];

async function playThrough(env: GameProcessEnv, dataDir: string) {
  for (const name of Object.keys(pins)) delete pins[name];
  hostRoom = undefined;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = await startGameProcess("log-before-show", env, { port, dataDir });
  const first = await openHost(url, { scenario: "free-play", seed: 3, rounds: 3, roundSeconds: 120 });
  const { code } = first;
  const hostKey = first.hostKey!;
  let host = first.screen;
  hostRoom = host.room;
  const players: Record<string, Screen> = {};
  for (const name of ["Ana", "Bo"]) players[name] = await openPlayer(url, code, name);
  const id = (name: string) => [...host.room.state.players.values()].find((p) => p.nickname === name)?.id ?? "";

  /**
   * Arms the kill on `seen`, does `act`, waits for the server to die, starts it again, and
   * resumes the session as its facilitator would; then everyone still seated comes back.
   */
  const crashOn = async (kind: string, act: () => void, seen: () => boolean) => {
    armed = seen;
    act();
    await until(() => server.exited(), `a screen to see the ${kind}`, 20_000);
    server = await startGameProcess("log-before-show", env, { port, dataDir });
    const log = await fetchLog(url, code, hostKey);
    host = (await openHost(url, { resume: code, hostKey })).screen;
    hostRoom = host.room;
    for (const name of Object.keys(players)) {
      if (host.room.state.players.size > 0 && !id(name)) delete players[name];
      else players[name] = await openPlayer(url, code, name);
    }
    return log;
  };
  const facilitate = (msg: Record<string, unknown>) => () => host.room.send("facilitate", msg);

  let log = await crashOn(
    "join",
    () => void openPlayer(url, code, "Cy").catch(() => undefined),
    () => host.room.state.players.size === 3,
  );
  expect(log.filter((c) => c.kind === "join").map((c) => (c as { nickname: string }).nickname)).toEqual(["Ana", "Bo", "Cy"]);
  expect(host.room.state.players.size).toBe(3);
  players.Cy = await openPlayer(url, code, "Cy");

  log = await crashOn("settings", facilitate({ type: "settings", roundSeconds: 45 }), () => players.Ana.rules?.roundSeconds === 45);
  expect(log.at(-1)).toMatchObject({ kind: "facilitate", command: { type: "settings", roundSeconds: 45 } });
  expect(host.rules?.roundSeconds).toBe(45);

  log = await crashOn("start of the game", facilitate({ type: "start" }), () => players.Bo.room.state.phase === "round");
  expect(log.some((c) => c.kind === "facilitate" && c.command.type === "start")).toBe(true);
  expect(host.room.state.phase).toBe("round");
  host.room.send("facilitate", { type: "resume" });
  await until(() => !host.room.state.paused, "the round running again", 10_000);

  log = await crashOn(
    "rule change",
    facilitate({ type: "rule-change", change: { rule: "friend-weight", value: 0.5 } }),
    () => players.Bo.rules?.friendWeight === 0.5,
  );
  expect(log.some((c) => c.kind === "facilitate" && c.command.type === "rule-change")).toBe(true);
  expect(host.rules?.friendWeight).toBe(0.5);
  host.room.send("facilitate", { type: "resume" });
  await until(() => !host.room.state.paused, "the round running again", 10_000);

  host.room.send("facilitate", { type: "vote-open", share: 1 });
  await until(() => NAMES.every((n) => players[n].inbox().voteStatus === "eligible"), "every player asked to vote", 10_000);
  log = await crashOn(
    "vote result",
    () => NAMES.forEach((n) => players[n].room.send("vote", { option: "double-guilt" })),
    () => players.Ana.rules?.friendWeight === 0.2,
  );
  expect(log.filter((c) => c.kind === "vote")).toHaveLength(3);
  expect(host.rules?.friendWeight).toBe(0.2);

  const cy = id("Cy");
  log = await crashOn("removal", facilitate({ type: "remove", player: cy }), () => players.Cy.removed);
  expect(log.at(-1)).toMatchObject({ kind: "facilitate", command: { type: "remove", player: cy } });
  expect(host.room.state.players.has(cy)).toBe(false);
  host.room.send("facilitate", { type: "resume" });
  await until(() => !host.room.state.paused, "the round running again", 10_000);

  const ana = id("Ana");
  log = await crashOn(
    "player's action",
    () => players.Ana.room.send("act", { action: "volunteer" }),
    () => (host.room.state.players.get(ana)?.score ?? 600) !== 600,
  );
  expect(log.some((c) => c.kind === "act" && c.player === ana)).toBe(true);
  expect(host.room.state.players.get(ana)!.score).not.toBe(600);

  await server.stop();
}

describe("log before show: a server killed the instant a screen sees a change", () => {
  let postgres: Postgres | undefined;
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "citizen-log-first-"));
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop().catch(() => undefined);
    await postgres?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("on SQLite, every kind of change a screen saw is in the log and in force after the restart", { timeout: 400_000 }, async () => {
    await playThrough({}, dataDir());
  });

  it("on PostgreSQL, the same", { timeout: 400_000 }, async () => {
    await playThrough({ DATABASE_URL: await postgres!.createDatabase("log_first") }, dataDir());
  });
});
