import express from "express";
import { withoutPins } from "../rooms/seat-pins.ts";
import { createHash, timingSafeEqual } from "node:crypto";
import { TABLE_NAMES, tableCsv, tidyTables, type TableName } from "../../shared/replay/tables.ts";
import { hashHostKey, hostKeyMatches } from "../rooms/host-key.ts";
import { isJoinCode } from "../../shared/messages/join-code.ts";
import type { SessionMeta, SessionStore, SessionSummary } from "../storage/store.ts";

export interface ApiOptions {
  store: SessionStore;
  /** Sees and manages every session; unset, only host keys open anything. */
  adminToken?: string;
}

type Caller = { admin: true } | { admin: false; key: string };

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function caller(req: express.Request, adminToken: string | undefined): Caller {
  const header = req.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError(401, "unauthorized", "Send the session's host key as `Authorization: Bearer <hostKey>`.");
  const token = match[1];
  if (adminToken && sameSecret(token, adminToken)) return { admin: true };
  return { admin: false, key: token };
}

/** The session a caller may open, or the reason they may not; a host key opens only its own. */
async function session(store: SessionStore, who: Caller, raw: string): Promise<SessionMeta> {
  const code = raw.toUpperCase();
  if (!isJoinCode(code)) throw new ApiError(404, "not-found", `"${raw.slice(0, 20)}" is not a join code.`);
  const meta = await store.get(code);
  if (who.admin) {
    if (!meta) throw new ApiError(404, "not-found", `There is no stored session ${code}.`);
    return meta;
  }
  // An unknown code and another session's code answer alike, so a key cannot probe which codes exist.
  if (!meta || !hostKeyMatches(who.key, meta.hostKeyHash)) throw new ApiError(403, "forbidden", `This key does not open session ${code}.`);
  return meta;
}

/** Status and player count live beside the meta; each host key has its own hash, so this is one row. */
async function summary(store: SessionStore, meta: SessionMeta): Promise<SessionSummary> {
  const found = (await store.list({ hostKeyHash: meta.hostKeyHash })).find((s) => s.code === meta.code);
  return found ?? { code: meta.code, createdAt: meta.createdAt, endedAt: meta.endedAt, players: 0, status: "interrupted" };
}

/** Express' own refusals (a malformed URL, say) carry a 4xx status; anything else is ours to fix. */
function fromExpress(err: unknown): ApiError {
  const status = (err as { status?: unknown })?.status;
  if (typeof status === "number" && status >= 400 && status < 500) return new ApiError(status, "bad-request", "The request could not be read.");
  return new ApiError(500, "internal", "The server could not answer that; the error is in its log.");
}

function route(handler: (req: express.Request, res: express.Response) => unknown | Promise<unknown>) {
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      await handler(req, res);
    } catch (err) {
      next(err);
    }
  };
}

/**
 * The recorded sessions over HTTP: list, full log, tidy CSV, delete. Every answer is for the
 * holder of the session's host key (or the server's ADMIN_TOKEN), and every error is JSON.
 */
export function apiRouter(opts: ApiOptions): express.Router {
  const { store, adminToken } = opts;
  const api = express.Router();
  api.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });

  api.get(
    "/sessions",
    route(async (req, res) => {
      const who = caller(req, adminToken);
      const sessions = await store.list(who.admin ? {} : { hostKeyHash: hashHostKey(who.key) });
      if (!who.admin && sessions.length === 0) throw new ApiError(403, "forbidden", "This key opens no stored session.");
      res.json({ sessions });
    }),
  );

  api.get(
    "/sessions/:code/log",
    route(async (req, res) => {
      const meta = await session(store, caller(req, adminToken), String(req.params.code));
      const { status, players } = await summary(store, meta);
      const { hostKeyHash: _secret, ...open } = meta;
      res.json({ meta: { ...open, status, players }, commands: withoutPins(await store.commands(meta.code)) });
    }),
  );

  api.get(
    "/sessions/:code/export.csv",
    route(async (req, res) => {
      const meta = await session(store, caller(req, adminToken), String(req.params.code));
      const table = String(req.query.table ?? "events");
      if (!TABLE_NAMES.includes(table as TableName)) throw new ApiError(400, "bad-request", `table must be one of ${TABLE_NAMES.join(", ")}.`);
      const pseudonymize = ["1", "true", "yes"].includes(String(req.query.pseudonymize ?? ""));
      const tables = tidyTables({ meta, commands: withoutPins(await store.commands(meta.code)) }, { pseudonymize });
      if ("code" in tables) throw new ApiError(409, "cannot-replay", tables.message);
      const file = `citizen-score-${meta.code}-${table}${pseudonymize ? "-pseudonymized" : ""}.csv`;
      res.set("Content-Type", "text/csv; charset=utf-8");
      res.set("Content-Disposition", `attachment; filename="${file}"`);
      res.send(tableCsv(tables, table as TableName));
    }),
  );

  api.delete(
    "/sessions/:code",
    route(async (req, res) => {
      const meta = await session(store, caller(req, adminToken), String(req.params.code));
      // The store's lease says whether a process runs it, whatever Redis's room list holds.
      const lease = await store.leaseOf(meta.code);
      if (lease && lease.until >= Date.now())
        throw new ApiError(409, "session-live", `Session ${meta.code} is still open; end it and close its screens before deleting it.`);
      await store.delete(meta.code);
      res.json({ deleted: meta.code });
    }),
  );

  api.use((_req, _res, next) => next(new ApiError(404, "not-found", "No such API route; see docs/PROTOCOL.md.")));
  api.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const e = err instanceof ApiError ? err : fromExpress(err);
    if (e.status >= 500) console.error(err);
    if (e.status === 401) res.set("WWW-Authenticate", 'Bearer realm="citizen-score"');
    res.status(e.status).json({ error: { code: e.code, message: e.message } });
  });
  return api;
}
