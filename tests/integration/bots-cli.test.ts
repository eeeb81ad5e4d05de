import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fold } from "../../shared/rules/fold.ts";
import { host, startTestServer, until, type TestGame } from "../helpers/server.ts";

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
    const { stdout, stderr } = await run(
      "npx",
      ["tsx", "server/bots/cli.ts", "--url", game.url, "--players", "8", "--rounds", "2", "--round-seconds", "10", "--seed", "5", "--act-every-ms", "400"],
      { timeout: 90_000 },
    );
    const lines = stdout.trim().split("\n");
    const result = JSON.parse(lines[lines.length - 1]);
    expect(result).toMatchObject({ players: 8, rounds: 2 });
    expect(result.code).toMatch(/^[A-Z2-9]{5}$/);
    expect(result.hostKey).toBeTypeOf("string");
    expect(result.actions).toBeGreaterThan(8);
    expect(Object.keys(result.scores)).toHaveLength(8);
    expect(stderr).toContain("Round 2/2");

    const meta = (await game.store.get(result.code))!;
    const final = fold(
      meta.config,
      meta.seed,
      (await game.store.commands(result.code)).map((e) => e.command),
    );
    expect(final.phase).toBe("ended");
    const byName = Object.fromEntries(Object.values(final.players).map((p) => [p.nickname, p.score]));
    expect(byName).toEqual(result.scores);
  }, 120_000);

  it("follows the facilitator's change of the number of rounds in its progress lines", async () => {
    const h = await host(game, { rounds: 2, roundSeconds: 600 });
    const bots = spawn("npx", ["tsx", "server/bots/cli.ts", "--url", game.url, "--code", h.code, "--players", "3", "--seed", "3", "--act-every-ms", "500"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    bots.stderr.on("data", (d) => (stderr += d));
    bots.stdout.on("data", (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => bots.on("exit", resolve));
    const said = (line: string) => until(() => stderr.includes(line), `the bots to say "${line}"`, 60_000);
    try {
      await said("Joined 3/3 players");
      h.room.send("facilitate", { type: "start" });
      await said("Round 1/2");
      h.room.send("facilitate", { type: "settings", rounds: 3 });
      await said("The facilitator set 3 rounds: round 1/3");
      h.room.send("facilitate", { type: "next-round" });
      await said("Round 2/3");
      h.room.send("facilitate", { type: "next-round" });
      await said("Round 3/3");
      h.room.send("facilitate", { type: "end" });
      expect(await exited).toBe(0);
    } finally {
      bots.kill();
      await h.room.leave();
    }
    expect(stderr).not.toContain("Round 2/2");
    const lines = stdout.trim().split("\n");
    expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ code: h.code, players: 3, rounds: 3 });
  }, 120_000);
});
