// Run by sqlite-gc.test.ts in a process of its own, because what it checks is that the process
// is not aborted: it uses a store the way a server does, closes and drops it, then allocates
// until the garbage collector has run many times (an allocation-triggered collection is the kind
// that aborted in better-sqlite3 12 on Node 24.19+).
import { makeConfig } from "../../shared/rules/config.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: sqlite-gc-child.ts <data dir>");

async function useAndDrop(): Promise<void> {
  const store = new SqliteStore(dataDir!);
  const meta = (code: string, createdAt: number) => ({
    code,
    hostKeyHash: `hash-${code}`,
    createdAt,
    endedAt: null,
    seed: 7,
    rulesVersion: RULES_VERSION,
    config: makeConfig({}),
  });
  await store.createSession(meta("AAAA", 1));
  await store.createSession(meta("BBBB", Date.now()));
  await store.appendMany("BBBB", [{ seq: 1, command: { kind: "join", at: Date.now(), nickname: "Bo" } }]);
  await store.markEnded("AAAA", 2);
  await store.markInterrupted({ now: Date.now() });
  await store.deleteOlderThan(Date.now() - 1000, Date.now());
  await store.delete("BBBB");
  await store.close();
}

await useAndDrop();
let garbage: { i: number; s: string }[] = [];
for (let i = 0; i < 3_000_000; i++) {
  garbage.push({ i, s: `x${i}` });
  if (garbage.length > 100_000) garbage = [];
}
// Printing what is still held keeps the allocations from being optimised away.
console.log(`survived the collections, ${garbage.length} objects still held`);
