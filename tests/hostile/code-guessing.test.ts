import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET } from "../../shared/messages/join-code.ts";
import { DEFAULT_SERVER_LIMITS } from "../../server/limits/limits.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, startTestServer, until, type TestGame } from "../helpers/server.ts";
import { readWorded } from "../../shared/messages/worded.ts";

// The production limits, on a server of its own: nothing else here spends this address' allowance.
// Behind a trusted proxy, so each case below plays from an address of its own (X-Forwarded-For).
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer({ serverLimits: { ...DEFAULT_SERVER_LIMITS, trustProxy: true } });
});
afterAll(async () => {
  await game.shutdown();
});

function post(path: string, body: unknown, from?: string) {
  const headers: Record<string, string> = { "content-type": "application/json", ...(from ? { "x-forwarded-for": from } : {}) };
  return fetch(`${game.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

/** `count` requests one after another, as the audit sent them; their statuses, and how long they took. */
async function oneByOne(count: number, ask: (i: number) => Promise<Response>): Promise<{ statuses: number[]; seconds: number }> {
  const started = Date.now();
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await ask(i)).status);
  return { statuses, seconds: (Date.now() - started) / 1000 };
}

/** The allowance, and one more for every 3 s a run took (20 a minute come back). */
function allowanceOver(seconds: number): number {
  return DEFAULT_SERVER_LIMITS.wrongCodesPerAddressPerMinute + Math.ceil(seconds / 3);
}

/** A code no session has: the session's own code with its last two characters changed. */
function wrongCode(code: string, i: number): string {
  const others = JOIN_CODE_ALPHABET.replace(code[4], "");
  return code.slice(0, 3) + others[i % others.length] + others[Math.floor(i / others.length) % others.length];
}

/** A matchmaking refusal's body with its worded sentence (shared/messages/worded.ts) as the English the person reads. */
const plain = (b: { code: string; error: string }) => ({ ...b, error: readWorded(b.error).message });

describe("join-code guessing from one address", () => {
  it("is answered until the allowance of wrong codes is spent, then waits, right code or not; other sessions are untouched", async () => {
    const h = await host(game);
    const before = JSON.stringify(serverRoom(game, h.code).gameState);
    const allowance = DEFAULT_SERVER_LIMITS.wrongCodesPerAddressPerMinute;
    // A burst of parallel guesses gets the allowance answered and no more.
    const answers = await Promise.all(
      Array.from({ length: 3 * allowance }, (_, i) => post(`/matchmake/joinById/${wrongCode(h.code, 100 + i)}`, { name: "Guess" })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 522).length).toBe(allowance);
    expect(statuses.filter((s) => s !== 522).every((s) => s === 429)).toBe(true);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(plain(await refused.json())).toEqual({
      code: "too-many-wrong-codes",
      error: expect.stringMatching(/^Too many wrong join codes from this network\. Check the code on the projector and try again in (a second|\d+ seconds)\.$/),
    });
    // The right code waits too: a guesser cannot tell a hit by a different answer.
    const right = await new Client(game.url).joinById(h.code, { name: "Late" }).then(
      () => 0,
      (e: { code: number }) => e.code,
    );
    expect(right).toBe(429);
    expect(JSON.stringify(serverRoom(game, h.code).gameState)).toBe(before);
    // One wrong code comes back every 3 s (20 a minute): the class carries on.
    await until(async () => (await post(`/matchmake/joinById/${h.code}`, { name: "Late" })).status === 200, "a seat request answered again", 10_000);
  });
});

describe("join-code guessing through a resume or a reconnection", () => {
  it("a resume with a wrong code is a wrong code, a wrong key for a real code is answered the same, and the right code waits too once they are spent", async () => {
    const h = await host(game);
    const meta = (await game.store.get(h.code))!;
    // Both wrong, from an address that has guessed nothing: one answer, whichever part was wrong.
    const unknownCode = await post("/matchmake/create/classroom", { resume: wrongCode(h.code, 1), hostKey: h.hostKey }, "203.0.113.10");
    const wrongKey = await post("/matchmake/create/classroom", { resume: h.code, hostKey: "not-the-key" }, "203.0.113.10");
    expect([unknownCode.status, wrongKey.status]).toEqual([404, 404]);
    const said = [(await unknownCode.json()).error, (await wrongKey.json()).error].map((m: string) => m.replace(/code \w{5}/, "code ?"));
    expect(said[0]).toBe("There is no stored session with the code ? and that host key. Check both.");
    expect(said[1]).toBe(said[0]);

    const guesser = "203.0.113.11";
    const run = await oneByOne(100, (i) => post("/matchmake/create/classroom", { resume: wrongCode(h.code, 200 + i), hostKey: h.hostKey }, guesser));
    const found = run.statuses.filter((s) => s === 404).length;
    expect(run.statuses.slice(0, DEFAULT_SERVER_LIMITS.wrongCodesPerAddressPerMinute).every((s) => s === 404)).toBe(true);
    expect(found).toBeLessThanOrEqual(allowanceOver(run.seconds));
    expect(run.statuses.filter((s) => s !== 404).every((s) => s === 429)).toBe(true);
    const refused = await post("/matchmake/create/classroom", { resume: h.code, hostKey: h.hostKey }, guesser);
    expect(refused.status).toBe(429);
    expect(readWorded((await refused.json()).error).message).toMatch(
      /^Too many wrong join codes from this network\. Check the code on the projector and try again in (a second|\d+ seconds)\.$/,
    );
    // Nothing changed: the session still runs under its key, and its class joins from elsewhere.
    expect((await game.store.get(h.code))?.hostKeyHash).toBe(meta.hostKeyHash);
    expect((await post(`/matchmake/joinById/${h.code}`, { name: "Ana" }, "203.0.113.12")).status).toBe(200);
    await until(async () => (await post(`/matchmake/joinById/${h.code}`, { name: "Late" }, guesser)).status === 200, "a seat request answered again", 10_000);
  });

  it("a reconnection to a wrong code is a wrong code; once they are spent, the right code waits too", async () => {
    const h = await host(game);
    const guesser = "203.0.113.21";
    const run = await oneByOne(100, (i) => post(`/matchmake/reconnect/${wrongCode(h.code, 300 + i)}`, { reconnectionToken: "x" }, guesser));
    const notFound = run.statuses.filter((s) => s === 522).length;
    expect(run.statuses.slice(0, DEFAULT_SERVER_LIMITS.wrongCodesPerAddressPerMinute).every((s) => s === 522)).toBe(true);
    expect(notFound).toBeLessThanOrEqual(allowanceOver(run.seconds));
    expect(run.statuses.filter((s) => s !== 522).every((s) => s === 429)).toBe(true);
    const right = await post(`/matchmake/reconnect/${h.code}`, { reconnectionToken: "x" }, guesser);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await right.json()).code).toBe("too-many-wrong-codes");
    await until(async () => (await post(`/matchmake/joinById/${h.code}`, { name: "Late" }, guesser)).status === 200, "a seat request answered again", 10_000);
  });

  it("a session's lesson kit asked for by wrong codes is a wrong code too: it is no free oracle of which codes exist", async () => {
    const h = await host(game);
    const guesser = "203.0.113.41";
    const get = (code: string) => fetch(`${game.url}/api/guides/session/${code}`, { headers: { "x-forwarded-for": guesser } });
    expect((await get(h.code)).status).toBe(200);
    const run = await oneByOne(100, (i) => get(wrongCode(h.code, 500 + i)));
    expect(run.statuses.slice(0, DEFAULT_SERVER_LIMITS.wrongCodesPerAddressPerMinute).every((s) => s === 404)).toBe(true);
    expect(run.statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(allowanceOver(run.seconds));
    expect(run.statuses.filter((s) => s !== 404).every((s) => s === 429)).toBe(true);
    const right = await get(h.code);
    expect(right.status).toBe(429);
    expect((await right.json()).error.code).toBe("too-many-wrong-codes");
  });

  it("the code of a stored session that is not running is not a wrong code: a class waiting for its facilitator keeps asking", async () => {
    const h = await host(game);
    const waiting = wrongCode(h.code, 400);
    await game.store.createSession({ ...(await game.store.get(h.code))!, code: waiting });
    const classroom = "203.0.113.31";
    // 40 phones, each trying its reconnection and then its seat: four times 20, and none slowed.
    const asked = await oneByOne(80, (i) =>
      i % 2 === 0
        ? post(`/matchmake/reconnect/${waiting}`, { reconnectionToken: `${waiting}:t${i}` }, classroom)
        : post(`/matchmake/joinById/${waiting}`, { name: `P${i}` }, classroom),
    );
    expect(asked.statuses.filter((s) => s !== 522)).toEqual([]);
    expect((await post(`/matchmake/joinById/${h.code}`, { name: "Ana" }, classroom)).status).toBe(200);
  });
});
