import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import { ROOM_NAME } from "../../shared/messages/messages.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, joinAs, startTestServer, until, type TestGame } from "../helpers/server.ts";
import { readWorded } from "../../shared/messages/worded.ts";

// Small numbers so that a test reaches each limit; the defaults are in server/limits/limits.ts.
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer({
    serverLimits: {
      liveSessions: 2,
      sessionsPerAddressPerHour: 4,
      seatsPerAddress: 3,
      seatReservationSeconds: 4,
      floodPauseSeconds: 2,
      joinsPerAddressPerSecond: 100,
      wrongCodesPerAddressPerMinute: 100,
    },
  });
});
afterAll(async () => {
  await game.shutdown();
});

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { code: number; message: string }) => ({ code: e.code, message: readWorded(e.message).message }),
  );

let first: Awaited<ReturnType<typeof host>>;
const seated: Awaited<ReturnType<typeof joinAs>>[] = [];

/** A matchmaking refusal's body with its worded sentence (shared/messages/worded.ts) as the English the person reads. */
const plain = (b: { code: string; error: string }) => ({ ...b, error: readWorded(b.error).message });

describe("sessions", () => {
  it("a process runs at most its live sessions; a session nobody joined is deleted when its room closes", async () => {
    first = await host(game);
    const second = await host(game);
    const stored = (await game.store.list({})).length;
    expect(await refusal(game.sdk.create(ROOM_NAME, {}))).toEqual({
      code: 503,
      message: "This server is running 2 sessions, the most it takes at once. Try again when one has ended.",
    });
    // Over HTTP the refusal names its code, as every refusal does.
    const full = await fetch(`${game.url}/matchmake/create/${ROOM_NAME}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(full.status).toBe(503);
    expect(plain(await full.json())).toEqual({
      code: "server-full",
      error: "This server is running 2 sessions, the most it takes at once. Try again when one has ended.",
    });
    expect((await game.store.list({})).length).toBe(stored);
    await second.room.leave(true);
    await until(async () => (await game.store.get(second.code)) === undefined, "the empty session gone from the store", 10_000);
    const third = await host(game);
    await third.room.leave(true);
    await until(() => game.colyseus.getRoomById(third.code) === undefined, "the third room closed", 10_000);
  });

  it("one address creates at most its sessions an hour; a refused or failed create does not count", async () => {
    // Three creates so far; a bad one is refused for its options and uses none.
    expect(await refusal(game.sdk.create(ROOM_NAME, { rounds: "many" }))).toMatchObject({ code: 400 });
    const fourth = await host(game);
    await fourth.room.leave(true);
    await until(() => game.colyseus.getRoomById(fourth.code) === undefined, "the fourth room closed", 10_000);
    const stored = (await game.store.list({})).length;
    const res = await fetch(`${game.url}/matchmake/create/${ROOM_NAME}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(600);
    const body = await res.json();
    // Each screen words it in its own language from the key and its params.
    expect(readWorded(body.error)).toMatchObject({ key: "errors.limit.too-many-sessions", params: { max: 4, unit: "minutes" } });
    expect(plain(body)).toEqual({
      code: "too-many-sessions",
      error: expect.stringMatching(
        /^This network has started 4 sessions within the hour, the most this server allows\. Try again in \d+ minutes, or keep using a session you already have\.$/,
      ),
    });
    expect((await game.store.list({})).length).toBe(stored);
  });
});

describe("seats", () => {
  it("one address holds at most its seats in a session; the refusal has its code and sentence and seats nobody", async () => {
    for (const name of ["Ana", "Bo", "Cy"]) seated.push(await joinAs(game, first.code, name));
    expect(await refusal(new Client(game.url).joinById(first.code, { name: "Dee" }))).toEqual({
      code: 4413,
      message: "Your network already holds 3 seats in this session, the most one network may hold. Ask the facilitator to clear offline seats.",
    });
    expect(Object.values(serverRoom(game, first.code).gameState.players).map((p) => p.nickname)).toEqual(["Ana", "Bo", "Cy"]);
  });

  it("a seat reserved and never taken expires", async () => {
    const res = await fetch(`${game.url}/matchmake/joinById/${first.code}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ghost" }),
    });
    expect(res.status).toBe(200);
    const { sessionId } = (await res.json()) as { sessionId: string };
    const room = serverRoom(game, first.code);
    expect(room.hasReservedSeat(sessionId)).toBe(true);
    await until(() => !room.hasReservedSeat(sessionId), "the reservation expired", 10_000);
  });
});

describe("a client cut off for flooding", () => {
  it("keeps its address from new seats, and from coming back by reconnection token, for a while, with a code and a sentence; then both open again", async () => {
    const cy = seated[2].room;
    const closed = new Promise<number>((resolve) => cy.onLeave((code) => resolve(code)));
    for (let i = 0; i < 60; i++) cy.send("act", { action: "volunteer" });
    expect(await closed).toBe(CLOSE_CODES.flooding);
    const res = await fetch(`${game.url}/matchmake/joinById/${first.code}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Cy" }),
    });
    expect(res.status).toBe(429);
    expect(plain(await res.json())).toEqual({
      code: "cooling-down",
      error: expect.stringMatching(/^A device on this network was disconnected for flooding the game\. New seats open again in (a second|2 seconds)\.$/),
    });
    // Nor straight back through its reconnection token, by the SDK or by a WebSocket of its own: the loop that rejoining was.
    const token = cy.reconnectionToken;
    expect(await refusal(new Client(game.url).reconnect(token))).toEqual({
      code: 429,
      message: expect.stringMatching(
        /^A device on this network was disconnected for flooding the game\. Returning to a seat opens again in (a second|2 seconds)\.$/,
      ),
    });
    const [roomId, secret] = token.split(":");
    const ws = new WebSocket(`${game.url.replace("http", "ws")}/${matchMaker.processId}/${roomId}?sessionId=${cy.sessionId}&reconnectionToken=${secret}`);
    expect(await new Promise((resolve) => ws.on("unexpected-response", (_req, res) => resolve(res.statusCode)))).toBe(429);
    await until(
      async () =>
        (
          await fetch(`${game.url}/matchmake/joinById/${first.code}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name: "Cy" }),
          })
        ).status === 200,
      "seats open again",
      5_000,
    );
    // Once the pause is over, the token brings its player back to the same seat.
    const back = await new Client(game.url).reconnect(token);
    expect(serverRoom(game, first.code).playerOf(back.sessionId)).toBe(seated[2].id);
    await back.leave(false);
  });
});

describe("clearing offline seats", () => {
  it("removes every seat nobody is connected to, in the log, and makes room for new players", async () => {
    const room = serverRoom(game, first.code);
    await until(() => first.room.state.players.get(seated[2].id)?.connected === false, "Cy shown offline");
    const logged = (await game.store.commands(first.code)).length;
    first.room.send("facilitate", { type: "clear-offline" });
    await until(() => first.room.state.players.size === 2, "the offline seat cleared");
    expect(Object.values(room.gameState.players).map((p) => p.nickname)).toEqual(["Ana", "Bo"]);
    const removals = (await game.store.commands(first.code)).slice(logged).map((e) => e.command);
    expect(removals).toEqual([{ kind: "facilitate", at: expect.any(Number), command: { type: "remove", player: seated[2].id } }]);
    // A player may not send it; the room says so and changes nothing.
    const refused = new Promise<{ code: string }>((resolve) => seated[0].room.onMessage("error", resolve));
    seated[0].room.send("facilitate", { type: "clear-offline" });
    expect(await refused).toMatchObject({ code: "not-host" });
    await joinAs(game, first.code, "Dee");
  });
});
