import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../shared/rules/commands.ts";
import { makeConfig } from "../../shared/rules/config.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import type { SessionMeta, SessionStore } from "../../server/storage/store.ts";

/** A fresh, empty place to keep sessions; `open` may be called again to reopen the same place. */
export interface StorePlace {
  open(): Promise<SessionStore>;
  remove(): Promise<void>;
}

function meta(code: string, over: Partial<SessionMeta> = {}): SessionMeta {
  return {
    code,
    hostKeyHash: `hash-${code}`,
    createdAt: 1_700_000_000_000,
    endedAt: null,
    seed: 2 ** 32 - 1,
    rulesVersion: RULES_VERSION,
    config: makeConfig({ rounds: 4, friendWeight: 0.25 }),
    autoResumeSeconds: 30,
    ...over,
  };
}

const LOG: Command[] = [
  { kind: "join", at: 1_700_000_000_100, nickname: "Zoë «Ω» 😀" },
  { kind: "join", at: 1_700_000_000_200, nickname: "Bo" },
  { kind: "facilitate", at: 1_700_000_000_300, command: { type: "settings", rounds: 3, friendWeight: 0.5, allowLateJoin: false } },
  { kind: "facilitate", at: 1_700_000_000_400, command: { type: "start" } },
  { kind: "act", at: 1_700_000_000_500, player: "p1", action: "report", target: "p2" },
  { kind: "act", at: 1_700_000_000_600, player: "p2", action: "appeal", deduction: 7 },
  { kind: "tick", at: 1_700_000_090_400 },
];

