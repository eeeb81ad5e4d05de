import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { join } from "node:path";
import type { ElementHandle } from "playwright-core";
import { ARTIFACTS, browserGame, PHONE, PROJECTOR, type TestBrowser } from "../helpers/browser.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
/** Valid nicknames (20 characters at most, nothing invisible) that a careless page would run as HTML. */
const SVG = "<svg onload=alert()>";
const BOLD = "<u class=pwn>Bo</u>";
/** A Chinese name on devices not set to Chinese: Debian's Chromium has no CJK font of its own. */
const CHINESE = "小明";

let game: TestGame;
let tb: TestBrowser;
const dialogs: string[] = [];
/** The first case's projector and phones, which the second case goes on with. */
let host: Page;
const phones: Page[] = [];

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

async function open(name: string, viewport: { width: number; height: number }, mobile = false): Promise<Page> {
  const page = await tb.page(name, viewport, mobile);
  page.on("dialog", (d) => {
    dialogs.push(`${name}: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}

/** Elements a nickname would have created had any page put it into HTML. */
const injected = (page: Page) => page.evaluate(() => document.querySelectorAll("svg[onload], .pwn").length);

/** The fonts Chromium drew an element's text with (DevTools' "rendered fonts"), custom ones only. */
async function fontsDrawing(page: Page, el: ElementHandle | null): Promise<string[]> {
  if (!el) return [];
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const marker = `font-${Math.random().toString(36).slice(2)}`;
    await el.evaluate((e, m) => (e as Element).setAttribute("data-font-probe", m), marker);
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: `[data-font-probe="${marker}"]` });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts.filter((f) => f.isCustomFont).map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

describe("what players type never reaches a page as HTML", () => {
  it("nicknames that look like markup show as text on the projector and the phones", async () => {
    host = await open("host", PROJECTOR);
    await host.goto(`${game.url}/host`);
    await host.getByTestId("create-button").click(WAIT);
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    const code = (await host.getByTestId("join-code").textContent())!;

    for (const name of [SVG, BOLD, CHINESE]) {
      const page = await open(name, PHONE, true);
      await page.goto(`${game.url}/?code=${code}`);
      await page.getByTestId("nickname").fill(name);
      await page.getByTestId("join-button").click();
      await expect.poll(() => page.getByTestId("my-score").textContent(), WAIT).toBe("600");
      phones.push(page);
    }
    await host.getByTestId("start-button").click();
    await expect.poll(() => phones[0].getByTestId("action-volunteer").isEnabled(), WAIT).toBe(true);
    await phones[0].getByTestId("action-volunteer").click();
    await phones[1].getByTestId("action-share-approved").click();

    await expect.poll(() => host.getByTestId("leaderboard").textContent(), WAIT).toContain(SVG);
    expect(await host.getByTestId("leaderboard").textContent()).toContain(BOLD);
    await expect.poll(() => host.getByTestId("ticker").textContent(), WAIT).toContain(`${SVG} volunteered`);
    for (const page of [host, ...phones]) expect(await injected(page)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(tb.problems).toEqual([]);
  }, 120_000);

  it("a Chinese nickname shows in the bundled font on an English phone and a German projector, on the page and in the graph", async () => {
    const code = (await host.getByTestId("join-code").textContent())!;
    const german = await host.context().newPage();
    await german.goto(`${game.url}/host?code=${code}&lang=de`);
    await german.getByTestId("pause-button").waitFor(WAIT);
    const phone = phones[2];
    expect(await german.evaluate(() => document.documentElement.lang)).toBe("de");
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe("en");

    const tagged = german.getByTestId("leaderboard").getByText(CHINESE, { exact: true });
    const drawn = phone.getByTestId("header-nickname");
    for (const [page, where] of [
      [german, tagged],
      [phone, drawn],
    ] as const) {
      await expect.poll(() => page.evaluate((text) => document.fonts.check('16px "Noto Sans SC Variable"', text), CHINESE), WAIT).toBe(true);
      // The variable font's own name is its first instance's ("Noto Sans SC Thin").
      await expect.poll(async () => fontsDrawing(page, await where.elementHandle()), WAIT).toEqual([expect.stringMatching(/^Noto Sans SC/)]);
    }
    // The graph's canvas draws the name too; a screenshot to look at (it redraws once the font is in).
    await german.screenshot({ path: join(ARTIFACTS, "chinese-name-de-projector.png") });
    await phone.screenshot({ path: join(ARTIFACTS, "chinese-name-en-phone.png") });
    expect(tb.problems).toEqual([]);
  }, 60_000);
});
