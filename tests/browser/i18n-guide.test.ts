import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import de from "../../shared/i18n/catalogs/de/guide.json" with { type: "json" };
import zh from "../../shared/i18n/catalogs/zh-Hans/guide.json" with { type: "json" };
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { pdfPages } from "../helpers/pdf.ts";
import { cutOff, untranslated } from "../helpers/pseudo.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
/** A page in Chinese first loads its bundled CJK font (megabytes), which a loaded machine takes its time over. */
const FONT_WAIT = { timeout: 60_000 };

let game: TestGame;
let tb: TestBrowser;

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

/** The sections' headings in a language, from its catalog. */
function headings(c: typeof de): string[] {
  return [c.objectives, c.note, c.lessons, c.checklist, c.rounds, c.debrief, c.myth, c["myth.sources"]];
}

const flat = (s: string) => s.replace(/\s+/g, " ");

describe("the lesson kit and the handout in every language", () => {
  it("the kit in the pseudo-locale: no English left, nothing cut off", async () => {
    const page = await tb.page("guide-xa", { width: 1920, height: 1080 });
    await page.goto(`${game.url}/guide/citizen-score-2015?lang=en-XA`);
    await page.getByTestId("guide").waitFor(WAIT);
    await page.screenshot({ path: join(ARTIFACTS, "guide-en-XA-1920.png") });
    expect(await untranslated(page)).toEqual([]);
    expect(await cutOff(page)).toEqual([]);
    expect(await page.getByTestId("language-picker").isVisible()).toBe(true);
  });

  it("the handout in the pseudo-locale, on a phone", async () => {
    const page = await tb.page("handout-xa", { width: 390, height: 844 }, true);
    await page.goto(`${game.url}/guide/citizen-score-2015/handout?code=K7QPX&lang=en-XA`);
    await page.getByTestId("handout").waitFor(WAIT);
    await page.locator(".handout-qr:not([hidden])").waitFor(WAIT);
    expect(await untranslated(page, ["K7QPX"])).toEqual([]);
    expect(await cutOff(page)).toEqual([]);
  });

  // A dozen printed pages, one kit with a CJK font: minutes, not seconds, on a shared machine.
  it.each([
    ["zh-Hans", zh],
    ["de", de],
  ] as const)(
    "the kit in %s prints to A4 with its sections under their own headings",
    async (lang, catalog) => {
      const page = await tb.page(`guide-${lang}`, { width: 1920, height: 1080 });
      await page.goto(`${game.url}/guide/citizen-score-2015?lang=${lang}`);
      await page.getByTestId("guide").waitFor(FONT_WAIT);
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      expect(await page.locator("#objectives h2").textContent()).toBe(catalog.objectives);
      await page.screenshot({ path: join(ARTIFACTS, `guide-${lang}-1920.png`) });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      writeFileSync(join(ARTIFACTS, `guide-${lang}-A4.pdf`), pdf);
      const { text } = await pdfPages(pdf);
      expect(text.length).toBeGreaterThanOrEqual(4);
      expect(text.length).toBeLessThanOrEqual(18);
      const all = flat(text.join(" "));
      for (const heading of headings(catalog)) expect(all, heading).toContain(heading);
      // The picker and the buttons stay off the paper.
      expect(all).not.toContain(catalog.print);
      expect(all).not.toContain("Deutsch");
      // The handout on a phone in the same language, for a look at the screenshot.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${game.url}/guide/citizen-score-2015/handout`);
      await page.getByTestId("handout").waitFor(FONT_WAIT);
      expect(await page.locator("[data-testid=handout-join] h2").textContent()).toBe(catalog["handout.join"]);
      await page.screenshot({ path: join(ARTIFACTS, `handout-${lang}-390.png`), fullPage: true });
      expect(tb.problems).toEqual([]);
    },
    120_000,
  );
});
