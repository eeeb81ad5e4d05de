import { defineRoom, defineServer } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type express from "express";
import { ROOM_NAME } from "../shared/messages/messages.ts";
import { ClassroomRoom } from "./rooms/classroom-room.ts";
import { frameEachMessageOnce } from "./rooms/frame-once.ts";
import type { RoomDeps } from "./rooms/logged-room.ts";
import { DEFAULT_LIMITS, type MessageLimits } from "./rooms/rate-limit.ts";
import type { SessionStore } from "./storage/store.ts";
import { createLimitedServer } from "./http/body-limit.ts";
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
  /** Shared presence, room list and this process's own address, when several processes serve together. */
  cluster?: ClusterOptions;
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
  const deps: RoomDeps = {
    store: opts.store,
    reconnectSeconds: opts.reconnectSeconds ?? 120,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    now: opts.now ?? Date.now,
  };
  class Classroom extends ClassroomRoom {
    deps = deps;
  }
  return defineServer({
    rooms: { [ROOM_NAME]: defineRoom(Classroom) },
    transport: new WebSocketTransport({ server: createLimitedServer(), maxPayload: MAX_FRAME_BYTES }),
    greet: false,
    ...opts.cluster,
    express: (app: express.Application) => registerRoutes(app, opts),
  });
}