/** The behaviour every SessionStore must have, whatever keeps the data. */
export function storeContract(name: string, fresh: () => Promise<StorePlace>) {
  describe(`${name} keeps the SessionStore contract`, () => {
    const open: { place: StorePlace; stores: SessionStore[] }[] = [];

    async function setup() {
      const place = await fresh();
      const entry = { place, stores: [] as SessionStore[] };
      open.push(entry);
      const reopen = async () => {
        const store = await place.open();
        entry.stores.push(store);
        return store;
      };
      return { store: await reopen(), reopen };
    }

    afterEach(async () => {
      for (const { place, stores } of open.splice(0)) {
        for (const s of stores) await s.close().catch(() => undefined);
        await place.remove();
      }
    });

    it("claims a join code once and gives back exactly what was stored", async () => {
      const { store } = await setup();
      expect(await store.createSession(meta("ABCDE"))).toBe(true);
      expect(await store.createSession(meta("ABCDE", { hostKeyHash: "someone-else" }))).toBe(false);
      expect(await store.get("ABCDE")).toEqual(meta("ABCDE"));
      expect(await store.get("ZZZZZ")).toBeUndefined();
    });

    it("returns the log in order, commands intact, and refuses to overwrite an entry", async () => {
      const { store } = await setup();
      await store.createSession(meta("LOG01"));
      for (const [i, command] of LOG.entries()) await store.appendMany("LOG01", [{ seq: i + 1, command }]);
      expect(await store.commands("LOG01")).toEqual(LOG.map((command, i) => ({ seq: i + 1, command })));
      await expect(store.appendMany("LOG01", [{ seq: 3, command: { kind: "tick", at: 1 } }])).rejects.toThrow();
      expect((await store.commands("LOG01"))[2].command).toEqual(LOG[2]);
      expect(await store.commands("NOPE0")).toEqual([]);
    });

    it("appends a patch's commands together, in order, and all or none of them", async () => {
      const { store } = await setup();
      await store.createSession(meta("BATCH"));
      const batch = Array.from({ length: 75 }, (_, i) => ({ seq: i + 1, command: { ...LOG[i % LOG.length], at: LOG[i % LOG.length].at + i } }));
      await store.appendMany("BATCH", batch.slice(0, 5));
      await store.appendMany("BATCH", []);
      await store.appendMany("BATCH", batch.slice(5));
      expect(await store.commands("BATCH")).toEqual(batch);
      // A batch that would overwrite an entry is refused whole: its new entries are not stored either.
      const clash = [76, 77, 75].map((seq) => ({ seq, command: { kind: "tick" as const, at: seq } }));
      await expect(store.appendMany("BATCH", clash)).rejects.toThrow();
      expect(await store.commands("BATCH")).toEqual(batch);
    });

    it("keeps appends to many sessions at once apart", async () => {
      const { store } = await setup();
      const codes = ["AAAAA", "BBBBB", "CCCCC"];
      for (const c of codes) await store.createSession(meta(c));
      await Promise.all(codes.flatMap((code) => LOG.map((c, i) => store.appendMany(code, [{ seq: i + 1, command: { ...c, at: c.at + code.charCodeAt(0) } }]))));
      for (const code of codes) {
        const log = await store.commands(code);
        expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expect(log.every((e, i) => e.command.at === LOG[i].at + code.charCodeAt(0))).toBe(true);
      }
    });

    it("lists sessions newest first with players and status, by host key when asked", async () => {
      const { store } = await setup();
      await store.createSession(meta("OLD01", { createdAt: 1000, hostKeyHash: "k1" }));
      await store.createSession(meta("MID01", { createdAt: 2000, hostKeyHash: "k2" }));
      await store.createSession(meta("NEW01", { createdAt: 3000, hostKeyHash: "k1" }));
      await store.setPlayers("OLD01", 12);
      await store.markEnded("OLD01", 1500);
      expect(await store.list()).toEqual([
        { code: "NEW01", createdAt: 3000, endedAt: null, players: 0, status: "live" },
        { code: "MID01", createdAt: 2000, endedAt: null, players: 0, status: "live" },
        { code: "OLD01", createdAt: 1000, endedAt: 1500, players: 12, status: "ended" },
      ]);
      expect((await store.list({ hostKeyHash: "k1" })).map((s) => s.code)).toEqual(["NEW01", "OLD01"]);
      expect(await store.list({ hostKeyHash: "nobody" })).toEqual([]);
    });

    it("a rotated host key replaces the old one: the session is listed and opened by the new key only", async () => {
      const { store } = await setup();
      await store.createSession(meta("ROT01", { hostKeyHash: "old" }));
      await store.setHostKeyHash("ROT01", "new");
      expect((await store.get("ROT01"))?.hostKeyHash).toBe("new");
      expect((await store.list({ hostKeyHash: "new" })).map((s) => s.code)).toEqual(["ROT01"]);
      expect(await store.list({ hostKeyHash: "old" })).toEqual([]);
    });

    it("keeps the facilitator's choice of resuming by itself after a crash, off included", async () => {
      const { store } = await setup();
      await store.createSession(meta("AUT01"));
      expect((await store.get("AUT01"))?.autoResumeSeconds).toBe(30);
      await store.setAutoResume("AUT01", 120);
      expect((await store.get("AUT01"))?.autoResumeSeconds).toBe(120);
      await store.setAutoResume("AUT01", null);
      expect((await store.get("AUT01"))?.autoResumeSeconds).toBeNull();
    });

    it("takes a log-sized probe write and leaves the sessions as they were", async () => {
      const { store } = await setup();
      await store.createSession(meta("PRB01"));
      await store.probeWrite();
      await store.probeWrite();
      expect((await store.list()).map((s) => s.code)).toEqual(["PRB01"]);
      expect(await store.commands("PRB01")).toEqual([]);
    });

    it("never reopens an ended session, and marks only what stopped (its lease lapsed) as interrupted", async () => {
      const { store } = await setup();
      await store.createSession(meta("DONE1", { createdAt: 1000 }));
      await store.createSession(meta("LIVE1", { createdAt: 1000 }));
      await store.createSession(meta("ELSE1", { createdAt: 1000 }));
      await store.createSession(meta("LAPSE", { createdAt: 1000 }));
      await store.createSession(meta("YOUNG", { createdAt: 9000 }));
      await store.markEnded("DONE1", 1200);
      await store.setStatus("DONE1", "live");
      expect(await store.claimLease("LIVE1", "proc-a", 10_000, 16_000)).toBe(true);
      expect(await store.claimLease("LAPSE", "proc-b", 1_000, 7_000)).toBe(true);
      await store.markInterrupted({ now: 10_000, createdBefore: 5000 });
      const status = Object.fromEntries((await store.list()).map((s) => [s.code, s.status]));
      expect(status).toEqual({ DONE1: "ended", LIVE1: "live", ELSE1: "interrupted", LAPSE: "interrupted", YOUNG: "live" });
      expect(await store.leaseOf("LAPSE")).toBeUndefined();
      await store.setStatus("ELSE1", "live");
      await store.markInterrupted({ now: Number.MAX_SAFE_INTEGER });
      const after = Object.fromEntries((await store.list()).map((s) => [s.code, s.status]));
      expect(after).toEqual({ DONE1: "ended", LIVE1: "interrupted", ELSE1: "interrupted", LAPSE: "interrupted", YOUNG: "interrupted" });
      expect(await store.leaseOf("LIVE1")).toBeUndefined();
    });

    it("gives a session's lease to one process at a time, until it lapses or is let go", async () => {
      const { store } = await setup();
      await store.createSession(meta("LEASE"));
      await store.createSession(meta("OTHER"));
      expect(await store.claimLease("LEASE", "proc-a", 1000, 7000)).toBe(true);
      expect(await store.claimLease("LEASE", "proc-b", 2000, 8000)).toBe(false);
      expect(await store.leaseOf("LEASE")).toEqual({ holder: "proc-a", until: 7000 });
      // Its holder renews it; a renewal names only what the holder still has.
      expect(await store.claimLease("OTHER", "proc-b", 2000, 8000)).toBe(true);
      expect((await store.renewLeases("proc-a", ["LEASE", "OTHER"], 9000)).sort()).toEqual(["LEASE"]);
      expect(await store.leaseOf("LEASE")).toEqual({ holder: "proc-a", until: 9000 });
      expect(await store.renewLeases("proc-a", [], 9500)).toEqual([]);
      // Lapsed, anyone may take it; from a holder known to be dead, even before, but only once.
      expect(await store.claimLease("LEASE", "proc-b", 9001, 15_000)).toBe(true);
      expect(await store.othersLeases("proc-a")).toEqual([
        { code: "LEASE", holder: "proc-b", until: 15_000 },
        { code: "OTHER", holder: "proc-b", until: 8000 },
      ]);
      expect(await store.claimLease("LEASE", "proc-a", 9002, 15_000, "proc-b")).toBe(true);
      expect(await store.claimLease("LEASE", "proc-c", 9003, 15_000, "proc-b")).toBe(false);
      expect((await store.leaseOf("LEASE"))?.holder).toBe("proc-a");
      // Only its holder lets it go.
      await store.releaseLease("LEASE", "proc-b");
      expect((await store.leaseOf("LEASE"))?.holder).toBe("proc-a");
      await store.releaseLease("LEASE", "proc-a");
      expect(await store.leaseOf("LEASE")).toBeUndefined();
      // It goes with its session.
      await store.delete("OTHER");
      expect(await store.leaseOf("OTHER")).toBeUndefined();
    });

    it("deletes a session with its log, and old sessions by age unless still being played", async () => {
      const { store } = await setup();
      await store.createSession(meta("GONE1", { createdAt: 1000 }));
      await store.appendMany("GONE1", [{ seq: 1, command: LOG[0] }]);
      await store.createSession(meta("GONE2", { createdAt: 2000 }));
      await store.markEnded("GONE2", 2100);
      await store.createSession(meta("LIVE1", { createdAt: 500 }));
      await store.createSession(meta("KEEP1", { createdAt: 3000 }));
      // Marked interrupted, but another process is playing it: its lease is live.
      await store.createSession(meta("HELD1", { createdAt: 600 }));
      await store.setStatus("HELD1", "interrupted");
      await store.claimLease("HELD1", "proc-a", 4000, 10_000);
      expect(await store.delete("GONE1")).toBe(true);
      expect(await store.delete("GONE1")).toBe(false);
      expect(await store.commands("GONE1")).toEqual([]);
      expect(await store.deleteOlderThan(2500, 5000)).toBe(1);
      expect((await store.list()).map((s) => s.code).sort()).toEqual(["HELD1", "KEEP1", "LIVE1"]);
      expect(await store.deleteOlderThan(2500, 11_000)).toBe(1);
      expect((await store.list()).map((s) => s.code).sort()).toEqual(["KEEP1", "LIVE1"]);
      expect(await store.createSession(meta("GONE1"))).toBe(true);
    });

    it("still holds everything after it is closed and opened again", async () => {
      const { store, reopen } = await setup();
      await store.createSession(meta("KEPT1"));
      await store.appendMany(
        "KEPT1",
        LOG.map((command, i) => ({ seq: i + 1, command })),
      );
      await store.close();
      const again = await reopen();
      expect(await again.get("KEPT1")).toEqual(meta("KEPT1"));
      expect((await again.commands("KEPT1")).map((e) => e.command)).toEqual(LOG);
    });
  });
}
