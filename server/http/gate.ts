import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { AddressGuard, Refusal } from "../limits/address-guard.ts";
import { refusals } from "../limits/refusal-log.ts";
import { bodyProblem } from "./body-limit.ts";
import { clientAddress } from "./client-address.ts";
import { isAllowedOrigin } from "./cors.ts";
import { RESUMING_CODE, RESUMING_STATUS } from "../../shared/messages/auto-resume.ts";
import { type Worded, wordedText } from "../../shared/messages/worded.ts";
import type { Params } from "../../shared/i18n/index.ts";
import { STORAGE_STOPPED_CODE, STORAGE_STOPPED_STATUS } from "../rooms/storage-stops.ts";

/**
 * The matchmaking methods a client may call. `join` and `joinOrCreate` would seat a player in
 * whichever session the server picked, without its code, and answer with that code.
 */
export const MATCHMAKING_METHODS = ["create", "joinById", "reconnect"];

/** Colyseus answers a joinById for no open room with this status (ErrorCode.MATCHMAKE_INVALID_ROOM_ID). */
const NO_SUCH_ROOM = 522;

const MATCHMAKE = /^\/matchmake\/([^/?]*)\/?/;
/** A session's lesson kit, by its join code, for anyone: it answers whether a session is stored under the code. */
const GUIDE_OF_SESSION = /^\/api\/guides\/session\/([^/?]*)/;

/** The code in a joinById's or a reconnect's path (Colyseus' room id is the join code). */
const MATCHMAKE_ROOM = /^\/matchmake\/(?:joinById|reconnect)\/([^/?]*)/;
/** A WebSocket that returns to a seat carries its token in the query (Colyseus' transport reads it there). */
const RECONNECTION_TOKEN = /[?&]reconnectionToken=/;

export interface GateOptions {
  guard: AddressGuard;
  /** Origins besides the server's own that may call it from a browser. */
  allowedOrigins: readonly string[];
  /** The sentence for a code whose session resumes by itself shortly, after a restart. */
  resumingNote?: (code: string) => Worded | undefined;
  /** The sentence for a code whose session stopped because its log could not be written (storage-stops.ts). */
  stoppedNote?: (code: string) => Worded | undefined;
  /** Whether a session is stored under a code: one not running now (a restart, its facilitator away) is not a wrong code. */
  isStored: (code: string) => Promise<boolean>;
  /** A new session is refused while this says the process runs all it may (`server-full`). */
  serverFull?: () => Refusal | undefined;
}

/**
 * A refusal as JSON: matchmaking answers in Colyseus' shape (`{ code, error }`, which the SDK
 * turns into a MatchMakeError with `error` as its message: the worded sentence as JSON when it
 * has a key, shared/messages/worded.ts), everything else in the data API's
 * `{ error: { code, message, key?, params? } }`.
 */
function sendRefusal(req: IncomingMessage, res: ServerResponse, r: Refusal): void {
  const body = MATCHMAKE.test(req.url ?? "") ? { code: r.code, error: r.key ? wordedText(r) : r.message } : { error: apiError(r) };
  const headers: Record<string, string> = { "content-type": "application/json", "cache-control": "no-store", connection: "close" };
  if (r.retryAfterSeconds !== undefined) headers["retry-after"] = String(r.retryAfterSeconds);
  res.writeHead(r.status, headers);
  res.end(JSON.stringify(body));
}

/** The data API's error: its code, the English sentence, and the key and params when the sentence has them. */
function apiError(r: Refusal): { code: string; message: string; key?: string; params?: Params } {
  return { code: r.code, message: r.message, ...(r.key ? { key: r.key } : {}), ...(r.params ? { params: r.params } : {}) };
}

