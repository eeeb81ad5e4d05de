import { join } from "node:path";
import { expect, it } from "vitest";
import { ARTIFACTS, browserGame, PROJECTOR, textOf, type TestBrowser } from "../helpers/browser.ts";
import { joinAs, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };

let game: TestGame;
let tb: TestBrowser;

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

it("the projector clears offline seats with one button, which says how many", async () => {
  const host = await tb.page("host", PROJECTOR);
  await host.goto(`${game.url}/host`);
  await host.getByTestId("preset-free-play").click(WAIT);
  await expect.poll(() => textOf(host, "check-status"), WAIT).toBe("Ready to open.");
  await host.getByTestId("create-button").click();
  await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
  const code = (await host.getByTestId("join-code").textContent())!;
  await joinAs(game, code, "Ana");
  const puppets = await Promise.all(["Bot1", "Bot2", "Bot3"].map((name) => joinAs(game, code, name)));
  for (const p of puppets) await p.room.leave(true);

  await host.getByTestId("events-button").click();
  await expect.poll(() => host.getByTestId("events-drawer").isVisible(), WAIT).toBe(true);
  await expect.poll(() => textOf(host, "clear-offline"), WAIT).toBe("Clear 3 offline seats");
  await host.getByTestId("event-session").scrollIntoViewIfNeeded();
  await host.screenshot({ path: join(ARTIFACTS, "host-clear-offline.png") });
  await host.getByTestId("clear-offline").click();
  await expect.poll(() => textOf(host, "clear-offline"), WAIT).toBe("No offline seats to clear");
  expect(await host.getByTestId("clear-offline").isDisabled()).toBe(true);
  expect(tb.problems).toEqual([]);
}, 120_000);
