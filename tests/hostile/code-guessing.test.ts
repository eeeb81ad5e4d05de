import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET } from "../../shared/messages/join-code.ts";
import { DEFAULT_SERVER_LIMITS } from "../../server/limits/limits.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, startTestServer, until, type TestGame } from "../helpers/server.ts";

// The production limits, on a server of its own: nothing else here spends this address' allowance.
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

/** A code no session has: the session's own code with its last two characters changed. */
function wrongCode(code: string, i: number): string {
  const others = JOIN_CODE_ALPHABET.replace(code[4], "");
  return code.slice(0, 3) + others[i % others.length] + others[Math.floor(i / others.length) % others.length];
}

describe("join-code guessing from one address", () => {
  it("is answered until the allowance of wrong codes is spent, then waits, right code or not; other sessions are untouched", async () => {
    const h = await host(game);
    const before = JSON.stringify(serverRoom(game, h.code).gameState);
    const allowance = DEFAULT_SERVER_LIMITS.wrongCodesPerAddressPerMinute;
    // A burst of parallel guesses gets the allowance answered and no more.
    const answers = await Promise.all(Array.from({ length: 3 * allowance }, (_, i) => post(`/matchmake/joinById/${wrongCode(h.code, 100 + i)}`, { name: "Guess" })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 522).length).toBe(allowance);
    expect(statuses.filter((s) => s !== 522).every((s) => s === 429)).toBe(true);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      code: "too-many-wrong-codes",
      error: expect.stringMatching(/^Too many wrong join codes from this network\. Check the code on the projector and try again in (a second|\d+ seconds)\.$/),
    });
    // The right code waits too: a guesser cannot tell a hit by a different answer.
    const right = await new Client(game.url).joinById(h.code, { name: "Late" }).then(() => 0, (e: { code: number }) => e.code);
    expect(right).toBe(429);
    expect(JSON.stringify(serverRoom(game, h.code).gameState)).toBe(before);
    // One wrong code comes back every 3 s (20 a minute): the class carries on.
    await until(async () => (await post(`/matchmake/joinById/${h.code}`, { name: "Late" })).status === 200, "a seat request answered again", 10_000);
  });
});