function refuseUpgrade(socket: Duplex, r: Refusal): void {
  const body = JSON.stringify({ error: apiError(r) });
  socket.end(
    `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

const FOREIGN_ORIGIN: Refusal = { status: 403, code: "origin-not-allowed", message: "This server does not take requests from pages of another site." };

/**
 * Looks at every request before Colyseus or Express does: its size, its origin, and for
 * matchmaking what the client's address may still do (gate the request, then count its answer).
 * The client's address is written into `x-real-ip`, the header Colyseus reads it from first,
 * so rooms see the same address the gate judged, not one the client claimed.
 */
function gateRequest(req: IncomingMessage, res: ServerResponse, address: string, opts: GateOptions): Refusal | undefined {
  const body = bodyProblem(req);
  if (body) return body;
  const unsafe = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
  if (unsafe && !isAllowedOrigin(req, opts.allowedOrigins)) return FOREIGN_ORIGIN;
  if (req.method === "GET" && GUIDE_OF_SESSION.test(req.url ?? "")) {
    // A 404 there names no session: a wrong code like any other, or it would be a free oracle of which codes exist.
    const refused = opts.guard.beforeCode(address);
    if (!refused) res.once("close", () => opts.guard.codeAnswered(address, !res.writableFinished || res.statusCode === 404));
    return refused;
  }
  const method = MATCHMAKE.exec(req.url ?? "")?.[1];
  if (method === undefined || req.method !== "POST") return undefined;
  if (!MATCHMAKING_METHODS.includes(method)) {
    return { status: 403, code: "code-required", message: "Join a session with its join code: this server does not pick a session for you." };
  }
  if (method === "create") {
    const refused = opts.serverFull?.() ?? opts.guard.beforeCreate(address);
    if (!refused) res.once("close", () => res.statusCode !== 200 && opts.guard.createFailed(address));
    return refused;
  }
  const code = MATCHMAKE_ROOM.exec(req.url ?? "")?.[1] ?? "";
  if (method === "joinById") {
    const refused = opts.guard.beforeJoin(address);
    if (refused) return refused;
    // A right code, its session waiting to resume by itself after a restart: its phones are told when (they ask again until then).
    const note = opts.resumingNote?.(code);
    if (note) {
      opts.guard.codeAnswered(address, false);
      return { status: RESUMING_STATUS, code: RESUMING_CODE, ...note };
    }
    // A right code, its session stopped by its store (a full disk): its screens keep being told why.
    const stopped = opts.stoppedNote?.(code);
    if (stopped) {
      opts.guard.codeAnswered(address, false);
      return { status: STORAGE_STOPPED_STATUS, code: STORAGE_STOPPED_CODE, ...stopped };
    }
  } else {
    // A reconnection names its code in its path, as a seat request does: a guess through it is a wrong code too.
    const refused = opts.guard.beforeReconnect(address) ?? opts.guard.beforeCode(address);
    if (refused) return refused;
  }
  res.once("close", () => void settleCode(res, address, code, opts));
  return undefined;
}

/**
 * Whether the code a seat request or reconnection named was a wrong one. An answer cut off
 * before it finished counts as wrong (a guesser cannot dodge the count by hanging up); "not
 * found" is wrong unless a session is stored under the code, since a class whose session waits
 * for its facilitator after a restart keeps asking with the right one.
 */
async function settleCode(res: ServerResponse, address: string, code: string, opts: GateOptions): Promise<void> {
  if (!res.writableFinished) return opts.guard.codeAnswered(address, true);
  if (res.statusCode !== NO_SUCH_ROOM) return opts.guard.codeAnswered(address, false);
  let stored = false;
  try {
    stored = await opts.isStored(decodeURIComponent(code));
  } catch {
    // A path that does not decode names no session; a store that cannot answer cannot vouch for it.
  }
  opts.guard.codeAnswered(address, !stored);
}

/** An HTTP server whose requests and WebSocket upgrades pass the gate before any listener sees them. */
export function createGuardedServer(opts: GateOptions, trustProxy: boolean): Server {
  const server = createServer();
  const emit = server.emit.bind(server);
  // Wrapping `emit` keeps the gate ahead of every listener, including those Colyseus prepends when it starts listening.
  server.emit = ((event: string, ...args: unknown[]) => {
    if (event === "request" || event === "upgrade") {
      const req = args[0] as IncomingMessage;
      const address = clientAddress(req, trustProxy);
      req.headers["x-real-ip"] = address;
      if (event === "upgrade") {
        if (!isAllowedOrigin(req, opts.allowedOrigins)) {
          refusals.note("WebSocket from another site", `from ${String(req.headers.origin).slice(0, 80)}`);
          refuseUpgrade(args[1] as Duplex, FOREIGN_ORIGIN);
          return true;
        }
        const returning = RECONNECTION_TOKEN.test(req.url ?? "") ? opts.guard.beforeReconnect(address) : undefined;
        if (returning) {
          refusals.note(returning.code, "WebSocket with a reconnection token");
          refuseUpgrade(args[1] as Duplex, returning);
          return true;
        }
      } else {
        const res = args[1] as ServerResponse;
        const refused = gateRequest(req, res, address, opts);
        if (refused) {
          // A session waiting to resume or stopped by its store is asked about by its own screens, every second or so.
          if (refused.code !== RESUMING_CODE && refused.code !== STORAGE_STOPPED_CODE)
            refusals.note(refused.code, `${req.method} ${(req.url ?? "").slice(0, 80)}`);
          sendRefusal(req, res, refused);
          return true;
        }
      }
    }
    return emit(event, ...args);
  }) as typeof server.emit;
  return server;
}
