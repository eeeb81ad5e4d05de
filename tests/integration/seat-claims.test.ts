import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerMessages } from "../../shared/messages/messages.ts";
import { fold } from "../../shared/rules/fold.ts";
import { makeConfig } from "../../shared/rules/config.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, joinAs, listen, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";
import { readWorded } from "../../shared/messages/worded.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer({ reconnectSeconds: 1 });
});
afterAll(async () => {
  await game.shutdown();
});

/** Maya scores, then her phone is gone past the grace period: her seat waits, offline, at 620. */
async function mayaAway() {
  const h = await host(game);
  const requests: ServerMessages["seat-requests"][] = [];
  h.room.onMessage("seat-requests", (r: ServerMessages["seat-requests"]) => requests.push(r));
  const maya = await joinAs(game, h.code, "Maya");
  const bo = await joinAs(game, h.code, "Bo");
  h.room.send("facilitate", { type: "start" });
  await until(() => maya.room.state.phase === "round", "round");
  maya.room.send("act", { action: "volunteer" });
  await until(() => h.room.state.players.get(maya.id)?.score === 620, "Maya scored");
  await maya.room.leave(true);
  await until(() => h.room.state.players.get(maya.id)?.connected === false, "Maya's phone gone");
  return { h, maya, bo, requests };
}

/** A second phone asking to join: it is let in to wait, and its welcome says so. */
async function ask(code: string, name: string) {
  const sdk = new Client(game.url);
  const room = (await sdk.joinById(code, { name, ask: true })) as GameRoom;
  const heard = listen(room);
  const welcome = await nextMessage(room, "welcome");
  return { room, welcome, heard };
}

function unchanged(h: Awaited<ReturnType<typeof host>>, maya: { id: string }, players: number) {
  expect(h.room.state.players.size).toBe(players);
  expect(h.room.state.players.get(maya.id)).toMatchObject({ connected: false, score: 620 });
}

describe("a seat belongs to its device", () => {
  it("after the grace period the nickname alone, in any letter case, does not get the seat; the PIN shown on her phone does", async () => {
    const { h, maya } = await mayaAway();
    expect(maya.pin).toMatch(/^\d{6}$/);
    for (const name of ["Maya", "MAYA", "maya"]) {
      const refused = await game.sdk.joinById(h.code, { name }).then(
        () => undefined,
        (e: { code: number; message: string }) => ({ code: e.code, ...readWorded(e.message) }),
      );
      // The seat's owner travels as a param, so each phone names her in its own language.
      expect(refused, name).toEqual({
        code: 4420,
        key: "errors.seat.needs-pin",
        params: { name: "Maya" },
        message:
          "Maya's seat is waiting for its owner. Type the rejoin PIN your phone showed when you joined, or ask the facilitator to give you the seat back.",
      });
    }
    const wrong = maya.pin === "000000" ? "111111" : "000000";
    await expect(game.sdk.joinById(h.code, { name: "MAYA", pin: wrong })).rejects.toMatchObject({
      code: 4421,
      message: expect.stringContaining("not the PIN of Maya's seat"),
    });
    await expect(game.sdk.joinById(h.code, { name: "MAYA", pin: "12ab" })).rejects.toMatchObject({ code: 4400 });
    unchanged(h, maya, 2);
    const back = await joinAs(game, h.code, "maya", maya.pin);
    expect(back.id).toBe(maya.id);
    expect(back.room.state.players.get(maya.id)!.score).toBe(620);
  });

  it("five wrong PINs lock the seat's PIN: only the facilitator can give it back", async () => {
    const { h, maya } = await mayaAway();
    const wrong = maya.pin === "000000" ? "111111" : "000000";
    for (let i = 0; i < 4; i++) await expect(game.sdk.joinById(h.code, { name: "Maya", pin: wrong })).rejects.toMatchObject({ code: 4421 });
    await expect(game.sdk.joinById(h.code, { name: "Maya", pin: wrong })).rejects.toMatchObject({
      code: 4421,
      message: expect.stringContaining("only the facilitator"),
    });
    await expect(game.sdk.joinById(h.code, { name: "Maya", pin: maya.pin })).rejects.toMatchObject({
      code: 4421,
      message: expect.stringContaining("only the facilitator"),
    });
    unchanged(h, maya, 2);
  });

  it("'Maya asks for her seat back': the projector lists it, and the facilitator's yes seats that phone; a no closes it with a reason", async () => {
    const { h, maya, requests } = await mayaAway();
    const first = await ask(h.code, "MAYA");
    expect(first.welcome).toMatchObject({ role: "waiting", request: "seat-back" });
    await until(() => requests.at(-1)?.length === 1, "the projector lists the request");
    const [request] = requests.at(-1)!;
    expect(request).toMatchObject({ kind: "seat-back", nickname: "Maya" });
    unchanged(h, maya, 2);

    first.room.send("act", { action: "volunteer" });
    expect(await nextMessage(first.room, "error")).toMatchObject({ code: "not-a-player" });

    const denied = nextMessage(first.room, "error");
    const closed = new Promise<number>((resolve) => first.room.onLeave((code: number) => resolve(code)));
    h.room.send("answer-request", { id: request.id, allow: false });
    expect(await denied).toMatchObject({ code: "request-denied", message: "The facilitator did not give you Maya's seat." });
    expect(await closed).toBe(4020);
    await until(() => requests.at(-1)?.length === 0, "the request is gone from the projector");
    unchanged(h, maya, 2);

    const second = await ask(h.code, "maya");
    await until(() => requests.at(-1)?.length === 1, "listed again");
    const welcome = nextMessage(second.room, "welcome");
    h.room.send("answer-request", { id: requests.at(-1)![0].id, allow: true });
    expect(await welcome).toMatchObject({ role: "player", playerId: maya.id });
    await until(() => h.room.state.players.get(maya.id)?.connected === true, "Maya back on her seat");
    expect(h.room.state.players.size).toBe(2);

    const stale = nextMessage(h.room, "error");
    h.room.send("answer-request", { id: request.id, allow: true });
    expect(await stale).toMatchObject({ code: "unknown-request", about: "answer-request" });
  });

  it("a removed player's score waits for the PIN too, or the facilitator's yes", async () => {
    const { h, maya, requests } = await mayaAway();
    h.room.send("facilitate", { type: "remove", player: maya.id });
    await until(() => !h.room.state.players.has(maya.id), "Maya removed");
    await expect(game.sdk.joinById(h.code, { name: "maya" })).rejects.toMatchObject({ code: 4420, message: expect.stringContaining("rejoin PIN") });
    expect(h.room.state.players.size).toBe(1);
    const phone = await ask(h.code, "MAYA");
    expect(phone.welcome).toMatchObject({ role: "waiting", request: "seat-back" });
    await until(() => requests.at(-1)?.length === 1, "listed");
    const welcome = nextMessage(phone.room, "welcome");
    h.room.send("answer-request", { id: requests.at(-1)![0].id, allow: true });
    expect(await welcome).toMatchObject({ role: "player", playerId: maya.id, pin: expect.stringMatching(/^\d{6}$/) });
    await until(() => h.room.state.players.get(maya.id)?.score === 620, "Maya back at 620");
  });

  it("only a facilitator may answer a request", async () => {
    const { h, maya, bo, requests } = await mayaAway();
    await ask(h.code, "Maya");
    await until(() => requests.at(-1)?.length === 1, "listed");
    const err = nextMessage(bo.room, "error");
    bo.room.send("answer-request", { id: requests.at(-1)![0].id, allow: true });
    expect(await err).toMatchObject({ code: "not-host" });
    unchanged(h, maya, 2);
  });

  it("a token reused while its owner is connected is refused, and the owner keeps playing", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const thief = new Client(game.url);
    await expect(
      thief.reconnect(ana.room.reconnectionToken).catch((e: { code: number; message: string }) => {
        throw { code: e.code, ...readWorded(e.message) };
      }),
    ).rejects.toMatchObject({
      code: 409,
      message: "This seat is in use on another device, and stays there. Join with a nickname of your own.",
      key: "errors.code.seat-in-use",
    });
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(ana.id)?.score === 620, "Ana still plays");
    expect(h.room.state.players.get(ana.id)?.connected).toBe(true);
    expect(serverRoom(game, h.code).clients.length).toBe(2);
  });
});

