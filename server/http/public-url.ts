import { isIP } from "node:net";
import { networkInterfaces } from "node:os";

const ANY = new Set(["", "0.0.0.0", "::", "[::]"]);

/** `127.0.0.1`, `::1` and `localhost` are this machine only: no phone can reach them. */
function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\./.test(host);
}

/** An address as it goes in a URL: IPv6 in brackets. */
function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/**
 * The address players should open: PUBLIC_URL behind a proxy; the address the server listens
 * on when HOST names one (a loopback HOST is a rehearsal on this machine, and a LAN address
 * there would not answer); otherwise this machine's LAN address, since phones in a classroom
 * cannot reach the teacher's localhost.
 */
export function publicBaseUrl(port: number, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  const host = (env.HOST ?? "").trim();
  if (isLoopback(host)) return `http://${host === "localhost" ? host : urlHost(host.replace(/^\[|\]$/g, ""))}:${port}`;
  if (!ANY.has(host)) return `http://${urlHost(host)}:${port}`;
  for (const list of Object.values(networkInterfaces())) {
    for (const addr of list ?? []) {
      if (addr.family === "IPv4" && !addr.internal) return `http://${addr.address}:${port}`;
    }
  }
  return `http://localhost:${port}`;
}
