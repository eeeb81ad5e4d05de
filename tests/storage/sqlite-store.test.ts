import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";
import { storeContract } from "./store-contract.ts";

storeContract("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "citizen-store-"));
  return {
    open: async () => new SqliteStore(dir),
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