describe("the facilitator admits a refused name with one click", () => {
  it("Anȧ beside Ana is refused, asks, and is seated once the facilitator says yes; the log replays it", async () => {
    const h = await host(game);
    const requests: ServerMessages["seat-requests"][] = [];
    h.room.onMessage("seat-requests", (r: ServerMessages["seat-requests"]) => requests.push(r));
    await joinAs(game, h.code, "Ana");
    await expect(game.sdk.joinById(h.code, { name: "Anȧ" })).rejects.toMatchObject({ code: 4411 });
    const phone = await ask(h.code, "Anȧ");
    expect(phone.welcome).toMatchObject({ role: "waiting", request: "admit" });
    await until(() => requests.at(-1)?.length === 1, "listed");
    // The reason names the other player as a param, so a projector in any language words it.
    expect(requests.at(-1)![0]).toMatchObject({
      kind: "admit",
      nickname: "Anȧ",
      reason: expect.stringContaining('looks like "Ana"'),
      reasonKey: "errors.rule.nickname-lookalike",
      params: { name: "Ana" },
    });
    // Asking seats nobody: the log has Ana's join alone, and the projector shows Ana alone.
    expect((await game.store.commands(h.code)).filter((e) => e.command.kind === "join")).toHaveLength(1);
    await until(() => h.room.state.players.size === 1, "Ana on the projector");
    const welcome = nextMessage(phone.room, "welcome");
    h.room.send("answer-request", { id: requests.at(-1)![0].id, allow: true });
    const seated = await welcome;
    expect(seated).toMatchObject({ role: "player", playerId: expect.any(String), pin: expect.stringMatching(/^\d{6}$/) });
    await until(() => h.room.state.players.get(seated.playerId!)?.nickname === "Anȧ", "Anȧ on the projector");
    const log = await game.store.commands(h.code);
    expect(log.at(-1)?.command).toMatchObject({ kind: "join", nickname: "Anȧ", admitted: true });
    const replayed = fold(
      makeConfig(),
      7,
      log.map((e) => e.command),
    );
    expect(Object.values(replayed.players).map((p) => p.nickname)).toEqual(["Ana", "Anȧ"]);
  });

  it("asking does not get round the other checks: an ordinary refusal is still a refusal", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "remove", player: ana.id, ban: true });
    await until(() => serverRoom(game, h.code).gameState.bannedNicknames.length === 1, "Ana removed with a ban");
    await expect(game.sdk.joinById(h.code, { name: "ANA", ask: true })).rejects.toMatchObject({ code: 4403 });
  });
});
