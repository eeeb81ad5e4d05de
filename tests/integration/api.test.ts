import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fold } from "../../shared/rules/fold.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { COLUMNS, tidyTables, type Tables } from "../../shared/replay/tables.ts";
import type { ClassroomRoom } from "../../server/rooms/classroom-room.ts";
import { host, joinAs, startTestServer, until, type TestGame } from "../helpers/server.ts";

const ADMIN = "admin-token-for-the-api-test";
let game: TestGame;
let played: Awaited<ReturnType<typeof playGame>>;
let other: { code: string; hostKey: string };

async function api(path: string, key?: string, method = "GET") {
  const res = await fetch(`${game.url}/api${path}`, { method, headers: key === undefined ? {} : { Authorization: `Bearer ${key}` } });
  const type = res.headers.get("content-type") ?? "";
  const body = type.includes("json") ? await res.json() : await res.text();
  return { status: res.status, body, headers: res.headers };
}

/** A short game with friendships, a report and a round end, ended by the host. */
async function playGame() {
  const h = await host(game, { actionPoints: 6, roundSeconds: 60 });
  const ana = await joinAs(game, h.code, "Ana");
  const bo = await joinAs(game, h.code, "Bo");
  const cy = await joinAs(game, h.code, 'Cy, "the" third');
  h.room.send("facilitate", { type: "start" });
  await until(() => ana.room.state.phase === "round", "round");
  ana.room.send("act", { action: "friend-request", target: bo.id });
  await until(() => bo.inbox().incomingRequests.length === 1, "request");
  bo.room.send("act", { action: "accept-friend", target: ana.id });
  cy.room.send("act", { action: "report", target: ana.id });
  await until(() => h.room.state.players.get(ana.id)?.score === 575 && h.room.state.friendships.size === 1, "report and friendship");
  h.room.send("facilitate", { type: "next-round" });
  await until(() => h.room.state.round === 2, "round 2");
  ana.room.send("act", { action: "unfriend", target: bo.id });
  await until(() => h.room.state.friendships.size === 0, "unfriended");
  const live = game.colyseus.getRoomById<ClassroomRoom>(h.code).gameState;
  h.room.send("facilitate", { type: "end" });
  await until(() => h.room.state.phase === "ended", "ended");
  for (const r of [ana, bo, cy, h]) await r.room.leave(true);
  return { code: h.code, hostKey: h.hostKey, names: ["Ana", "Bo", "Cy"], live };
}

beforeAll(async () => {
  game = await startTestServer({ adminToken: ADMIN });
  const g = await playGame();
  played = g;
  const b = await host(game);
  other = { code: b.code, hostKey: b.hostKey };
});
afterAll(async () => {
  await game.shutdown();
});

describe("who may see a session", () => {
  it("no key, a malformed header or a wrong key gets a JSON error and never data", async () => {
    for (const path of ["/sessions", `/sessions/${played.code}/log`, `/sessions/${played.code}/export.csv?table=scores`]) {
      const none = await api(path);
      expect(none.status).toBe(401);
      expect(none.body).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Bearer") } });
      expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const res = await fetch(`${game.url}/api${path}`, { headers: { Authorization: `Basic ${played.hostKey}` } });
      expect(res.status).toBe(401);
      const wrong = await api(path, "not-a-key-of-anything");
      expect(wrong.status).toBe(403);
      expect(wrong.body).toMatchObject({ error: { code: "forbidden" } });
      expect(JSON.stringify(wrong.body)).not.toContain("Ana");
    }
    expect((await api(`/sessions/${played.code}`, "wrong", "DELETE")).status).toBe(403);
    expect((await api(`/sessions/${played.code}`, undefined, "DELETE")).status).toBe(401);
  });

  it("another session's host key opens nothing of this one", async () => {
    const log = await api(`/sessions/${played.code}/log`, other.hostKey);
    expect(log.status).toBe(403);
    expect(log.body.commands).toBeUndefined();
    expect((await api(`/sessions/${played.code}/export.csv`, other.hostKey)).status).toBe(403);
    expect((await api(`/sessions/${played.code}`, other.hostKey, "DELETE")).status).toBe(403);
    const mine = await api("/sessions", other.hostKey);
    expect(mine.body.sessions.map((s: { code: string }) => s.code)).toEqual([other.code]);
  });

  it("a host key lists its own session; ADMIN_TOKEN lists them all", async () => {
    const mine = await api("/sessions", played.hostKey);
    expect(mine.status).toBe(200);
    expect(mine.body.sessions).toEqual([{ code: played.code, createdAt: expect.any(Number), endedAt: expect.any(Number), players: 3, status: "ended" }]);
    const all = await api("/sessions", ADMIN);
    expect(all.body.sessions.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining([played.code, other.code]));
    expect(all.body.sessions.find((s: { code: string }) => s.code === other.code)).toMatchObject({ status: "live", endedAt: null });
    expect((await api(`/sessions/${played.code}/log`, ADMIN)).status).toBe(200);
  });
});

