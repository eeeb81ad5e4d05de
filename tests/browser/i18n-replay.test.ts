import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hashHostKey } from "../../server/rooms/host-key.ts";
import { SOURCES, type SourceId } from "../../shared/content/sources.ts";
import { isMessageKey } from "../../shared/i18n/index.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import { scenarioConfig } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { cutOff, untranslated } from "../helpers/pseudo.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 30_000 };
const CODE = "QNGRX";
const HOST_KEY = "i18n-replay-test-host-key-0123456";
const FULL_HD = { width: 1920, height: 1080 };
const TABS = ["replay", "metrics", "what-if", "myth", "data"] as const;

let game: TestGame;
let tb: TestBrowser;
let names: string[] = [];

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

async function store(): Promise<void> {
  // A bot-played 2015 session (audits, a vote, a topic ban), as the room would have stored it.
  const log = generateSession({ players: 12, seed: 5, roundSeconds: 40, config: scenarioConfig(presetById("citizen-score-2015")!) });
  names = [...new Set(log.commands.flatMap((c) => (c.command.kind === "join" ? [c.command.nickname] : [])))];
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
  await game.store.markEnded(CODE, log.commands[log.commands.length - 1].command.at);
}

async function open(lang: string): Promise<Page> {
  const page = await tb.page(`replay-${lang}`, FULL_HD);
  await page.addInitScript(
    ([c, key]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [c]: { code: c, hostKey: key, createdAt: Date.now() } })),
    [CODE, HOST_KEY],
  );
  await page.goto(`${game.url}/replay/${CODE}?lang=${lang}`);
  await page.locator(".replay-page[data-drawn-at]").waitFor(WAIT);
  return page;
}

/**
 * A source's title and publisher as it was published (an English article stays English in every
 * language); those the catalog words (a Chinese title's translation, "n.d.") are checked.
 */
const PUBLISHED_AS = (Object.keys(SOURCES) as SourceId[]).flatMap((id) =>
  (["title", "publisher"] as const).filter((field) => !isMessageKey(`content.source.${id}.${field}`)).map((field) => SOURCES[id][field]),
);

/**
 * Every word on screen left in English, whoever's namespace it is from. Let through: what players
 * typed, the join code, the product's name, and sources' titles and publishers as published.
 */
async function leftInEnglish(page: Page): Promise<string[]> {
  const allowed = [...names, CODE, "Citizen Score", ...PUBLISHED_AS].filter(Boolean).sort((a, b) => b.length - a.length);
  const english = await untranslated(page, allowed);
  return english.filter((x) => !wordedByTheReplay(x, allowed));
}

/**
 * A replay message may carry another part's sentence as a parameter ("⟦… ⟦Random audit …⟧ (planned
 * by the scenario)⟧"): all of it is inside the replay's own brackets, though the pseudo-locale's
 * flat check reads the nesting wrongly. Stripped bracket by bracket (an unclosed one runs to the
 * end of the clipped text), nothing of it is English.
 */
function wordedByTheReplay(text: string, allowed: string[]): boolean {
  let depth = 0;
  let outside = "";
  for (const ch of text.replace(/^\[[a-z-]+\] /, "")) {
    if (ch === "⟦") depth++;
    else if (ch === "⟧") depth = Math.max(0, depth - 1);
    else if (depth === 0) outside += ch;
  }
  for (const a of allowed) outside = outside.split(a).join(" ");
  return !/[A-Za-z]{3,}/.test(outside);
}

async function show(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await expect.poll(() => page.locator(".replay-page").getAttribute("data-tab"), WAIT).toBe(tab);
}

describe("the replay in every language", () => {
  it("leaves no English and cuts off no text on any tab in the pseudo-locale", async () => {
    await store();
    const page = await open("en-XA");
    // The replay tab with a player followed and one score change's chain of causes open.
    await page.getByTestId("leaderboard").locator(".lb-row").first().click();
    await page.locator("[data-testid=score-change]:not([disabled])").first().click();
    await page.getByTestId("cause-chain").waitFor(WAIT);
    const problems: Record<string, { english: string[]; cut: string[] }> = {};
    const check = async (state: string) => {
      problems[state] = { english: await leftInEnglish(page), cut: await cutOff(page) };
    };
    await check("replay");
    await show(page, "metrics");
    await check("metrics");
    await show(page, "what-if");
    await check("what-if form");
    await page.getByTestId("preset-no-blacklist").click();
    await page.getByTestId("what-if-held").waitFor(WAIT);
    await check("what-if results");
    await show(page, "myth");
    await check("myth");
    await show(page, "data");
    await check("data");
    const empty = Object.fromEntries(Object.keys(problems).map((k) => [k, { english: [], cut: [] }]));
    expect(problems).toEqual(empty);
    expect(tb.problems).toEqual([]);
  }, 240_000);

  it("speaks German and Chinese, the worker's sentences too", async () => {
    for (const [lang, words] of [
      ["de", { tab: "Kennzahlen", over: "Spiel vorbei", fixed: "Festgehalten: keine schwarze Liste während der ganzen Sitzung" }],
      ["zh-Hans", { tab: "指标", over: "游戏结束", fixed: "保持不变：没有黑名单（整局游戏）" }],
    ] as const) {
      const page = await open(lang);
      expect(await page.getByTestId("tab-metrics").textContent()).toBe(words.tab);
      await expect.poll(() => page.getByTestId("replay-round").textContent(), WAIT).toBe(words.over);
      await page.screenshot({ path: join(ARTIFACTS, `i18n-replay-${lang}-replay.png`) });
      await show(page, "metrics");
      await page.screenshot({ path: join(ARTIFACTS, `i18n-replay-${lang}-metrics.png`) });
      // What the re-run held fixed is worded in the worker, in the page's language.
      await show(page, "what-if");
      await page.getByTestId("preset-no-blacklist").click();
      await expect.poll(() => page.getByTestId("what-if-fixed").textContent(), WAIT).toContain(words.fixed);
      await page.screenshot({ path: join(ARTIFACTS, `i18n-replay-${lang}-what-if.png`) });
      await page.close();
    }
    expect(tb.problems).toEqual([]);
  }, 240_000);
});
