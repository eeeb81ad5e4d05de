import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hashHostKey } from "../../server/rooms/host-key.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import { scenarioConfig } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { textProblems } from "../helpers/page-checks.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 30_000 };
const CODE = "BKRWX";
const HOST_KEY = "back-row-test-host-key-0123456789";
const FULL_HD = { width: 1920, height: 1080 };
const HD = { width: 1280, height: 720 };
const TABS = ["replay", "metrics", "what-if", "myth", "data"] as const;

let game: TestGame;
let tb: TestBrowser;

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

interface Drawn {
  nickname: string;
  x: number;
  y: number;
  labelPx: number;
}

/** Where the replay's graph draws each node and the type size of its name, from the scene's own text objects. */
function graphNodes(page: Page): Promise<Drawn[]> {
  return page.locator(".replay-tab .graph").evaluate((el) => (el as HTMLElement & { graphNodes?: () => Drawn[] }).graphNodes?.() ?? []);
}

/** Leaderboard rows shown whole in the list's own box, without scrolling it. */
function boardRowsInView(page: Page): Promise<number> {
  return page.getByTestId("leaderboard").evaluate((ol) => {
    const box = ol.getBoundingClientRect();
    return [...ol.children].filter((li) => {
      const r = li.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.bottom <= innerHeight;
    }).length;
  });
}

/** Whether an element lies wholly inside its scrolling panel's visible part and the window, as the page opens. */
function aboveTheFold(page: Page, testid: string): Promise<boolean> {
  return page.getByTestId(testid).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const panel = el.closest(".whatif-results")!.getBoundingClientRect();
    return r.height > 0 && r.top >= panel.top && r.bottom <= panel.bottom + 1 && r.bottom <= innerHeight && r.right <= innerWidth;
  });
}

describe("the debrief replay from the back of the classroom", () => {
  it("reads at the projector's 24 px at 1080p (and its share of 720p) on every tab, with a dozen leaderboard rows and the what-if results above the fold", async () => {
    // A played 40-player 2015 session, as the room would have stored it.
    const log = generateSession({ players: 40, seed: 5, roundSeconds: 40, config: scenarioConfig(presetById("citizen-score-2015")!) });
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

    const page = await tb.page("debrief", FULL_HD);
    await page.addInitScript(
      ([c, key]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [c]: { code: c, hostKey: key, createdAt: Date.now() } })),
      [CODE, HOST_KEY],
    );
    await page.goto(`${game.url}/replay/${CODE}`);
    await expect.poll(() => page.getByTestId("replay-round").textContent(), WAIT).toBe("Game over");
    await page.getByTestId("tab-what-if").click();
    await page.getByTestId("preset-no-guilt-by-association").click();
    await expect.poll(() => page.getByTestId("what-if-fixed").textContent(), WAIT).toContain("Held fixed");

    for (const size of [FULL_HD, HD]) {
      await page.setViewportSize(size);
      // The projector's type is 1.25vw: 24 px at 1920 wide, 16 px at 1280.
      const minPx = size.width / 80;
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click();
        await expect.poll(() => page.locator(".replay-page").getAttribute("data-tab"), WAIT).toBe(tab);
        // Every visible text: the top bar and its tabs, the tab's panel, the legend and the timeline.
        await expect.poll(() => textProblems(page, ".replay-page", minPx, 0), WAIT).toEqual([]);
        await page.waitForTimeout(600);
        await page.screenshot({ path: join(ARTIFACTS, `replay-back-row-${tab}-${size.height}.png`) });
      }

      await page.getByTestId("tab-replay").click();
      // Names on the graph: each one drawn at the page's type size or not at all, never two on top of each other.
      await expect.poll(async () => (await graphNodes(page)).length, WAIT).toBe(42);
      await expect.poll(async () => (await graphNodes(page)).filter((n) => n.labelPx > 0).length, WAIT).toBeGreaterThanOrEqual(15);
      const named = (await graphNodes(page)).filter((n) => n.labelPx > 0);
      for (const n of named) expect(n.labelPx, n.nickname).toBeGreaterThanOrEqual(minPx - 0.5);
      // The leaders' names are among those shown.
      const leaders = await page
        .getByTestId("leaderboard")
        .locator(".lb-name")
        .evaluateAll((els) => els.slice(0, 3).map((e) => e.textContent));
      expect(named.map((n) => n.nickname)).toEqual(expect.arrayContaining(leaders));
      // The score chart's axes, rounds and thresholds are drawn in the same size.
      expect(Number(await page.getByTestId("trajectory-chart").getAttribute("data-font-px"))).toBeGreaterThanOrEqual(Math.floor(minPx));
      // The leaderboard shows a dozen rows and more at that size without scrolling.
      expect(await boardRowsInView(page), `${size.width}x${size.height}`).toBeGreaterThanOrEqual(12);

      // The what-if's results (what it held fixed, the end in both worlds, what was refused, who moved most) without scrolling.
      await page.getByTestId("tab-what-if").click();
      for (const testid of ["what-if-held", "what-if-outcomes", "refused", "movers"]) expect(await aboveTheFold(page, testid), testid).toBe(true);
    }

    // The projector's larger-text setting is the replay's too, kept on this screen for both pages.
    await page.setViewportSize(FULL_HD);
    await page.getByTestId("tab-replay").click();
    await page.getByTestId("large-text-button").click();
    await expect.poll(() => textProblems(page, ".replay-page", 29, 0), WAIT).toEqual([]);
    await expect.poll(async () => Number(await page.getByTestId("trajectory-chart").getAttribute("data-font-px")), WAIT).toBeGreaterThanOrEqual(29);
    await expect.poll(async () => Math.min(...(await graphNodes(page)).filter((n) => n.labelPx > 0).map((n) => n.labelPx)), WAIT).toBeGreaterThanOrEqual(29);
    await page.screenshot({ path: join(ARTIFACTS, "replay-back-row-large-text-1080.png") });
    expect(await page.evaluate(() => localStorage.getItem("citizen-score:large-text"))).toBe("on");
    await page.reload();
    await expect.poll(() => page.getByTestId("large-text-button").getAttribute("aria-pressed"), WAIT).toBe("true");
    expect(tb.problems).toEqual([]);
  }, 240_000);
});
