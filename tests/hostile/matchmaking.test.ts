import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET } from "../../shared/messages/join-code.ts";
import { JOIN_BURST } from "../../server/limits/address-guard.ts";
import { DEFAULT_SERVER_LIMITS } from "../../server/limits/limits.ts";
import { ROOM_NAME } from "../../shared/messages/messages.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, joinAs, startTestServer, until, type TestGame } from "../helpers/server.ts";
import { readWorded } from "../../shared/messages/worded.ts";

// The production limits: a classroom's whole class comes from this one address.
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer({ serverLimits: DEFAULT_SERVER_LIMITS });
});
afterAll(async () => {
  await game.shutdown();
});

function post(path: string, body: unknown) {
  return fetch(`${game.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** A code no session has: the session's own code with its last character changed. */
function wrongCode(code: string, i: number): string {
  const others = JOIN_CODE_ALPHABET.replace(code[4], "");
  return code.slice(0, 3) + others[i % others.length] + others[Math.floor(i / others.length) % others.length];
}

/** A matchmaking refusal's body with its worded sentence (shared/messages/worded.ts) as the English the person reads. */
const plain = (b: { code: string; error: string }) => ({ ...b, error: readWorded(b.error).message });

describe("a seat only through the join code", () => {
  it("join and joinOrCreate without a code are refused, reveal no session and seat nobody, even beside a locked one", async () => {
    const open = await host(game);
    const locked = await host(game);
    locked.room.send("facilitate", { type: "lock" });
    await until(() => locked.room.state.locked, "the session locked");
    const sdk = new Client(game.url);
    for (const attempt of [() => sdk.join(ROOM_NAME, { name: "Walker" }), () => sdk.joinOrCreate(ROOM_NAME, { name: "Walker" })]) {
      const err = await attempt().then(
        () => undefined,
        (e: { code: number; message: string }) => e,
      );
      expect(err).toMatchObject({ code: 403, message: "Join a session with its join code: this server does not pick a session for you." });
    }
    for (const method of ["join", "joinOrCreate", "create2", "query"]) {
      const res = await post(`/matchmake/${method}/${ROOM_NAME}`, { name: "x" });
      const text = await res.text();
      expect(res.status).toBe(403);
      expect(JSON.parse(text)).toEqual({ code: "code-required", error: expect.stringContaining("join code") });
      expect(text).not.toContain(open.code);
      expect(text).not.toContain(locked.code);
    }
    expect(Object.keys(serverRoom(game, open.code).gameState.players)).toEqual([]);
    expect(Object.keys(serverRoom(game, locked.code).gameState.players)).toEqual([]);
    // The code itself still works.
    await joinAs(game, open.code, "Ana");
  });

  it("a class of 40 behind one address, typing the code at once with a few typos, is not slowed", async () => {
    const h = await host(game);
    const typos = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        new Client(game.url).joinById(wrongCode(h.code, i), { name: `Typo ${i}` }).then(
          () => 0,
          (e: { code: number }) => e.code,
        ),
      ),
    );
    expect(typos).toEqual([522, 522, 522, 522, 522]);
    const seated = await Promise.all(Array.from({ length: 40 }, (_, i) => joinAs(game, h.code, `Student ${i}`)));
    expect(seated.length).toBe(40);
    expect(Object.keys(serverRoom(game, h.code).gameState.players).length).toBe(40);
    for (const s of seated) await s.room.leave();
  });
});

describe("one client asking for seat after seat", () => {
  it("gets at most a class's worth at once, then 4 a second: of 190 requests in a burst, 50 and 4 a second are answered", async () => {
    const h = await host(game);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 190 }, (_, i) => post(`/matchmake/joinById/${h.code}`, { name: `Puppet ${i}` })));
    const seconds = (performance.now() - started) / 1000;
    const reserved = answers.filter((r) => r.status === 200).length;
    expect(reserved).toBeLessThanOrEqual(JOIN_BURST + Math.ceil(seconds * DEFAULT_SERVER_LIMITS.joinsPerAddressPerSecond));
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused.every((r) => r.status === 429)).toBe(true);
    expect(plain(await refused[0].json())).toEqual({
      code: "too-many-joins",
      error: expect.stringMatching(/^Too many seats are being asked for from this network at once\. Try again in (a second|\d+ seconds)\.$/),
    });
    // Reservations nobody connects to seat nobody, and expire.
    expect(Object.keys(serverRoom(game, h.code).gameState.players)).toEqual([]);
  });
});
