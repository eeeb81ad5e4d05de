import { matchMaker } from "@colyseus/core";
import type { IncomingMessage } from "node:http";

/**
 * Whether a browser page at the request's Origin may call this server: its own pages (same
 * host), the configured list, and clients that are not browser pages (no Origin at all: the
 * SDK in Node, curl, the bots). Everything the API gives a browser needs a host key in a
 * header, never a cookie, so nothing is sent with credentials.
 */
export function isAllowedOrigin(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Colyseus puts its CORS headers on every answer of the server (matchmaking, Express routes):
 * by default any origin, with credentials. Through its documented hook (the controller's
 * getCorsHeaders), only the server's own origin and `allowed` are named, and never with credentials.
 */
export function limitCors(allowed: readonly string[]): void {
  const controller = matchMaker.controller;
  // Its type lists an any-origin and a credentials header; left out, they are not sent.
  controller.DEFAULT_CORS_HEADERS = {
    "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, DELETE",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  } as unknown as typeof controller.DEFAULT_CORS_HEADERS;
  controller.getCorsHeaders = (headers: Headers): Record<string, string> => {
    const origin = headers.get("origin");
    if (origin === null) return {};
    const same = (() => {
      try {
        return new URL(origin).host === headers.get("host");
      } catch {
        return false;
      }
    })();
    return same || allowed.includes(origin) ? { "Access-Control-Allow-Origin": origin } : {};
  };
}