describe("the log and the exports", () => {
  it("the log holds meta and every command; folding it gives the live game", async () => {
    const { status, body } = await api(`/sessions/${played.code.toLowerCase()}/log`, played.hostKey);
    expect(status).toBe(200);
    expect(body.meta).toMatchObject({
      code: played.code,
      seed: 7,
      rulesVersion: RULES_VERSION,
      status: "ended",
      players: 3,
      createdAt: expect.any(Number),
      endedAt: expect.any(Number),
    });
    expect(body.meta.config.roundSeconds).toBe(60);
    expect(JSON.stringify(body)).not.toMatch(/hostKey/i);
    const seqs = body.commands.map((c: { seq: number }) => c.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    const state = fold(
      body.meta.config,
      body.meta.seed,
      body.commands.map((c: { command: never }) => c.command),
    );
    for (const p of Object.values(played.live.players)) expect(state.players[p.id].score).toBe(p.score);
    expect(state.phase).toBe("ended");
  });

  it("each CSV table has its columns and one row per event, per player per round, per friendship", async () => {
    const log = (await api(`/sessions/${played.code}/log`, played.hostKey)).body;
    const expected = tidyTables(log) as Tables;
    for (const table of ["events", "scores", "friendships"] as const) {
      const res = await api(`/sessions/${played.code}/export.csv?table=${table}`, played.hostKey);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(res.headers.get("content-disposition")).toContain(`citizen-score-${played.code}-${table}.csv`);
      const rows: Record<string, string>[] = parse(res.body, { columns: true });
      expect(Object.keys(rows[0])).toEqual(COLUMNS[table]);
      expect(rows).toHaveLength(expected[table].length);
    }
    const scores: Record<string, string>[] = parse((await api(`/sessions/${played.code}/export.csv?table=scores`, played.hostKey)).body, { columns: true });
    expect(scores).toHaveLength(3 * 2);
    expect(scores.map((r) => r.name)).toContain('Cy, "the" third');
    const friendships: Record<string, string>[] = parse((await api(`/sessions/${played.code}/export.csv?table=friendships`, played.hostKey)).body, {
      columns: true,
    });
    expect(friendships).toEqual([
      expect.objectContaining({ a_name: "Ana", b_name: "Bo", reason: "unfriended", ended_by_name: "Ana", started_round: "1", ended_round: "2" }),
    ]);
  });

  it("no answer or export carries a seat's PIN hash, which would give the seat to whoever undid it", async () => {
    const sealed = (await game.store.commands(played.code)).flatMap((e) => (e.command.kind === "join" && e.command.pin ? [e.command.pin] : []));
    expect(sealed).toHaveLength(3);
    const answers = [
      JSON.stringify((await api(`/sessions/${played.code}/log`, played.hostKey)).body),
      JSON.stringify((await api(`/sessions/${played.code}/log`, ADMIN)).body),
    ];
    for (const table of ["events", "scores", "friendships"]) {
      for (const pseudonymize of ["0", "1"])
        answers.push((await api(`/sessions/${played.code}/export.csv?table=${table}&pseudonymize=${pseudonymize}`, played.hostKey)).body);
    }
    for (const answer of answers) {
      for (const s of sealed) for (const part of s.split(":")) expect(answer).not.toContain(part);
      expect(answer).not.toMatch(/"pin"/);
    }
  });

  it("pseudonymized exports carry no nickname; a bad table name is a JSON error", async () => {
    for (const table of ["events", "scores", "friendships"]) {
      const res = await api(`/sessions/${played.code}/export.csv?table=${table}&pseudonymize=1`, played.hostKey);
      expect(res.headers.get("content-disposition")).toContain("-pseudonymized.csv");
      for (const name of played.names) expect(res.body).not.toContain(name);
      expect(res.body).toContain("Player 01");
    }
    const bad = await api(`/sessions/${played.code}/export.csv?table=passwords`, played.hostKey);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "bad-request" } } });
    expect((await api("/nothing-here", played.hostKey)).status).toBe(404);
  });
});

describe("deleting a session", () => {
  it("refuses while the room is open, then deletes the session and its log", async () => {
    const open = await api(`/sessions/${other.code}`, other.hostKey, "DELETE");
    expect(open).toMatchObject({ status: 409, body: { error: { code: "session-live" } } });
    const b = await host(game);
    // A session somebody joined (one nobody joined is not kept: tests/hostile/limits.test.ts).
    const ana = await joinAs(game, b.code, "Ana");
    await ana.room.leave(true);
    await b.room.leave(true);
    await until(async () => (await game.store.list()).find((s) => s.code === b.code)?.status === "interrupted", "room closed", 10_000);
    const gone = await api(`/sessions/${b.code}`, b.hostKey, "DELETE");
    expect(gone).toMatchObject({ status: 200, body: { deleted: b.code } });
    expect(await game.store.get(b.code)).toBeUndefined();
    expect(await game.store.commands(b.code)).toEqual([]);
    expect((await api(`/sessions/${b.code}/log`, b.hostKey)).status).toBe(403);
    expect((await api(`/sessions/${b.code}/log`, ADMIN)).status).toBe(404);
    expect((await api("/sessions", ADMIN)).body.sessions.some((s: { code: string }) => s.code === b.code)).toBe(false);
  });
});
