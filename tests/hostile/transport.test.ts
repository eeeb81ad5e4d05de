import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FRAME_BYTES } from "../../server/app.ts";
import { MAX_BODY_BYTES } from "../../server/http/body-limit.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, joinAs, nextMessage, startTestServer, until, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

async function startedGame() {
  const h = await host(game);
  const ana = await joinAs(game, h.code, "Ana");
  const bo = await joinAs(game, h.code, "Bo");
  h.room.send("facilitate", { type: "start" });
  await until(() => ana.room.state.phase === "round" && bo.room.state.phase === "round", "round");
  return { h, ana, bo };
}

describe("what the transport refuses before the room sees it", () => {
  it("a frame over the size limit closes that socket (1009) and changes nothing for anyone else", async () => {
    const { h, ana, bo } = await startedGame();
    const logged = (await game.store.commands(h.code)).length;
    const closed = new Promise<number>((resolve) => ana.room.onLeave((code) => resolve(code)));
    ana.room.send("act", { action: "volunteer", target: "x".repeat(MAX_FRAME_BYTES + 1_000) });
    expect(await closed).toBe(1009);
    expect((await game.store.commands(h.code)).length).toBe(logged);
    bo.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(bo.id)?.score === 620, "Bo plays on");
    expect(h.room.state.players.get(ana.id)!.score).toBe(600);
  });

  it("a large frame under the limit is only a bad message", async () => {
    const { ana } = await startedGame();
    const err = nextMessage(ana.room, "error");
    ana.room.send("act", { action: "volunteer", target: "x".repeat(MAX_FRAME_BYTES - 1_000) });
    expect(await err).toMatchObject({ code: "bad-message", about: "act" });
    expect((await err).message.length).toBeLessThan(400);
    expect(ana.room.connection.isOpen).toBe(true);
  });

  it("raw garbage bytes on a room socket neither crash the server nor touch the game", async () => {
    const { h, ana, bo } = await startedGame();
    const before = JSON.stringify(serverRoom(game, h.code).gameState);
    const rnd = seededRandom(9);
    for (let i = 0; i < 300 && ana.room.connection.isOpen; i++) {
      const frame = new Uint8Array(1 + Math.floor(rnd() * 200)).map(() => Math.floor(rnd() * 256));
      // The room's own message codes with broken bodies, then anything at all.
      if (i < 100) frame[0] = [13, 14, 15][i % 3];
      ana.room.connection.send(frame);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.stringify(serverRoom(game, h.code).gameState)).toBe(before);
    bo.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(bo.id)?.score === 620, "Bo plays on");
    expect((await fetch(`${game.url}/healthz`)).ok).toBe(true);
  });

  it("an oversized or unsized matchmaking request is refused before anything reads it", async () => {
    const h = await host(game);
    const big = await fetch(`${game.url}/matchmake/joinById/${h.code}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) }),
    });
    expect(big.status).toBe(413);
    const endless = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
      },
    });
    const chunked = await fetch(`${game.url}/matchmake/joinById/${h.code}`, { method: "POST", body: endless, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(411);
    await expect(game.sdk.joinById(h.code, { name: "x".repeat(500) })).rejects.toMatchObject({ code: 4401 });
    await joinAs(game, h.code, "Ana");
  });
});
