import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startGameProcess, type GameProcess } from "../helpers/game-process.ts";
import { until } from "../helpers/server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
let server: GameProcess | undefined;
afterAll(async () => {
  await server?.stop();
});

it("the bots CLI ends with its JSON summary and a non-zero exit when its server goes away", { timeout: 180_000 }, async () => {
  server = await startGameProcess("bots-gone", {});
  const cli = spawn(
    process.execPath,
    ["--import", "tsx", "server/bots/cli.ts", "--url", server.url, "--players", "4", "--rounds", "3", "--round-seconds", "600", "--give-up-after-s", "3"],
    { cwd: ROOT },
  );
  let stdout = "";
  let stderr = "";
  cli.stdout.on("data", (d) => (stdout += d));
  cli.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((done) => cli.once("exit", (code) => done(code)));
  await until(() => stderr.includes("Round 1/3"), "the bots playing", 90_000);

  await server.kill();
  const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r("still running"), 60_000))]);
  expect(code).toBe(1);
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!);
  expect(result).toMatchObject({ players: 4, ended: false });
  expect(result.reason).toBe(`The server at ${server.url} went away before the game ended; the scores are the last the bots were shown.`);
  expect(Object.keys(result.scores)).toHaveLength(4);
});
