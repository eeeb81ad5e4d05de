import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeConfig } from "../../shared/rules/config.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { DAY_MS, deleteExpired, keepForDays, retentionDays } from "../../server/storage/retention.ts";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";

const NOW = Date.UTC(2026, 5, 1);
let dir: string;
let store: SqliteStore;

async function session(code: string, ageDays: number, nickname: string, ended = true) {
  const createdAt = NOW - ageDays * DAY_MS;
  await store.createSession({ code, hostKeyHash: "h", createdAt, endedAt: null, seed: 1, rulesVersion: RULES_VERSION, config: makeConfig() });
  await store.appendMany(code, [{ seq: 1, command: { kind: "join", at: createdAt, nickname } }]);
  if (ended) await store.markEnded(code, createdAt + 1000);
}

/** Everything on disk for the store: the database file and its write-ahead log. */
function bytesOnDisk(): string {
  const read = (f: string) => {
    try {
      return readFileSync(join(dir, f)).toString("latin1");
    } catch {
      return "";
    }
  };
  return read("citizen-score.sqlite") + read("citizen-score.sqlite-wal");
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "citizen-retention-"));
  store = new SqliteStore(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
});

describe("RETENTION_DAYS", () => {
  it("is a positive number of days, unset means keep, anything else is refused with a sentence", () => {
    expect(retentionDays(undefined)).toBeUndefined();
    expect(retentionDays(" ")).toBeUndefined();
    expect(retentionDays("30")).toBe(30);
    expect(retentionDays("0.5")).toBe(0.5);
    for (const bad of ["0", "-3", "thirty", "Infinity"]) expect(() => retentionDays(bad), bad).toThrow(/RETENTION_DAYS must be a positive number/);
  });

  it("deletes old sessions with their logs, keeps recent ones and any session still being played", async () => {
    await session("OLDAA", 40, "Oldnick Ana");
    await session("NEWBB", 5, "Newnick Bo");
    await session("LIVEC", 90, "Livenick Cy", false);
    expect(await deleteExpired(store, 30, NOW)).toBe(1);
    expect((await store.list()).map((s) => s.code).sort()).toEqual(["LIVEC", "NEWBB"]);
    expect(await store.commands("OLDAA")).toEqual([]);
    expect(await store.commands("NEWBB")).toHaveLength(1);
  });

  it("leaves no trace of a deleted session's nicknames in the files on disk", async () => {
    await session("OLDAA", 40, "Zebulon Quartz");
    await session("NEWBB", 1, "Kept Nickname");
    expect(bytesOnDisk()).toContain("Zebulon Quartz");
    await deleteExpired(store, 30, NOW);
    expect(bytesOnDisk()).not.toContain("Zebulon Quartz");
    expect(bytesOnDisk()).toContain("Kept Nickname");
  });

  it("runs at start-up and then once a day", async () => {
    vi.useFakeTimers();
    let now = NOW;
    const reports: number[] = [];
    await session("AAAAA", 29.5, "Ana");
    await session("BBBBB", 10, "Bo");
    const stop = keepForDays(
      store,
      30,
      (n) => reports.push(n),
      () => now,
    );
    await vi.waitFor(() => expect(reports).toEqual([0]));
    now += DAY_MS;
    await vi.advanceTimersByTimeAsync(DAY_MS);
    await vi.waitFor(() => expect(reports).toEqual([0, 1]));
    expect((await store.list()).map((s) => s.code)).toEqual(["BBBBB"]);
    stop();
    await vi.advanceTimersByTimeAsync(30 * DAY_MS);
    expect(reports).toHaveLength(2);
  });
});
