import { Protocol } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassroomRoom } from "../../server/rooms/classroom-room.ts";
import { host, joinAs, startTestServer, until, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

/** The protocol code of each whole WebSocket frame in one socket write, or undefined if the write holds part of a frame. */
function framesIn(write: Buffer): number[] | undefined {
  const codes: number[] = [];
  let at = 0;
  while (at < write.length) {
    if (write.length < at + 2 || write[at] !== 0x82 || (write[at + 1] & 0x80) !== 0) return undefined;
    let length = write[at + 1];
    let head = 2;
    if (length === 126) [length, head] = [write.readUInt16BE(at + 2), 4];
    else if (length === 127) [length, head] = [write.readUInt32BE(at + 6), 10];
    if (write.length < at + head + length) return undefined;
    codes.push(write[at + head]);
    at += head + length;
  }
  return codes;
}

/** Every write the server makes to one player's socket from now on. */
function recordWrites(room: ClassroomRoom, sessionId: string): Buffer[] {
  const client = room.clients.find((c) => c.sessionId === sessionId) as unknown as { ref: { _socket: { write: (...args: unknown[]) => boolean } } };
  const socket = client.ref._socket;
  const write = socket.write.bind(socket);
  const writes: Buffer[] = [];
  socket.write = (data: unknown, ...rest: unknown[]) => {
    writes.push(Buffer.from(data as Uint8Array));
    return write(data, ...rest);
  };
  return writes;
}

describe("each message framed once (server/rooms/frame-once.ts), through a real server", () => {
  it("sends a player one socket write per patch, with their own messages right behind it", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "the round to start");
    const writes = recordWrites(game.colyseus.getRoomById<ClassroomRoom>(h.code), ana.room.sessionId);

    const inboxesBefore = ana.inboxes.length;
    ana.room.send("act", { action: "volunteer" });
    await until(() => ana.inboxes.length > inboxesBefore, "Ana's inbox after her action");

    const frames = writes.map(framesIn);
    // ws's own sending writes a frame's header and its payload separately: a write holding part of a frame means frame-once is not running.
    expect(frames).not.toContain(undefined);
    const perWrite = frames as number[][];
    const patches = perWrite.flat().filter((code) => code === Protocol.ROOM_STATE_PATCH).length;
    expect(patches).toBeGreaterThan(0);
    // Never two patches in a write, and every write with a patch opens with it.
    for (const codes of perWrite) expect(codes.indexOf(Protocol.ROOM_STATE_PATCH)).toBeLessThanOrEqual(0);
    // Ana's inbox for her action came in the same write as a patch, behind it: not in a write of its own.
    expect(perWrite.some((codes) => codes[0] === Protocol.ROOM_STATE_PATCH && codes.slice(1).includes(Protocol.ROOM_DATA))).toBe(true);
    await Promise.all([ana.room.leave(true), bo.room.leave(true), h.room.leave(true)]);
  });
});
