import { Client } from "@colyseus/sdk";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { fold } from "../../shared/rules/fold.ts";
import type { Command } from "../../shared/rules/commands.ts";
import { tidyTables, type Tables } from "../../shared/replay/tables.ts";
import { freePort, listen, nextMessage, until, type GameRoom } from "../helpers/server.ts";
import { startServerProcess, type ServerProcess } from "./server-process.ts";

const dataDir = mkdtempSync(join(tmpdir(), "citizen-score-crash-"));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function enter(url: string, options: Record<string, unknown>, create = false) {
  const sdk = new Client(url);
  const room = (
    create
      ? await sdk.create("classroom", options)
      : await sdk.joinById(String(options.code), { name: options.name, ...(options.pin ? { pin: options.pin } : {}) })
  ) as GameRoom;
  // After the crash these clients are gone for good; they must not reconnect into the new server.
  room.reconnection.enabled = false;
  const heard = listen(room);
  const welcome = await nextMessage(room, "welcome", 10_000);
  await until(() => room.state?.players !== undefined, "first state", 10_000);
  return { room, welcome, ...heard };
}

async function api(url: string, path: string, key: string) {
  const res = await fetch(`${url}/api${path}`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: res.status, body: res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("kill -9 mid-round loses nothing acknowledged; the host resumes it and players get their seats back", { timeout: 180_000 }, async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  running.push(await startServerProcess(port, dataDir));

  const h = await enter(url, { seed: 11, rounds: 3, roundSeconds: 60, actionPoints: 6 }, true);
  const { code, hostKey } = h.welcome as { code: string; hostKey: string };
  const names = ["Ana", "Bo", "Cy", "Dee"];
  const players: Record<string, { room: GameRoom; id: string; inbox: ReturnType<typeof listen>["inbox"] }> = {};
  const pins: Record<string, string> = {};
  for (const name of names) {
    const p = await enter(url, { code, name });
    players[name] = { room: p.room, id: p.welcome.playerId!, inbox: p.inbox };
    pins[name] = p.welcome.pin!;
  }
  const id = (name: string) => players[name].id;
  const seen = (name: string) => h.room.state.players.get(id(name));
  h.room.send("facilitate", { type: "start" });
  await until(() => h.room.state.phase === "round", "round 1", 10_000);

  // Each action is acknowledged when its effect reaches the host's screen, as a class would see it.
  const acknowledged: { player: string; action: string; target?: string }[] = [];
  const act = async (name: string, action: string, target: string | undefined, visible: () => boolean) => {
    players[name].room.send("act", target ? { action, target: id(target) } : { action });
    await until(visible, `${name} ${action}`, 10_000);
    acknowledged.push({ player: id(name), action, ...(target ? { target: id(target) } : {}) });
  };
  await act("Ana", "friend-request", "Bo", () => players.Bo.inbox().incomingRequests.length === 1);
  await act("Bo", "accept-friend", "Ana", () => h.room.state.friendships.size === 1);
  await act("Ana", "volunteer", undefined, () => seen("Ana")!.score === 620);
  await act("Cy", "report", "Dee", () => seen("Dee")!.score === 575 && seen("Cy")!.score === 615);
  await act("Dee", "post-opinion", undefined, () => seen("Dee")!.score === 535);
  await act("Ana", "post-opinion", undefined, () => seen("Ana")!.score === 580 && seen("Bo")!.score === 590);
  const scores = Object.fromEntries(names.map((n) => [n, seen(n)!.score]));
  // Let the clock run well past what a restart from the full 60 s could hide.
  await until(() => h.room.state.secondsLeft <= 56, "the round's clock at 56 s or less", 10_000);
  const leftAtCrash = h.room.state.secondsLeft;

  await running.pop()!.kill9();
  // Down for a while: a clock that ran on through the outage would show it.
  await sleep(6_000);
  running.push(await startServerProcess(port, dataDir));

  const listed = await api(url, "/sessions", hostKey);
  expect(listed.status).toBe(200);
  expect(listed.body.sessions).toEqual([expect.objectContaining({ code, status: "interrupted", players: 4, endedAt: null })]);

  const log = (await api(url, `/sessions/${code}/log`, hostKey)).body;
  const acts = log.commands.map((e: { command: Command }) => e.command).filter((c: Command) => c.kind === "act");
  expect(
    acts.map(({ player, action, target }: { player: string; action: string; target?: string }) => ({ player, action, ...(target ? { target } : {}) })),
  ).toEqual(acknowledged);
  const replayed = fold(
    log.meta.config,
    log.meta.seed,
    log.commands.map((e: { command: Command }) => e.command),
  );
  expect(Object.fromEntries(names.map((n) => [n, replayed.players[id(n)].score]))).toEqual(scores);
  const tables = tidyTables(log) as Tables;
  expect(tables.scores.filter((r) => r.round === 1 && !r.complete)).toHaveLength(4);
  expect((await api(url, `/sessions/${code}/export.csv?table=events`, hostKey)).status).toBe(200);

  const back = await enter(url, { resume: code, hostKey }, true);
  expect(back.welcome.role).toBe("host");
  expect(back.room.roomId).toBe(code);
  await until(() => back.room.state.players.size === 4, "seats rebuilt", 10_000);
  expect(back.room.state).toMatchObject({ phase: "round", round: 1, paused: true });
  // The clock restarts from the last moment the log holds, a heartbeat (1 s) at most before the
  // crash; the slack is for a loaded machine's late patches.
  expect(back.room.state.secondsLeft).toBeGreaterThanOrEqual(leftAtCrash - 3);
  expect(back.room.state.secondsLeft).toBeLessThanOrEqual(leftAtCrash + 3);
  const resumedAt = back.room.state.secondsLeft;

  for (const name of names) {
    // Each phone kept its rejoin PIN; the new process reads it from the log.
    const again = await enter(url, { code, name: name === "Cy" ? "cy" : name, pin: pins[name] });
    expect(again.welcome.playerId).toBe(id(name));
    players[name] = { room: again.room, id: id(name), inbox: again.inbox };
    expect(again.room.state.players.get(id(name))!.score).toBe(scores[name]);
  }
  await until(() => [...back.room.state.players.values()].every((p) => p.connected), "everyone back online", 10_000);
  expect(back.room.state.friendships.size).toBe(1);

  back.room.send("facilitate", { type: "resume" });
  await until(() => !back.room.state.paused, "round resumed", 10_000);
  await until(() => back.room.state.secondsLeft < resumedAt, "the resumed clock runs", 10_000);
  expect(back.room.state.round).toBe(1);
  expect(back.room.state.secondsLeft).toBeGreaterThan(resumedAt - 10);
  players.Ana.room.send("act", { action: "volunteer" });
  await until(() => back.room.state.players.get(id("Ana"))!.score === 600, "Ana acts after the resume", 10_000);
  expect((await api(url, "/sessions", hostKey)).body.sessions[0].status).toBe("live");

  back.room.send("facilitate", { type: "end" });
  await until(() => back.room.state.phase === "ended", "ended", 10_000);
  const final = (await api(url, "/sessions", hostKey)).body.sessions[0];
  expect(final).toMatchObject({ status: "ended", endedAt: expect.any(Number) });
  for (const r of [back.room, ...Object.values(players).map((p) => p.room)]) await r.leave(true);
});
