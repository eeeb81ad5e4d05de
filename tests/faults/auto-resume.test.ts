import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Connection, Status } from "../../client/net/connection.ts";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";
import { startGameProcess, type GameProcess } from "../helpers/game-process.ts";
import { pageConnection } from "../helpers/page-connection.ts";
import { freePort, until } from "../helpers/server.ts";
import { recordTime } from "./times.ts";

/**
 * A single server killed while no facilitator screen is open: the session resumes by itself
 * after the time its facilitator chose, paused, and the phones, told how long is left, get
 * their seats back with nothing of the log lost.
 */

const PLAYERS = 6;
const AFTER_SECONDS = 10;
type Page = Awaited<ReturnType<typeof pageConnection>>;

const online = (c: Connection, statuses: Status[]) => statuses.at(-1) === "online" && c.room?.connection?.isOpen === true;

/** The session's stored log, read from the file while no server runs. */
async function storedLog(dataDir: string, code: string) {
  const store = new SqliteStore(dataDir, { mustExist: true });
  try {
    return { meta: await store.get(code), log: (await store.commands(code)).map((e) => JSON.stringify(e)) };
  } finally {
    await store.close();
  }
}

const open: Page[] = [];
const processes: GameProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.conn.leave();
  for (const p of processes.splice(0)) await p.stop();
  vi.unstubAllGlobals();
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("a session that resumes by itself after a restart", () => {
  it("with no facilitator screen open, the phones are told when and get their seats back after the set time", { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "citizen-auto-resume-"));
    dirs.push(dataDir);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    processes.push(await startGameProcess("single", {}, { port, dataDir }));

    const host = await pageConnection(origin);
    const code = await host.conn.create({ seed: 41, rounds: 3, roundSeconds: 120 });
    const hostKey = (await import("../../client/net/storage.ts")).hostKeys.get(code)!;
    await until(() => host.conn.autoResume === 30, "the default of 30 s, told to the host", 10_000);
    host.conn.setAutoResume(AFTER_SECONDS);
    await until(() => host.conn.autoResume === AFTER_SECONDS, "the new setting, stored and told back", 10_000);

    const players: Page[] = [];
    for (let i = 0; i < PLAYERS; i++) {
      const p = await pageConnection(origin);
      await p.conn.join(code, `Player${i + 1}`);
      players.push(p);
    }
    open.push(...players);
    const seats = players.map((p) => p.conn.playerId);
    host.conn.facilitate({ type: "start" });
    await until(() => host.conn.room?.state.phase === "round", "the round", 10_000);
    for (const p of players) p.conn.act({ action: "volunteer" });
    // Each action acknowledged: in the log the server shows (log before show), before the kill.
    const volunteered = async () => {
      const r = await fetch(`${origin}/api/sessions/${code}/log`, { headers: { authorization: `Bearer ${hostKey}` } });
      const { commands } = (await r.json()) as { commands: { command: { kind: string; action?: string } }[] };
      return commands.filter((e) => JSON.stringify(e.command).includes('"volunteer"')).length;
    };
    let acknowledged = 0;
    await until(async () => (acknowledged = await volunteered()) === PLAYERS, "every action in the log", 10_000);
    // The projector is closed: nobody is left to reopen the session.
    await host.conn.leave();

    await processes.pop()!.kill();
    await until(() => players.every((p) => p.statuses.at(-1) !== "online"), "every phone to notice", 10_000);
    const before = await storedLog(dataDir, code);
    expect(before.meta?.autoResumeSeconds).toBe(AFTER_SECONDS);

    processes.push(await startGameProcess("single", {}, { port, dataDir }));
    const accepting = Date.now();
    const notes: string[] = [];
    for (const p of players) p.conn.onStatus((st) => st === "waiting" && notes.push(p.conn.waitingNote ?? ""));
    await until(() => notes.some((n) => /resumes by itself in \d+ s/.test(n)), "a phone told when the session resumes", 15_000);
    // Counting down from the setting, never more.
    const told = Number(/in (\d+) s/.exec(notes.find((n) => /resumes by itself/.test(n))!)![1]);
    expect(told).toBeLessThanOrEqual(AFTER_SECONDS);
    await until(
      () => players.every((p, i) => online(p.conn, p.statuses) && p.conn.playerId === seats[i]),
      "every phone back in its seat",
      (AFTER_SECONDS + 20) * 1000,
    );
    const seconds = (Date.now() - accepting) / 1000;
    recordTime(`single server killed, no host screen, resumed by itself after ${AFTER_SECONDS} s`, seconds);
    // Not before its time (a second's slack for the start-up line), and not long after.
    expect(seconds).toBeGreaterThan(AFTER_SECONDS - 1);
    expect(seconds).toBeLessThan(AFTER_SECONDS + 15);
    const state = players[0].conn.room!.state;
    expect(state.paused).toBe(true);
    expect(state.phase).toBe("round");
    for (const p of players) expect(p.statuses).not.toContain("closed");
    expect(processes[0].output()).toMatch(new RegExp(`Session ${code}: resumed by itself`));

    await processes.pop()!.stop();
    const after = await storedLog(dataDir, code);
    // Everything logged before the crash is still there, in order; the resume only added to it (its pause).
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);
    expect(after.log.length).toBeGreaterThan(before.log.length);
    expect(after.log.filter((e) => e.includes('"volunteer"'))).toHaveLength(acknowledged);
  });
});
