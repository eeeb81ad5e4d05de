import { parseArgs } from "node:util";
import { openStore } from "./open-store.ts";
import { LEASE_MS } from "./store.ts";

const USAGE = `Usage: npm run sessions -- list
       npm run sessions -- delete CODE [CODE...]
Lists or deletes the stored sessions (PostgreSQL at DATABASE_URL when set, else DATA_DIR, default ./data). A session a running server is
still playing (its server renews a claim on it every few seconds) is never deleted; --force is accepted and changes nothing.`;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false }, help: { type: "boolean", default: false } } });
const [command, ...codes] = positionals;
if (values.help || (command !== "list" && command !== "delete") || (command === "delete" && codes.length === 0)) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const { store, describe } = await openStore();
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
