import { parseArgs } from "node:util";
import { openStore } from "./open-store.ts";
import { recoverSqlite } from "./recover.ts";
import { StorageProblem } from "./sqlite-problem.ts";
import { LEASE_MS } from "./store.ts";

const USAGE = `Usage: npm run sessions -- list
       npm run sessions -- delete CODE [CODE...]
       npm run sessions -- recover
Lists or deletes the stored sessions (PostgreSQL at DATABASE_URL when set, else DATA_DIR, default ./data). A session a running server is
still playing (its server renews a claim on it every few seconds) is never deleted; --force is accepted and changes nothing.
recover copies every readable session of a damaged SQLite file (with as much of its log as can be read) into a new file that
takes its place, and keeps the damaged file beside it; stop the server first.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
});
const [command, ...codes] = positionals;
if (values.help || !["list", "delete", "recover"].includes(command) || (command === "delete" && codes.length === 0)) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

/** A storage problem is one sentence; anything else is a bug and keeps its stack. */
function fail(err: unknown): never {
  console.error(err instanceof StorageProblem ? err.message : err);
  process.exit(1);
}

if (command === "recover") {
  if (process.env.DATABASE_URL)
    fail(new StorageProblem("recover is for the SQLite file under DATA_DIR; PostgreSQL (DATABASE_URL) has its own tools (pg_dump, point-in-time recovery)."));
  const dataDir = process.env.DATA_DIR ?? "./data";
  const r = await recoverSqlite(dataDir).catch(fail);
  console.log(
    `Recovered ${r.whole.length + r.partial.length} session${r.whole.length + r.partial.length === 1 ? "" : "s"} into ${r.file}; the damaged file is kept as ${r.damaged}.`,
  );
  for (const p of r.partial) console.log(`  ${p.code}: only the first ${p.commands} commands of its log could be read.`);
  process.exit(0);
}

// Listing only reads: a wrong DATA_DIR must not leave an empty database behind.
const { store, describe } = await openStore(process.env, { mustExist: command === "list" }).catch(fail);
let failed = false;
if (command === "list") {
  const sessions = await store.list();
  if (sessions.length === 0) console.log(`No sessions stored in ${describe}.`);
  for (const s of sessions) {
    console.log(`${s.code}  ${new Date(s.createdAt).toISOString()}  ${s.status.padEnd(11)}  ${s.players} players`);
  }
} else {
  for (const raw of codes) {
    const code = raw.toUpperCase();
    const lease = await store.leaseOf(code);
    if (lease && lease.until >= Date.now()) {
      console.error(`${code}: being played right now (a server renewed its claim on it at ${new Date(lease.until - LEASE_MS).toISOString()}); end it first.`);
      failed = true;
    } else if (await store.delete(code)) {
      console.log(`${code}: deleted, with its whole log.`);
    } else {
      console.error(`${code}: no such session in ${describe}.`);
      failed = true;
    }
  }
}
await store.close();
process.exit(failed ? 1 : 0);
