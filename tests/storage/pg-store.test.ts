import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgStore } from "../../server/storage/pg-store.ts";
import { MIGRATIONS } from "../../server/storage/pg-migrations.ts";
import { startPostgres, type Postgres } from "../helpers/services.ts";
import { storeContract } from "./store-contract.ts";

let server: Postgres | undefined;
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(async () => {
  await server?.stop();
});

async function freshDatabase(): Promise<string> {
  if (!server) throw new Error("PostgreSQL did not start; see the error of the first hook.");
  return server.createDatabase(`contract_${++databases}`);
}

storeContract("PostgreSQL", async () => {
  const url = await freshDatabase();
  return { open: () => PgStore.open(url, 4), remove: async () => undefined };
});

describe("PostgreSQL schema migration", () => {
  it("creates the schema once when several processes start together, and records its version", async () => {
    const url = await freshDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => PgStore.open(url, 2)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT version FROM schema_migrations ORDER BY version");
    const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
    await client.end();
    await Promise.all(stores.map((s) => s.close()));
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(tables.rows.map((r) => r.table_name)).toEqual(["commands", "leases", "schema_migrations", "sessions", "write_probe"]);
  });

  it("fails to open with the server's reason when the database does not exist", async () => {
    const url = (await freshDatabase()).replace(/contract_\d+$/, "no_such_database");
    await expect(PgStore.open(url)).rejects.toThrow(/no_such_database/);
  });
});
