import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserGame, PHONE, PROJECTOR, type TestBrowser } from "../helpers/browser.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
/** Valid nicknames (20 characters at most, nothing invisible) that a careless page would run as HTML. */
const SVG = "<svg onload=alert()>";
const BOLD = "<u class=pwn>Bo</u>";

let game: TestGame;
let tb: TestBrowser;
const dialogs: string[] = [];

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

describe("what players type never reaches a page as HTML", () => {
  it("nicknames that look like markup show as text on the projector and the phones", async () => {
    const host = await open("host", PROJECTOR);
    await host.goto(`${game.url}/host`);
    await host.getByTestId("create-button").click(WAIT);
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    const code = (await host.getByTestId("join-code").textContent())!;

    const phones: Page[] = [];
    for (const name of [SVG, BOLD]) {
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
});
