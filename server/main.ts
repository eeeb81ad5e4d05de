import { createServer } from "./app.ts";
import { SessionLeases } from "./rooms/session-leases.ts";
import { AutoResume } from "./rooms/auto-resume.ts";
import { ensureClientBundle } from "./build/client-bundle.ts";
import { clusterFromEnv } from "./cluster.ts";
import { publicBaseUrl } from "./http/public-url.ts";
import { limitsFromEnv } from "./limits/limits.ts";
import { openStore } from "./storage/open-store.ts";
import { YOUNG_SESSION_MS } from "./storage/store.ts";
import { StorageProblem } from "./storage/sqlite-problem.ts";
import { keepForDays, retentionDays } from "./storage/retention.ts";
import { sweepEmptyInterrupted } from "./storage/empty-sessions.ts";

const port = Number(process.env.PORT ?? 2567);
const adminToken = process.env.ADMIN_TOKEN || undefined;
if (adminToken !== undefined && adminToken.length < 16) {
  console.error("ADMIN_TOKEN opens every recorded session, so it must be at least 16 characters (for example: openssl rand -hex 16).");
  process.exit(1);
}
const clientDir = await ensureClientBundle().catch((err: Error) => {
  console.error(`Could not build the browser client: ${err.message}`);
  process.exit(1);
});
const reconnectSeconds = Number(process.env.RECONNECT_SECONDS ?? 120);
if (!Number.isFinite(reconnectSeconds) || reconnectSeconds < 0) {
  console.error(`RECONNECT_SECONDS must be a number of seconds (default 120), not "${process.env.RECONNECT_SECONDS}".`);
  process.exit(2);
}
const serverLimits = limitsFromEnv();
if (typeof serverLimits === "string") {
  console.error(serverLimits);
  process.exit(2);
}
let keepDays: number | undefined;
try {
  keepDays = retentionDays(process.env.RETENTION_DAYS);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
/** Start-up's storage steps: a problem (a lock held past its wait, a damaged file) is one sentence naming the file or setting (sqlite-problem.ts), never a stack. */
async function refusedInOneSentence<T>(step: () => Promise<T>, what = "The sessions store could not be used"): Promise<T> {
  try {
    return await step();
  } catch (err) {
    console.error(err instanceof StorageProblem ? err.message : `${what}: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}

const startedAt = Date.now();
const { store, describe } = await refusedInOneSentence(() => openStore(), "The sessions store could not be opened");
const cluster = await clusterFromEnv();
// Alone, this process ran every session that is still marked live: all were interrupted, and
// the leases its previous run held are void. Those whose facilitator chose so resume by themselves.
const interrupted = await refusedInOneSentence(async () => {
  if (cluster.driver) return [];
  const codes = await AutoResume.interrupted(store);
  await store.markInterrupted({ now: Number.MAX_SAFE_INTEGER });
  return codes;
});

const stopRetention =
  keepDays === undefined
    ? undefined
    : keepForDays(store, keepDays, (deleted) => {
        if (deleted > 0) console.log(`Deleted ${deleted} session${deleted === 1 ? "" : "s"} older than ${keepDays} days (RETENTION_DAYS).`);
      });

const leases = new SessionLeases(store, Date.now);
const autoResume = new AutoResume(store, leases, Date.now);
const server = createServer({
  store,
  leases,
  port,
  reconnectSeconds,
  adminToken,
  clientDir,
  cluster,
  serverLimits,
  resumingNote: (code) => autoResume.note(code),
});
let stopEmptySweep = () => {};
server.onShutdown(async () => {
  stopRetention?.();
  stopEmptySweep();
  autoResume.stop();
  await store.close();
});

// HOST=127.0.0.1 keeps the server off the network (tests, a single-machine rehearsal).
await server.listen(port, process.env.HOST || undefined);
await autoResume.schedule(interrupted);
if (cluster.driver) {
  // Other processes are running sessions right now: only those whose lease has lapsed were
  // interrupted; one created moments ago may not hold its lease yet.
  await refusedInOneSentence(() => store.markInterrupted({ now: Date.now(), createdBefore: startedAt - YOUNG_SESSION_MS }));
  // A process of the cluster that dies has its sessions taken over here (or by another survivor).
  leases.watch();
}
// A session a crash interrupted before anyone joined it holds nothing: deleted once its
// facilitator's open screen has had the reconnection window, counted from now, to reopen it.
stopEmptySweep = sweepEmptyInterrupted(store, (code) => leases.holds(code), reconnectSeconds * 1000);
const base = publicBaseUrl(port);
console.log(`Citizen Score is running.`);
console.log(`  Host a session: http://localhost:${port}/host`);
console.log(`  Players join:   ${base}/`);
console.log(`  Data:           ${describe}`);
if (cluster.driver) console.log(`  Cluster:        shared through Redis; this process is reached at ${cluster.publicAddress ?? `port ${port}`}`);
console.log(
  keepDays === undefined
    ? "  Retention:      sessions are kept until deleted (set RETENTION_DAYS to delete old ones automatically)"
    : `  Retention:      sessions older than ${keepDays} days are deleted at start-up and daily`,
);
if (adminToken) console.log(`  Admin API:      on (ADMIN_TOKEN opens every session)`);
