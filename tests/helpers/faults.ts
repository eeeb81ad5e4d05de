import { ClientState, type Client } from "@colyseus/core";
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
 * Only a connection that has finished joining: Colyseus keeps no seat for one cut while its
 * (re)join handshake is still under way, so that client could only join again by name. False
 * when there is no such connection (gone, or still joining).
 */
export function cutSocket(game: TestGame, code: string, sessionId: string): boolean {
  const client = serverRoom(game, code).clients.getById(sessionId) as (Client & { ref: WebSocket }) | undefined;
  if (client?.state !== ClientState.JOINED) return false;
  client.ref.terminate();
  return true;
}

/**
 * Whether the room still keeps a client's seat for it to reconnect to: while it is connected,
 * and after a drop until its grace period runs out and the room has let it go.
 */
export function seatHeld(game: TestGame, code: string, room: { sessionId: string; reconnectionToken: string }): boolean {
  const token = room.reconnectionToken.split(":")[1];
  return serverRoom(game, code).hasReservedSeat(room.sessionId, token);
}
