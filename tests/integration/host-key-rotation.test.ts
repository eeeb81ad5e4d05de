import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashHostKey } from "../../server/rooms/host-key.ts";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

describe("rotating the host key", () => {
  it("the screen that rotates gets the new key; every other facilitator screen is signed out and told why; the old key opens nothing", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const projector = (await game.sdk.joinById(h.code, { hostKey: h.hostKey })) as GameRoom;
    await nextMessage(projector, "welcome");
    const told = nextMessage(projector, "error");
    const closed = new Promise<number>((resolve) => projector.onLeave((code: number) => resolve(code)));
    const fresh = nextMessage(h.room, "host-key");
    h.room.send("rotate-host-key");
    const { hostKey } = await fresh;
    expect(hostKey).not.toBe(h.hostKey);
    expect(await told).toMatchObject({ code: "host-key-changed", message: expect.stringContaining("signed out"), about: "host" });
    expect(await closed).toBe(4021);

    expect((await game.store.get(h.code))?.hostKeyHash).toBe(hashHostKey(hostKey));
    await expect(game.sdk.joinById(h.code, { hostKey: h.hostKey })).rejects.toMatchObject({ code: 4406 });
    const api = await fetch(`${game.url}/api/sessions`, { headers: { authorization: `Bearer ${h.hostKey}` } });
    expect(api.status, "the old key lists nothing").toBe(403);
    const listed = await fetch(`${game.url}/api/sessions`, { headers: { authorization: `Bearer ${hostKey}` } });
    expect((await listed.json()).sessions.map((s: { code: string }) => s.code)).toEqual([h.code]);
    const again = (await game.sdk.joinById(h.code, { hostKey })) as GameRoom;
    expect(await nextMessage(again, "welcome")).toMatchObject({ role: "host" });

    // The rotating screen keeps its controls, and nothing else changed.
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "the rotating screen still runs the game");
    expect(h.room.state.players.size).toBe(1);
  });

  it("a player cannot rotate the key", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const err = nextMessage(ana.room, "error");
    ana.room.send("rotate-host-key");
    expect(await err).toMatchObject({ code: "not-host", about: "rotate-host-key" });
    expect((await game.store.get(h.code))?.hostKeyHash).toBe(hashHostKey(h.hostKey));
  });
});
