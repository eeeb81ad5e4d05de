import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

// What docs/PROTOCOL.md says, as a client written from it would check.
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

async function answer(room: GameRoom, type: string, message: unknown) {
  const error = nextMessage(room, "error");
  room.send(type, message);
  return error;
}

describe("docs/PROTOCOL.md, exactly", () => {
  it("a nickname over 20 characters, however long, is nickname-invalid (4401) with a sentence about its length", async () => {
    const h = await host(game);
    for (const length of [21, 201, 5000]) {
      await expect(new Client(game.url).joinById(h.code, { name: "a".repeat(length) })).rejects.toMatchObject({
        code: 4401,
        message: expect.stringContaining("20 characters"),
      });
    }
  });

  it("a value outside the range every session shares is bad-message naming the field; one this session's rules refuse is their own code", async () => {
    const h = await host(game, { scenario: "citizen-score-2015" });
    const ana = await joinAs(game, h.code, "Ana");
    expect(await answer(h.room, "facilitate", { type: "settings", rounds: 0 })).toMatchObject({
      code: "bad-message",
      message: 'Problem with "rounds": Too small: expected number to be >=1.',
    });
    expect(await answer(h.room, "facilitate", { type: "rule-change", change: { rule: "friend-weight", value: 5 } })).toMatchObject({
      code: "bad-message",
      message: expect.stringContaining('"change.value"'),
    });
    expect(await answer(h.room, "facilitate", { type: "audit", share: 5, points: 30 })).toMatchObject({
      code: "bad-message",
      message: expect.stringContaining('"share"'),
    });
    expect(await answer(h.room, "facilitate", { type: "rule-change", change: { rule: "threshold", threshold: "visaAt", value: 5000 } })).toMatchObject({
      code: "bad-change",
      message: "The new value must be between 350 and 951.",
    });
    expect(await answer(h.room, "facilitate", { type: "ban-topic", topic: "nope" })).toMatchObject({ code: "bad-topic" });
    expect(await answer(ana.room, "ballot", { stage: "start", answer: 99 })).toMatchObject({
      code: "bad-message",
      message: expect.stringContaining('"answer"'),
    });
    expect(await answer(ana.room, "ballot", { stage: "start", answer: 19 })).toMatchObject({ code: "bad-option" });
    expect(await answer(ana.room, "vote", { option: "nope" })).toMatchObject({ code: "no-vote" });
  });

  it("40 messages within a second keep the connection; the 41st within that second closes it with 4429", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    ana.room.onMessage("error", () => undefined);
    for (let i = 0; i < 39; i++) ana.room.send("act", { action: "volunteer" });
    // The 40th is answered (rate-limited, past the bucket's burst of 16): the socket is still open.
    expect((await answer(ana.room, "nonsense", {})).code).toBe("rate-limited");
    expect(ana.room.connection.isOpen).toBe(true);
    const bo = await joinAs(game, h.code, "Bo");
    const closed = new Promise<number>((resolve) => bo.room.onLeave((code) => resolve(code)));
    bo.room.onMessage("error", () => undefined);
    for (let i = 0; i < 41; i++) bo.room.send("act", { action: "volunteer" });
    expect(await closed).toBe(CLOSE_CODES.flooding);
  });

  it("/healthz answers { ok: true }; every HTTP error body is { error: { code, message } } outside matchmaking", async () => {
    expect(await (await fetch(`${game.url}/healthz`)).json()).toEqual({ ok: true });
    const tooBig = await fetch(`${game.url}/api/scenarios/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "x".repeat(70_000) }),
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({ error: { code: "too-large", message: "Request bodies are limited to 64 KiB." } });
    const nowhere = await fetch(`${game.url}/no/such/page`);
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toEqual({ error: { code: "not-found", message: "There is nothing at this address." } });
    const link = await fetch(`${game.url}/api/join-link?code=nope`);
    expect(await link.json()).toEqual({ error: { code: "bad-request", message: "A join code is 5 letters and digits, such as K7QPX." } });
  });

  it("while scores are their owners' own, a lookup sees only a score its owner shows", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    h.room.send("facilitate", { type: "visibility", mode: "owner" });
    await until(() => ana.room.state.visibility === "owner" && ana.room.state.phase === "round", "owner mode, in a round");
    expect(await answer(ana.room, "act", { action: "lookup", target: bo.id })).toEqual({
      code: "scores-hidden",
      message: "Bo has not shown their score: while scores are private, only a score its owner shows can be looked up.",
      about: "act",
      // The sentence's key and its name, so a phone in another language words it itself.
      reason: "score-not-shown",
      params: { name: "Bo" },
    });
    bo.room.send("show-score", { on: true });
    await until(() => ana.room.state.players.get(bo.id)?.showsScore === true, "Bo shows his score");
    const result = nextMessage(ana.room, "lookup-result");
    ana.room.send("act", { action: "lookup", target: bo.id });
    expect(await result).toMatchObject({ target: bo.id, score: 600 });
  });
});
