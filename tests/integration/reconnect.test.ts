import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutSocket, serverRoom } from "../helpers/faults.ts";
import { host, joinAs, until, startTestServer, type GameRoom, type TestGame } from "../helpers/server.ts";

// One server per file: Colyseus' matchmaker is a process-wide singleton. This one keeps the
// production grace period; reconnect-grace.test.ts shortens it to watch it run out.
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer({ reconnectSeconds: undefined });
});
afterAll(async () => {
  await game.shutdown();
});

/** Tests join seconds before they drop; the SDK only retries by itself after 5 s of uptime. */
function retryAtOnce(room: GameRoom) {
  room.reconnection.minUptime = 0;
}

describe("dropped sockets, sleeping phones, returning hosts", () => {
  it("a player whose socket drops mid-round shows as disconnected, keeps seat and score, and comes back by itself", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "volunteer" });
    await until(() => bo.room.state.players.get(ana.id)?.score === 620, "Bo sees Ana's score");

    retryAtOnce(ana.room);
    const dropped = new Promise<void>((r) => ana.room.onDrop(() => r()));
    const reconnected = new Promise<void>((r) => ana.room.onReconnect(() => r()));
    // While the SDK is still retrying, the server shows her away; hold the retry back to look.
    ana.room.reconnection.minDelay = 600;
    cutSocket(game, h.code, ana.room.sessionId);
    await dropped;
    await until(() => bo.room.state.players.get(ana.id)?.connected === false, "Bo sees Ana disconnected");
    expect(bo.room.state.players.get(ana.id)!.score).toBe(620);

    await reconnected;
    await until(() => bo.room.state.players.get(ana.id)?.connected === true, "Bo sees Ana back");
    bo.room.send("act", { action: "friend-request", target: ana.id });
    await until(() => ana.inbox().incomingRequests.length === 1, "Ana's private data reaches her again");
    ana.room.send("act", { action: "pay-bill" });
    await until(() => bo.room.state.players.get(ana.id)?.score === 635, "Ana acts again on the same seat");
    expect(h.room.state.players.size).toBe(2);
  });

  it("the grace period defaults to two minutes, long enough for a phone to sleep", async () => {
    const h = await host(game);
    expect(serverRoom(game, h.code).deps.reconnectSeconds).toBe(120);
  });

  it("the host's drop pauses nothing, and the returning host gets the controls back", async () => {
    const h = await host(game, { roundSeconds: 10 });
    const ana = await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round" && ana.room.state.hostConnected, "round with the host present");
    h.room.reconnection.enabled = false;
    const token = h.room.reconnectionToken;
    cutSocket(game, h.code, h.room.sessionId);
    await until(() => !ana.room.state.hostConnected, "Ana sees the host away");
    const before = ana.room.state.secondsLeft;
    await until(() => ana.room.state.secondsLeft < before, "the round's clock runs on while the host is away", 5_000);
    expect(ana.room.state.paused).toBe(false);
    ana.room.send("act", { action: "volunteer" });
    await until(() => ana.room.state.players.get(ana.id)?.score === 620, "players keep playing");

    const back = (await game.sdk.reconnect(token)) as GameRoom;
    await until(() => ana.room.state.hostConnected, "Ana sees the host back");
    back.send("facilitate", { type: "pause" });
    await until(() => ana.room.state.paused, "the returning host pauses");
  });
});
