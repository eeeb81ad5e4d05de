import { WebSocket } from "ws";
import { createServer } from "./app.ts";
import { ensureClientBundle } from "./build/client-bundle.ts";
import { publicBaseUrl } from "./http/public-url.ts";
import { SqliteStore } from "./storage/sqlite-store.ts";

// Colyseus' reconnection checks for a global WebSocket, which Node 20 lacks.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

const port = Number(process.env.PORT ?? 2567);
const clientDir = await ensureClientBundle().catch((err: Error) => {
  console.error(`Could not build the browser client: ${err.message}`);
  process.exit(1);
});
const dataDir = process.env.DATA_DIR ?? "./data";
const store = new SqliteStore(dataDir);
store.markInterrupted();

const server = createServer({
  store,
  port,
  reconnectSeconds: Number(process.env.RECONNECT_SECONDS ?? 120),
  clientDir,
});
server.onShutdown(() => store.close());

await server.listen(port);
const base = publicBaseUrl(port);
console.log(`Citizen Score is running.`);
console.log(`  Host a session: http://localhost:${port}/host`);
console.log(`  Players join:   ${base}/`);
console.log(`  Data:           ${dataDir}`);
