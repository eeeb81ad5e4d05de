import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type express from "express";
import { ROOM_NAME } from "../shared/messages/messages.ts";
import type { Worded } from "../shared/messages/worded.ts";
import { GuardedClassroom, type RoomGuard } from "./rooms/guarded-room.ts";
import { reconnectionSummary } from "./reconnect-log.ts";
import { SessionLeases } from "./rooms/session-leases.ts";
import { StorageStops } from "./rooms/storage-stops.ts";
import { frameEachMessageOnce } from "./rooms/frame-once.ts";
import type { RoomDeps } from "./rooms/logged-room.ts";
import { DEFAULT_LIMITS, type MessageLimits } from "./rooms/rate-limit.ts";
import type { SessionStore } from "./storage/store.ts";
import { createGuardedServer, MATCHMAKING_METHODS } from "./http/gate.ts";
import { limitCors } from "./http/cors.ts";
import { AddressGuard } from "./limits/address-guard.ts";
import { DEFAULT_SERVER_LIMITS, serverFull, type ServerLimits } from "./limits/limits.ts";
import { countResumeCodes } from "./http/resume-codes.ts";
import { BudgetedSocket, DEFAULT_FRAME_BUDGET, setFrameBudget, type FrameBudget } from "./transport/frame-budget.ts";
import { registerRoutes } from "./http/routes.ts";
import type { ClusterOptions } from "./cluster.ts";

export interface AppOptions {
  store: SessionStore;
  port: number;
  reconnectSeconds?: number;
  /** Per-client message rates; the defaults suit a classroom. */
  limits?: Partial<MessageLimits>;
  /** Built browser client to serve, when there is one. */
  clientDir?: string;
  now?: () => number;
  /** Opens every stored session through the HTTP API (ADMIN_TOKEN). */
  adminToken?: string;
  /** What one client address may do (README: limits); the defaults suit a school. */
  serverLimits?: Partial<ServerLimits>;
  /** What one connection may send before anything decodes it. */
  frameBudget?: Partial<FrameBudget>;
  /** Shared presence, room list and this process's own address, when several processes serve together. */
  cluster?: ClusterOptions;
  /** This process's claims on its sessions; made here unless the caller needs them too. */
  leases?: SessionLeases;
  /** For a session waiting to resume by itself after a restart: what its players are told (auto-resume.ts). */
  resumingNote?: (code: string) => Worded | undefined;
}

/**
 * A 500-player room's full state is well over the encoder's default 16 KB. Growing the buffer
 * mid-encode is where Colyseus 0.18 hands a joiner part of the old buffer, so start big enough.
 */
Encoder.BUFFER_SIZE = 512 * 1024;

/** Largest WebSocket frame a client may send; game messages are a few dozen bytes. */
export const MAX_FRAME_BYTES = 16 * 1024;

export function createServer(opts: AppOptions) {
  frameEachMessageOnce();
  const now = opts.now ?? Date.now;
  const deps: RoomDeps = {
    store: opts.store,
    reconnectSeconds: opts.reconnectSeconds ?? 120,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    now,
    leases: opts.leases ?? new SessionLeases(opts.store, now),
    stops: new StorageStops(),
  };
  const limits = { ...DEFAULT_SERVER_LIMITS, ...opts.serverLimits };
  const guard: RoomGuard = { addresses: new AddressGuard(limits), limits, live: { count: 0 } };
  const allowedOrigins = [...limits.allowedOrigins, ...(process.env.PUBLIC_URL ? [new URL(process.env.PUBLIC_URL).origin] : [])];
  limitCors(allowedOrigins);
  matchMaker.controller.exposedMethods = [...MATCHMAKING_METHODS];
  countResumeCodes(guard.addresses);
  setFrameBudget({ ...DEFAULT_FRAME_BUDGET, messagesPerSecond: deps.limits.disconnectPerSecond, ...opts.frameBudget });
  class Classroom extends GuardedClassroom {
    deps = deps;
    guard = guard;
  }
  return defineServer({
    rooms: { [ROOM_NAME]: defineRoom(Classroom) },
    transport: new WebSocketTransport({
      server: createGuardedServer(
        {
          guard: guard.addresses,
          allowedOrigins,
          resumingNote: opts.resumingNote,
          stoppedNote: (code) => deps.stops.note(code),
          isStored: async (code) => (await opts.store.get(code)) !== undefined,
          serverFull: () => (guard.live.count >= limits.liveSessions ? serverFull(limits.liveSessions) : undefined),
        },
        limits.trustProxy,
      ),
      maxPayload: MAX_FRAME_BYTES,
      WebSocket: BudgetedSocket,
    }),
    greet: false,
    // Hundreds of "reconnection token invalid" lines after each restart, said in one line a minute.
    logger: reconnectionSummary(),
    ...opts.cluster,
    express: (app: express.Application) => registerRoutes(app, opts),
  });
}
