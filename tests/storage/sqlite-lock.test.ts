import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { host, joinAs, startTestServer, until, type TestGame } from "../helpers/server.ts";

/**
 * Another process holding SQLite's write lock (a backup tool, a second server pointed at the
 * same DATA_DIR by mistake): the session that writes waits, everything else answers.
 */
describe("a lock held by another process on the sessions file", () => {
  let game: TestGame;
  const kept: Database.Database[] = [];
  beforeAll(async () => {
    game = await startTestServer();
  });
  afterAll(async () => {
    await game.shutdown();
  });

  it("delays only the session that writes, never the event loop or the HTTP routes", { timeout: 60_000 }, async () => {
    const h = await host(game, { roundSeconds: 120 });
    const ana = await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "start" });
    await until(() => h.room.state.phase === "round", "round", 10_000);

    const other = new Database(join(game.dataDir, "citizen-score.sqlite"));
    kept.push(other);
    other.exec("BEGIN IMMEDIATE");
    ana.room.send("act", { action: "volunteer" });

    // While the room's write waits for the lock, the process answers at once.
    const asked = performance.now();
    const res = await fetch(`${game.url}/api/sessions`, { headers: { Authorization: `Bearer ${h.hostKey}` } });
    expect(res.status).toBe(200);
    expect(performance.now() - asked).toBeLessThan(2000);
    const late = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    expect(performance.now() - late).toBeLessThan(1000);
    // Nothing the log does not hold is shown: the action waits with the lock.
    await new Promise((r) => setTimeout(r, 500));
    expect(h.room.state.players.get(ana.id)!.score).toBe(600);

    other.exec("COMMIT");
    await until(() => h.room.state.players.get(ana.id)!.score !== 600, "the action shown once written", 10_000);
    expect((await game.store.commands(h.code)).some((e) => e.command.kind === "act")).toBe(true);
  });
});
