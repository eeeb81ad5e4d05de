import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Connection, Status } from "../../client/net/connection.ts";
import { startGameProcess, type GameProcess } from "../helpers/game-process.ts";
import { pageConnection } from "../helpers/page-connection.ts";
import { freePort, until } from "../helpers/server.ts";
import { recordTime } from "./times.ts";

/**
 * A real full disk: the server's DATA_DIR is a small tmpfs of its own, filled to the last byte
 * by a ballast file while a class plays, then freed. Mounting needs root (CI runs as root on a
 * fresh VM); where it cannot mount, the file says why and skips.
 */

const PLAYERS = 6;
const FULL = /disk is full/;
type Page = Awaited<ReturnType<typeof pageConnection>>;

function mountTmpfs(): { dir: string; unmount: () => void } | string {
  const dir = mkdtempSync(join(tmpdir(), "citizen-full-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", dir], { stdio: "pipe" });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return `a tmpfs cannot be mounted here (${String((err as { stderr?: Buffer }).stderr ?? err).trim()}); run as root to play a real full disk`;
  }
  return {
    dir,
    unmount: () => {
      execFileSync("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes zeros until the file system refuses a single byte more. */
function fill(file: string): void {
  const fd = openSync(file, "w");
  try {
    for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
      const chunk = Buffer.alloc(size);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "ENOSPC") break;
          throw err;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

const mounted = mountTmpfs();
const reason = typeof mounted === "string" ? mounted : undefined;
if (reason) console.warn(`full-disk test skipped: ${reason}`);

const online = (c: Connection, statuses: Status[]) => statuses.at(-1) === "online" && c.room?.connection?.isOpen === true;
const open: Page[] = [];
const processes: GameProcess[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.conn.leave();
  for (const p of processes.splice(0)) await p.stop();
  vi.unstubAllGlobals();
});
afterAll(() => {
  if (typeof mounted !== "string") mounted.unmount();
});

describe.skipIf(reason !== undefined)("a real full disk under a session", () => {
  it("stops the session with the reason on every screen, without loops, and brings it back when space is freed", { timeout: 240_000 }, async () => {
    const dataDir = (mounted as { dir: string }).dir;
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    processes.push(await startGameProcess("single", {}, { port, dataDir }));
    const server = processes[0];

    const host = await pageConnection(origin);
    open.push(host);
    const code = await host.conn.create({ seed: 43, rounds: 3, roundSeconds: 300 });
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
    const scoreOf = (p: Page, id: string) => p.conn.room?.state.players.get(id)?.score;
    await until(() => players.every((p, i) => scoreOf(p, seats[i]) === 620), "every action shown on its phone", 10_000);

    // The disk fills while the round runs: its heartbeats and the next actions need room in the log.
    const screens = [host, ...players];
    const shown = screens.map((s) => ({ errors: s.errors.length, statuses: s.statuses.length }));
    const ballast = join(dataDir, "ballast");
    fill(ballast);
    expect(statfsSync(dataDir).bavail).toBe(0);
    for (const p of players) p.conn.act({ action: "volunteer" });
    const lastSeen = () => players.map((p, i) => scoreOf(p, seats[i]));
    let acknowledged = lastSeen();
    await until(
      () => {
        if (screens.every((s) => !online(s.conn, s.statuses))) return true;
        acknowledged = lastSeen();
        return false;
      },
      "the session to stop",
      30_000,
    );
    const stoppedAt = Date.now();
    // Every screen says why, in a sentence a class can act on; the banner keeps saying it.
    for (const s of screens) expect(s.errors.slice(shown[screens.indexOf(s)].errors).some((e) => FULL.test(e))).toBe(true);
    await until(() => screens.every((s) => FULL.test(s.conn.waitingNote ?? "")), "every screen's banner to say the disk is full", 15_000);

    // While the disk stays full: nobody is let in and thrown out again, the server stops the session once.
    await new Promise((r) => setTimeout(r, 10_000));
    for (const s of screens) expect(s.statuses.slice(shown[screens.indexOf(s)].statuses).filter((st) => st === "online")).toEqual([]);
    expect(server.output().match(new RegExp(`Session ${code} stopped`, "g"))).toHaveLength(1);
    for (const s of screens) expect(s.conn.waitingNote).toMatch(FULL);

    rmSync(ballast);
    const freed = Date.now();
    await until(
      () => online(host.conn, host.statuses) && players.every((p, i) => online(p.conn, p.statuses) && p.conn.playerId === seats[i]),
      "every screen back in its seat",
      60_000,
    );
    recordTime("a full disk freed: every screen back", (Date.now() - freed) / 1000);
    // Nothing a phone was shown is lost: the session, rebuilt from its log, shows every phone its last score.
    await until(() => players.every((p, i) => scoreOf(p, seats[i]) === acknowledged[i]), "every phone's last score, as it saw it", 10_000);
    expect(host.conn.room!.state.paused).toBe(true);
    for (const s of screens) expect(s.statuses).not.toContain("closed");
    expect(stoppedAt).toBeLessThan(freed);
  });
});
