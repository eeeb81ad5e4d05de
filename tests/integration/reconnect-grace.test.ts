import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutSocket, seatHeld } from "../helpers/faults.ts";
import { host, joinAs, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

let shortGrace: TestGame;
beforeAll(async () => {
  shortGrace = await startTestServer({ reconnectSeconds: 1 });
});
afterAll(async () => {
  await shortGrace.shutdown();
});

describe("when the grace period runs out", () => {
  it("past the grace period a seat still waits, shown disconnected, for its nickname and rejoin PIN to return", async () => {
    const h = await host(shortGrace);
    const ana = await joinAs(shortGrace, h.code, "Ana");
    const bo = await joinAs(shortGrace, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "volunteer" });
    await until(() => bo.room.state.players.get(ana.id)?.score === 620, "score");
    ana.room.reconnection.enabled = false;
    const token = ana.room.reconnectionToken;
    cutSocket(shortGrace, h.code, ana.room.sessionId);
    await until(() => !seatHeld(shortGrace, h.code, ana.room), "the grace period runs out", 5_000);
    await expect(ana.sdk.reconnect(token)).rejects.toThrow();
    await until(() => bo.room.state.players.get(ana.id)?.connected === false, "Bo sees Ana away");
    expect(bo.room.state.players.get(ana.id)).toMatchObject({ connected: false, score: 620 });
    await expect(shortGrace.sdk.joinById(h.code, { name: "ana" })).rejects.toMatchObject({ code: 4420, message: expect.stringContaining("rejoin PIN") });
    const again = await joinAs(shortGrace, h.code, "ana", ana.pin);
    expect(again.id).toBe(ana.id);
    await until(() => bo.room.state.players.get(ana.id)?.connected === true, "Ana back on her seat");
    expect(again.room.state.players.get(ana.id)!.score).toBe(620);
  });

  it("a host gone past the grace period comes back with the host key", async () => {
    const h = await host(shortGrace);
    const ana = await joinAs(shortGrace, h.code, "Ana");
    h.room.reconnection.enabled = false;
    cutSocket(shortGrace, h.code, h.room.sessionId);
    await until(() => !seatHeld(shortGrace, h.code, h.room), "the grace period runs out", 5_000);
    await until(() => !ana.room.state.hostConnected, "Ana sees the host away");
    const back = (await shortGrace.sdk.joinById(h.code, { hostKey: h.hostKey })) as GameRoom;
    await until(() => ana.room.state.hostConnected, "host back");
    back.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "the returning host starts the game");
  });
});
