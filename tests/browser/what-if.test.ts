import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hashHostKey } from "../../server/rooms/host-key.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import { scenarioConfig } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { ARTIFACTS, browserGame, PROJECTOR, type TestBrowser } from "../helpers/browser.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 30_000 };
const CODE = "WHTFX";
const HOST_KEY = "what-if-test-host-key-0123456789";

let game: TestGame;
let tb: TestBrowser;

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `what-if-${name}.png`) });
}

describe("a class follows one what-if through the debrief", () => {
  it("runs friend weight 0 on a 2015 session and reads what it held fixed and what it left out", async () => {
    // A played 2015 session, as the room would have stored it: the plan doubles the friend weight in round 4.
    const log = generateSession({ players: 16, seed: 5, roundSeconds: 40, config: scenarioConfig(presetById("citizen-score-2015")!) });
    const last = log.commands[log.commands.length - 1].command.at;
    await game.store.createSession({
      code: CODE,
      hostKeyHash: hashHostKey(HOST_KEY),
      createdAt: log.meta.createdAt,
      endedAt: null,
      seed: log.meta.seed,
      rulesVersion: log.meta.rulesVersion,
      config: log.meta.config,
    });
    await game.store.appendMany(CODE, log.commands);
    await game.store.markEnded(CODE, last);

    const page = await tb.page("teacher", PROJECTOR);
    await page.addInitScript(
      ([c, key]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [c]: { code: c, hostKey: key, createdAt: Date.now() } })),
      [CODE, HOST_KEY],
    );
    await page.goto(`${game.url}/replay/${CODE}`);
    await expect.poll(() => page.getByTestId("replay-round").textContent(), WAIT).toBe("Game over");
    // The replay's legend reads the rules in force at the end, not the scenario's starting label.
    const legend = (await page.getByTestId("legend").textContent()) ?? "";
    expect(legend).not.toContain("(750+)");

    await page.getByTestId("tab-what-if").click();
    expect(await page.getByTestId("fixed-choices-note").textContent()).toContain("How they would have chosen under other rules cannot be known");
    await page.getByTestId("preset-no-guilt-by-association").click();
    await expect
      .poll(() => page.getByTestId("what-if-fixed").textContent(), WAIT)
      .toBe(
        "Held fixed: friend weight 0 for the whole session, every recorded choice at its recorded moment, and the luck of each audit and appeal wherever its subject still exists.",
      );
    const caveats = await page.getByTestId("what-if-caveats").locator("li").allTextContents();
    expect(caveats).toContain("How people would have chosen under other rules cannot be known: the re-run keeps what they did.");
    expect(caveats.some((c) => /^The recorded session changed friend weight later \(.+\): left out here, where it stays as set\.$/.test(c))).toBe(true);
    // Four of the bots' appeals judged a friend's pull in the recorded world; with friend weight 0 those deductions never happen, so
    // the appeals are left out and said so, and the page does not claim that only the rules changed.
    expect(caveats).toContain(
      "4 recorded choices could not be made under these rules and are left out (all are appeals of deductions that never happened here).",
    );
    expect(await page.getByTestId("only-rules").count()).toBe(0);
    expect(await page.getByTestId("other-world").textContent()).toContain("friend weight 0");
    await page.getByTestId("what-if-end").click();
    await shot(page, "friend-weight-0");

    await page.getByTestId("preset-no-blacklist").click();
    await expect
      .poll(() => page.getByTestId("what-if-caveats").textContent(), WAIT)
      .toContain("Choices that blacklisted players were stopped from making are not invented");
    expect(await page.getByTestId("only-rules").count()).toBe(0);
    await shot(page, "no-blacklist");
    // Doubling the friend weight leaves every deduction a bot appealed in place: there, and only there, the page may say it.
    await page.getByTestId("preset-double-guilt-by-association").click();
    await expect
      .poll(() => page.getByTestId("only-rules").textContent(), WAIT)
      .toBe("Only the rules changed: every recorded choice was possible here too, and luck fell the same way.");
    expect(tb.problems).toEqual([]);
  }, 180_000);
});
