import { parseArgs } from "node:util";
import { openStore } from "./open-store.ts";

const USAGE = `Usage: npm run sessions -- list
       npm run sessions -- delete CODE [CODE...] [--force]
Lists or deletes the stored sessions (PostgreSQL at DATABASE_URL when set, else DATA_DIR, default ./data). A session a running server is
still playing is not deleted unless --force is given (use it only when the server is stopped).`;

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
  const live = new Set((await store.list()).filter((s) => s.status === "live").map((s) => s.code));
  for (const raw of codes) {
    const code = raw.toUpperCase();
    if (live.has(code) && !values.force) {
      console.error(`${code}: still being played; end it first, or stop the server and add --force.`);
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
