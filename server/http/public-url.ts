import { networkInterfaces } from "node:os";

/**
 * The address players should open: PUBLIC_URL behind a proxy; otherwise this machine's LAN
 * address, since phones in a classroom cannot reach the teacher's localhost.
 */
export function publicBaseUrl(port: number, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  for (const list of Object.values(networkInterfaces())) {
    for (const addr of list ?? []) {
      if (addr.family === "IPv4" && !addr.internal) return `http://${addr.address}:${port}`;
    }
  }
  return `http://localhost:${port}`;
}
