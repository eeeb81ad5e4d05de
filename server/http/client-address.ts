import type { IncomingMessage } from "node:http";

/**
 * The address a request came from. Behind a reverse proxy every request comes from the proxy,
 * so with `trustProxy` the address is the last hop of X-Forwarded-For: the one the proxy itself
 * wrote (earlier hops are whatever the client claimed). Without it the header is ignored, since
 * anyone can send it.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length > 0) return plain(hops[hops.length - 1]);
  }
  return plain(req.socket.remoteAddress ?? "unknown");
}

/** IPv4 clients of a dual-stack server appear as ::ffff:10.0.0.5; they are 10.0.0.5. */
function plain(address: string): string {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
