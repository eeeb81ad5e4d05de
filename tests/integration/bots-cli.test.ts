import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fold } from "../../shared/rules/fold.ts";
import { startTestServer, type TestGame } from "../helpers/server.ts";

const run = promisify(execFile);
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

describe("npm run bots", () => {
  it("hosts a session, plays every round and prints one JSON line the log agrees with", async () => {
    const { stdout, stderr } = await run("npx", ["tsx", "server/bots/cli.ts", "--url", game.url, "--players", "8", "--rounds", "2", "--round-seconds", "10", "--seed", "5", "--act-every-ms", "400"], { timeout: 90_000 });
    const lines = stdout.trim().split("\n");
    const result = JSON.parse(lines[lines.length - 1]);
    expect(result).toMatchObject({ players: 8, rounds: 2 });
    expect(result.code).toMatch(/^[A-Z2-9]{5}$/);
    expect(result.hostKey).toBeTypeOf("string");
    expect(result.actions).toBeGreaterThan(8);
    expect(Object.keys(result.scores)).toHaveLength(8);
    expect(stderr).toContain("Round 2/2");

    const meta = (await game.store.get(result.code))!;
    const final = fold(meta.config, meta.seed, (await game.store.commands(result.code)).map((e) => e.command));
    expect(final.phase).toBe("ended");
    const byName = Object.fromEntries(Object.values(final.players).map((p) => [p.nickname, p.score]));
    expect(byName).toEqual(result.scores);
  }, 120_000);
});
