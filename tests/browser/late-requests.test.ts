import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { expect, it } from "vitest";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import type { TestGame } from "../helpers/server.ts";
import { DEFAULT_SERVER_LIMITS } from "../../server/limits/limits.ts";

// The production limits: latecomers ask first. 15 puppet seats arriving mid-round, as the attack.
let game: TestGame;
let tb: TestBrowser;
browserGame({ serverLimits: DEFAULT_SERVER_LIMITS }, (g, b) => {
  game = g;
  tb = b;
});
const WAIT = { timeout: 30_000 };
it("15 puppet seats arriving mid-round show as three cards and a count on the projector, and one click says No to all of them", async () => {
  const projector = await tb.page("projector", { width: 1920, height: 1080 });
  await projector.goto(`${game.url}/host`);
  await projector.getByTestId("create-button").click();
  await expect.poll(() => projector.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
  const code = (await projector.getByTestId("join-code").textContent())!;
  await new Client(game.url).joinById(code, { name: "Ana" });
  await expect.poll(() => projector.getByTestId("start-button").isEnabled(), WAIT).toBe(true);
  await projector.getByTestId("start-button").click();
  await expect.poll(() => projector.getByTestId("round").textContent(), WAIT).toContain("Round 1");
  const rooms = await Promise.all(Array.from({ length: 15 }, (_, i) => new Client(game.url).joinById(code, { name: `Puppet${i + 1}` })));
  await expect.poll(() => projector.getByTestId("seat-requests-all").textContent(), WAIT).toContain("No to all 15");
  expect(await projector.getByTestId("seat-request").count()).toBe(3);
  await projector.screenshot({ path: join(ARTIFACTS, "projector-late-crowd-1920.png") });
  const closed = rooms.map((r) => new Promise<number>((res) => r.onLeave((c: number) => res(c))));
  // Nothing of them on the board: the class's one player is all the leaderboard holds.
  expect(await projector.locator("body").textContent()).not.toMatch(/Puppet\d+ joined/);
  await projector.getByTestId("deny-all-requests").click();
  expect(await Promise.all(closed)).toEqual(Array(15).fill(4020));
  await expect.poll(() => projector.getByTestId("seat-requests").isVisible(), WAIT).toBe(false);
}, 300_000);
