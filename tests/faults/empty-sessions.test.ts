import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";
import { startGameProcess, type GameProcess } from "../helpers/game-process.ts";
import { pageConnection } from "../helpers/page-connection.ts";
import { freePort, until } from "../helpers/server.ts";

/**
 * A crash leaves every session it cut off "interrupted". One nobody ever joined holds nothing
 * to resume, replay or debrief: once its facilitator's screen has had the reconnection window
 * to reopen it, it is deleted, instead of holding its join code for ever.
 */

// Long enough for the open projector to reopen its session on a loaded machine (about 5 s measured).
const GRACE_SECONDS = 10;
type Page = Awaited<ReturnType<typeof pageConnection>>;

const open: Page[] = [];
const processes: GameProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.conn.leave();
  for (const p of processes.splice(0)) await p.stop();
  vi.unstubAllGlobals();
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function statuses(dataDir: string): Promise<Map<string, string>> {
  const store = new SqliteStore(dataDir, { mustExist: true });
  try {
    return new Map((await store.list()).map((s) => [s.code, s.status]));
  } finally {
    await store.close();
  }
}

describe("sessions a crash interrupted", () => {
  it("one nobody joined is deleted after the reconnection window, unless its facilitator reopened it; one with players is kept", {
    timeout: 180_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "citizen-empty-"));
    dirs.push(dataDir);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env = { RECONNECT_SECONDS: String(GRACE_SECONDS) };
    processes.push(await startGameProcess("single", env, { port, dataDir }));

    const empty = await pageConnection(origin);
    const emptyCode = await empty.conn.create({ seed: 1 });
    const reopened = await pageConnection(origin);
    open.push(reopened);
    const reopenedCode = await reopened.conn.create({ seed: 2 });
    const played = await pageConnection(origin);
    const playedCode = await played.conn.create({ seed: 3 });
    const ana = await pageConnection(origin);
    await ana.conn.join(playedCode, "Ana");

    await processes.pop()!.kill();
    // Only one facilitator keeps a screen open through the crash.
    for (const p of [empty, played, ana]) await p.conn.leave();
    expect(await statuses(dataDir)).toEqual(new Map([emptyCode, reopenedCode, playedCode].map((c) => [c, "live"])));

    processes.push(await startGameProcess("single", env, { port, dataDir }));
    const started = Date.now();
    await until(async () => !(await statuses(dataDir)).has(emptyCode), "the empty session deleted", 30_000);
    // Not before its facilitator had the reconnection window to reopen it.
    expect(Date.now() - started).toBeGreaterThan((GRACE_SECONDS - 1) * 1000);
    const after = await statuses(dataDir);
    expect(after.get(playedCode)).toBe("interrupted");
    expect(after.get(reopenedCode)).toBe("live");
    expect(reopened.statuses.at(-1)).toBe("online");
    await until(() => processes[0].output().includes(`Deleted 1 interrupted session nobody had joined (${emptyCode}).`), "the server to say so", 5_000);
  });
});
