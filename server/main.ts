import { matchMaker } from "@colyseus/core";
import { WebSocket } from "ws";
import { createServer } from "./app.ts";
import { clusterFromEnv } from "./cluster.ts";
import { publicBaseUrl } from "./http/public-url.ts";
import { openStore } from "./storage/open-store.ts";

// Colyseus' reconnection checks for a global WebSocket, which Node 20 lacks.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

const port = Number(process.env.PORT ?? 2567);
const startedAt = Date.now();
const { store, describe } = await openStore();
const cluster = await clusterFromEnv();
// Alone, this process ran every session that is still marked live: all were interrupted.
if (!cluster.driver) await store.markInterrupted();

const server = createServer({
  store,
  port,
  reconnectSeconds: Number(process.env.RECONNECT_SECONDS ?? 120),
  cluster,
});
server.onShutdown(() => store.close());

await server.listen(port);
if (cluster.driver) {
  // Other processes are running sessions right now: only those missing from the shared room
  // list (which Colyseus' health checks have cleared of dead processes) were interrupted. A
  // session created in the last minute may not be listed yet, so it is left alone.
  const live = (await matchMaker.query({})).map((r) => r.roomId);
  await store.markInterrupted({ live, createdBefore: startedAt - 60_000 });
}
const base = publicBaseUrl(port);
console.log(`Citizen Score is running.`);
console.log(`  Host a session: http://localhost:${port}/host`);
console.log(`  Players join:   ${base}/`);
console.log(`  Data:           ${describe}`);
if (cluster.driver) console.log(`  Cluster:        shared through Redis; this process is reached at ${cluster.publicAddress ?? `port ${port}`}`);
