import { PgStore } from "./pg-store.ts";
import { StorageProblem } from "./sqlite-problem.ts";
import { SqliteStore } from "./sqlite-store.ts";
import type { SessionStore } from "./store.ts";

export interface StoreChoice {
  store: SessionStore;
  /** Where sessions are kept, for the start-up banner (without a password). */
  describe: string;
}

/** PostgreSQL when DATABASE_URL names one, otherwise the SQLite file under DATA_DIR. */
export async function openStore(env: NodeJS.ProcessEnv = process.env, opts: { mustExist?: boolean } = {}): Promise<StoreChoice> {
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new StorageProblem("DATABASE_URL must be a postgres:// (or postgresql://) URL.");
    const store = await PgStore.open(url).catch((err: Error) => {
      throw new StorageProblem(`PostgreSQL at ${redact(url)} (DATABASE_URL) could not be opened: ${err.message}`);
    });
    return { store, describe: redact(url) };
  }
  const dataDir = env.DATA_DIR ?? "./data";
  return { store: new SqliteStore(dataDir, opts), describe: dataDir };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}
