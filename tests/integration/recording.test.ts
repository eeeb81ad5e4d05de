import Database from "better-sqlite3";
import { Client } from "@colyseus/sdk";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fold } from "../../shared/rules/fold.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { tidyTables, type Tables } from "../../shared/replay/tables.ts";
import { Bot } from "../../server/bots/bot.ts";
import { PROFILES } from "../../server/bots/behaviour.ts";
import type { ClassroomRoom } from "../../server/rooms/classroom-room.ts";
import { restoreSession } from "../../server/rooms/restore.ts";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";
import { Script } from "../helpers/game.ts";
import { host, joinAs, listen, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the SQLite log", () => {
  it("round-trips every command and the session's meta across a reopen, and never reuses a stored code", async () => {
    const dir = mkdtempSync(join(tmpdir(), "citizen-score-store-"));
    try {
      const g = new Script({ rounds: 2, roundSeconds: 30 });
      const [ana, bo] = g.join("Ana", "Bo");
      g.host({ type: "start" });
      g.befriend(ana, bo);
      g.act(bo, "volunteer");
      g.advance(30_000);
      const meta = {
        code: "ABCDE",
        hostKeyHash: "ab".repeat(32),
        createdAt: 1,
        endedAt: null,
        seed: 42,
        rulesVersion: 1,
        config: g.config,
        autoResumeSeconds: 45,
      };
      const first = new SqliteStore(dir);
      expect(await first.createSession(meta)).toBe(true);
      await first.appendMany(
        "ABCDE",
        g.log.map((command, i) => ({ seq: i + 1, command })),
      );
      await first.close();
      const again = new SqliteStore(dir);
      expect(await again.get("ABCDE")).toEqual(meta);
      expect(await again.commands("ABCDE")).toEqual(g.log.map((command, i) => ({ seq: i + 1, command })));
      expect(
        fold(
          meta.config,
          meta.seed,
          (await again.commands("ABCDE")).map((e) => e.command),
        ),
      ).toEqual(g.s);
      expect(await again.createSession({ ...meta, hostKeyHash: "cd".repeat(32) })).toBe(false);
      expect((await again.get("ABCDE"))!.hostKeyHash).toBe(meta.hostKeyHash);
      await again.close();
      const raw = new Database(join(dir, "citizen-score.sqlite"), { readonly: true });
      expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
      raw.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("recording a live session", () => {
  it("a bot game's log replays to exactly the room's final state", async () => {
    const h = await host(game, { seed: 99, rounds: 3, roundSeconds: 60, actionPoints: 5 });
    const bots = PROFILES.flatMap((profile, i) => [new Bot(`${profile}-a`, profile, seededRandom(i)), new Bot(`${profile}-b`, profile, seededRandom(i + 10))]);
    for (const bot of bots) await bot.join(game.url, h.code);
    h.room.send("facilitate", { type: "start" });
    await until(() => h.room.state.phase === "round", "round");
    for (const bot of bots) bot.play(60);
    for (const round of [2, 3]) {
      await sleep(1_500);
      h.room.send("facilitate", { type: "next-round" });
      await until(() => h.room.state.round === round, `round ${round}`, 5_000);
    }
    await sleep(1_500);
    h.room.send("facilitate", { type: "end" });
    await until(() => h.room.state.phase === "ended", "ended", 5_000);
    for (const bot of bots) bot.stop();
    const live = game.colyseus.getRoomById<ClassroomRoom>(h.code).gameState;
    const meta = (await game.store.get(h.code))!;
    const log = await game.store.commands(h.code);
    expect(log.filter((e) => e.command.kind === "act").length).toBeGreaterThan(20);
    const replayed = fold(
      meta.config,
      meta.seed,
      log.map((e) => e.command),
    );
    expect(replayed).toEqual(live);
    const tables = tidyTables({ meta, commands: log }) as Tables;
    const last = tables.scores.filter((r) => r.round === 3);
    expect(last).toHaveLength(bots.length);
    for (const r of last) expect(r.score).toBe(live.players[r.player].score);
    await Promise.all(bots.map((b) => b.leave()));
    await h.room.leave(true);
  });

  it("a resumed session comes back as it was: seats, scores, friendships, the feed and a paused clock", async () => {
    const h = await host(game, { roundSeconds: 120, actionPoints: 5 });
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    // A batch shows at most 3 lines, rarer kinds first: the joins and the start go out before the moves.
    await until(() => h.feed.some((f) => f.type === "phase" && f.action === "round-started"), "the round's start in the feed");
    ana.room.send("act", { action: "friend-request", target: bo.id });
    await until(() => bo.inbox().incomingRequests.length === 1, "request");
    bo.room.send("act", { action: "accept-friend", target: ana.id });
    ana.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(ana.id)!.score === 620 && h.room.state.friendships.size === 1, "acted");
    await until(() => h.feed.some((f) => f.action === "volunteer"), "the feed shows the volunteering");
    const feed = h.feed.map((f) => f.seq);
    const leftBefore = h.room.state.secondsLeft;
    for (const r of [ana, bo, h]) await r.room.leave(true);
    await until(async () => (await game.store.list()).find((s) => s.code === h.code)?.status === "interrupted", "interrupted", 10_000);

    const sdk = new Client(game.url);
    await expect(sdk.create("classroom", { rounds: 0 })).rejects.toMatchObject({ code: 400, message: expect.stringContaining("rounds") });
    // A wrong key is answered as an unknown code, so that a resume cannot tell a guesser which codes exist.
    await expect(sdk.create("classroom", { resume: h.code, hostKey: "not-the-key" })).rejects.toMatchObject({
      code: 404,
      message: expect.stringContaining("and that host key"),
    });
    await expect(sdk.create("classroom", { resume: "ZZZZZ", hostKey: h.hostKey })).rejects.toMatchObject({
      code: 404,
      message: expect.stringContaining("ZZZZZ"),
    });
    const back = (await sdk.create("classroom", { resume: h.code, hostKey: h.hostKey })) as GameRoom;
    const backHeard = listen(back);
    expect((await nextMessage(back, "welcome")).role).toBe("host");
    await expect(new Client(game.url).create("classroom", { resume: h.code, hostKey: h.hostKey })).rejects.toMatchObject({
      code: 409,
      message: expect.stringContaining("still running"),
    });
    await until(() => back.state.players?.size === 2, "seats restored");
    expect(back.roomId).toBe(h.code);
    expect(back.state).toMatchObject({ phase: "round", round: 1, paused: true });
    expect(back.state.secondsLeft).toBeGreaterThanOrEqual(leftBefore - 3);
    expect(back.state.secondsLeft).toBeLessThanOrEqual(leftBefore + 3);
    expect(back.state.players.get(ana.id)).toMatchObject({ score: 620, connected: false });
    expect([...back.state.friendships.keys()].map((k) => k.split("|"))).toEqual([[ana.id, bo.id]]);
    await until(() => backHeard.feed.at(-1)?.action === "paused", "the feed tells of the pause");
    // Every line the host was shown is back (a busy moment's batch showed only some of them).
    expect(backHeard.feed.map((f) => f.seq)).toEqual(expect.arrayContaining(feed));
    expect(backHeard.feed.at(-1)).toMatchObject({ type: "phase", action: "paused" });

    // The rejoin PIN outlives the process: it is in the log, hashed, with her join.
    const ana2 = await joinAs(game, h.code, "ana", ana.pin);
    expect(ana2.id).toBe(ana.id);
    // Her phone still says why her score last moved.
    await until(() => ana2.inbox().lastChange !== null, "Ana's inbox");
    expect(ana2.inbox().lastChange).toMatchObject({ delta: 20, rule: "action", actor: ana.id, action: "volunteer" });
    await until(() => back.state.players.get(ana.id)!.connected, "Ana back online");
    back.send("facilitate", { type: "resume" });
    await until(() => !back.state.paused, "resumed");
    ana2.room.send("act", { action: "volunteer" });
    await until(() => back.state.players.get(ana.id)!.score === 640, "Ana acts after the resume");
    expect((await game.store.list()).find((s) => s.code === h.code)?.status).toBe("live");
    await ana2.room.leave(true);
    await back.leave(true);
  });

  it("a log recorded under other rules is refused, at resume and at export, with a clear message", async () => {
    const h = await host(game);
    await joinAs(game, h.code, "Ana").then((a) => a.room.leave(true));
    await h.room.leave(true);
    await until(async () => (await game.store.list()).find((s) => s.code === h.code)?.status === "interrupted", "interrupted", 10_000);
    const raw = new Database(join(game.dataDir, "citizen-score.sqlite"));
    raw.prepare("UPDATE sessions SET rules_version = 999 WHERE code = ?").run(h.code);
    raw.close();
    const meta = await game.store.get(h.code);
    expect(restoreSession(meta!, await game.store.commands(h.code))).toMatchObject({ code: "rules-version" });
    await expect(new Client(game.url).create("classroom", { resume: h.code, hostKey: h.hostKey })).rejects.toMatchObject({
      code: 422,
      message: expect.stringContaining("rules version 999"),
    });
    const res = await fetch(`${game.url}/api/sessions/${h.code}/export.csv?table=scores`, { headers: { Authorization: `Bearer ${h.hostKey}` } });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: "cannot-replay", message: expect.stringContaining("rules version 999") } });
  });
});
