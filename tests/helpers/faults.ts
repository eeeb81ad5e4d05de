import type { Client } from "@colyseus/core";
import type WebSocket from "ws";
import type { ClassroomRoom } from "../../server/rooms/classroom-room.ts";
import type { TestGame } from "./server.ts";

/** The live room on the server, for reading the rules' state and reaching its sockets. */
export function serverRoom(game: TestGame, code: string): ClassroomRoom {
  return game.colyseus.getRoomById(code) as unknown as ClassroomRoom;
}

/**
 * Cuts a client's socket the way a dead Wi-Fi link or a sleeping phone does: no close
 * handshake, so both ends see an abnormal closure (1006) and the SDK tries to reconnect.
 */
export function cutSocket(game: TestGame, code: string, sessionId: string): boolean {
  const client = serverRoom(game, code).clients.getById(sessionId) as (Client & { ref: WebSocket }) | undefined;
  if (!client) return false;
  client.ref.terminate();
  return true;
}
