import { Protocol } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import { unpack } from "msgpackr";

/**
 * What an SDK sends to a room: the join handshake, leaving, pings, room messages (a type and a
 * MessagePack body, decoded here as Colyseus' RoomMessages.onData does) and byte messages
 * (which the room answers as unknown).
 */
const SENT_BY_CLIENTS = new Set<number>([Protocol.JOIN_ROOM, Protocol.LEAVE_ROOM, Protocol.ROOM_DATA, Protocol.ROOM_DATA_BYTES, Protocol.PING]);

/**
 * Whether a frame is one an SDK could have sent. Checked before Colyseus sees it: Colyseus
 * answers a frame it cannot decode by printing a stack trace, which any client could make it
 * do at will, and a frame kind this room has no use for is refused the same way.
 */
export function isDecodableFrame(data: Buffer | ArrayBuffer | Buffer[]): boolean {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  if (buffer.byteLength === 0 || !SENT_BY_CLIENTS.has(buffer[0])) return false;
  return buffer[0] !== Protocol.ROOM_DATA || roomMessageOf(buffer) !== undefined;
}

/** A room message frame's type and body, decoded as Colyseus' RoomMessages.onData does; undefined when it does not decode. */
export function roomMessageOf(buffer: Buffer): { type: string | number; message: unknown } | undefined {
  try {
    const it = { offset: 1 };
    const type = decode.stringCheck(buffer, it) ? decode.string(buffer, it) : decode.number(buffer, it);
    return { type, message: buffer.byteLength > it.offset ? unpack(buffer.subarray(it.offset)) : undefined };
  } catch {
    return undefined;
  }
}

/** A message the room handles (`send` or `sendBytes`), as opposed to the handshake, a ping or leaving. */
export function isRoomMessage(firstByte: number | undefined): boolean {
  return firstByte === Protocol.ROOM_DATA || firstByte === Protocol.ROOM_DATA_BYTES;
}
