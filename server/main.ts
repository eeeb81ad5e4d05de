import { WebSocket } from "ws";
import { createServer } from "./app.ts";
import { publicBaseUrl } from "./http/public-url.ts";
import { SqliteStore } from "./storage/sqlite-store.ts";

// Colyseus' reconnection checks for a global WebSocket, which Node 20 lacks.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

const port = Number(process.env.PORT ?? 2567);
const adminToken = process.env.ADMIN_TOKEN || undefined;
if (adminToken !== undefined && adminToken.length < 16) {
  console.error("ADMIN_TOKEN opens every recorded session, so it must be at least 16 characters (for example: openssl rand -hex 16).");
  process.exit(1);
}
const dataDir = process.env.DATA_DIR ?? "./data";
const store = new SqliteStore(dataDir);
store.markInterrupted();

const server = createServer({
  store,
  port,
  reconnectSeconds: Number(process.env.RECONNECT_SECONDS ?? 120),
  adminToken,
});
server.onShutdown(() => store.close());

// HOST=127.0.0.1 keeps the server off the network (tests, a single-machine rehearsal).
await server.listen(port, process.env.HOST || undefined);
const base = publicBaseUrl(port);
console.log(`Citizen Score is running.`);
console.log(`  Host a session: http://localhost:${port}/host`);
console.log(`  Players join:   ${base}/`);
console.log(`  Data:           ${dataDir}`);
if (adminToken) console.log(`  Admin API:      on (ADMIN_TOKEN opens every session)`);
