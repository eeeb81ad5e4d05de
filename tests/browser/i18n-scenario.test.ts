import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRESETS, presetById } from "../../shared/scenarios/presets.ts";
import { ARTIFACTS, browserGame, PHONE, PROJECTOR, textOf, type TestBrowser } from "../helpers/browser.ts";
import { cutOff, untranslated } from "../helpers/pseudo.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
/** A projector page's first load draws with WebGL in software: on a busy machine it takes a while. */
const LOAD = { timeout: 45_000 };

let game: TestGame;
let tb: TestBrowser;

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

/** Never translated on the set-up page: the product's name, and the join-code field's example code. */
const SETUP = ["Citizen Score", "ABCDE"];

const texts = (id: string, lang: "es" | "de") => presetById(id)!.translations![lang]!;

describe("a scenario's own texts in the device's language", () => {
  it("the projector's picker in German shows the presets in German; a phone in Spanish plays the 2015 preset in Spanish", async () => {
    const host = await tb.page("host", PROJECTOR);
    await host.goto(`${game.url}/host?lang=de`);
    for (const p of PRESETS) await expect.poll(() => host.getByTestId(`preset-${p.id}`).locator("b").textContent(), LOAD).toBe(texts(p.id, "de").title);
    await host.getByTestId("preset-citizen-score-2015").click();
    const de = texts("citizen-score-2015", "de");
    await expect.poll(() => textOf(host, "scenario-title"), WAIT).toBe(de.title);
    expect(await host.locator(".scenario-description").textContent()).toBe(de.description);
    expect(await textOf(host, "scenario-plan")).toContain(de.topics!["local-corruption"]);
    await host.screenshot({ path: join(ARTIFACTS, "i18n-scenario-picker-de.png") });
    await host.getByTestId("create-button").click(WAIT);
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    const code = (await host.getByTestId("join-code").textContent())!;

    const ana = await tb.page("Ana", PHONE, true);
    await ana.goto(`${game.url}/?code=${code}&lang=es`);
    await expect.poll(() => ana.getByTestId("join-code").inputValue(), WAIT).toBe(code);
    await ana.getByTestId("nickname").fill("Ana");
    await ana.getByTestId("join-button").click();
    const es = texts("citizen-score-2015", "es");
    await expect.poll(() => textOf(ana, "ballot-question"), WAIT).toBe(es.ballot!.question);
    await ana.getByTestId("ballot-option-2").check(WAIT);
    await ana.getByTestId("ballot-submit").click();
    await host.getByTestId("start-button").click(WAIT);
    await expect.poll(() => ana.getByTestId("action-volunteer").isEnabled(), WAIT).toBe(true);
    for (const [action, label] of Object.entries(es.labels!.actions!)) expect(await textOf(ana, `action-${action}`), action).toContain(label);
    await ana.screenshot({ path: join(ARTIFACTS, "i18n-scenario-phone-es.png") });
  }, 120_000);

  it("in the pseudo-locale the scenario's own English is accented too; an uploaded file's missing translations are listed by language and field", async () => {
    const host = await tb.page("pseudo", PROJECTOR);
    await host.goto(`${game.url}/host?lang=en-XA`);
    await expect.poll(() => host.getByTestId("preset-free-play").locator("b").textContent(), LOAD).toMatch(/^⟦Ƒŕéé þĺáý·+⟧$/);
    expect(await host.getByTestId("translation-note").isVisible()).toBe(false);

    // A file that is not JSON, then one the checker refuses: the projector says why in the pseudo-locale, nothing cut off.
    const broken = '{ "id": "x", ';
    const jsonSays = await host.evaluate((text) => {
      try {
        JSON.parse(text);
      } catch (err) {
        return (err as Error).message;
      }
      return "";
    }, broken);
    await host.getByTestId("scenario-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
    await expect.poll(() => host.getByTestId("scenario-issues").isVisible(), WAIT).toBe(true);
    // The browser's own JSON error, as its engine words it (no catalog has it), and the file's name.
    expect(await untranslated(host, [...SETUP, jsonSays, "broken.json"])).toEqual([]);
    expect(await cutOff(host)).toEqual([]);
    const bad = structuredClone(presetById("ratings-at-work")) as Record<string, any>;
    bad.schedule[0].atSecond = -1;
    bad.rules.actions.report.self = "a lot";
    const refused = await fetch(`${game.url}/api/scenarios/validate`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ scenario: bad, overrides: {} }),
    }).then((r) => r.json() as Promise<{ issues: { path: string; message: string }[] }>);
    await host.getByTestId("scenario-file").setInputFiles({ name: "my-ratings.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => textOf(host, "scenario-issues"), WAIT).toContain("schedule.0.atSecond");
    // Each issue names its field as the file spells it.
    const fields = refused.issues.map((i) => i.path).sort((a, b) => b.length - a.length);
    expect(await untranslated(host, [...SETUP, ...fields, "my-ratings.json"])).toEqual([]);
    expect(await cutOff(host)).toEqual([]);
    await host.screenshot({ path: join(ARTIFACTS, "i18n-scenario-upload-error-pseudo.png") });
    const { translations, ...village } = { ...structuredClone(presetById("rongcheng-pilot")!), id: "my-village" };
    const file = { ...village, translations: { de: { ...translations!.de, description: undefined }, es: translations!.es } };
    await host.getByTestId("scenario-file").setInputFiles({ name: "village.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => host.getByTestId("translation-note").isVisible(), WAIT).toBe(true);
    await host.getByTestId("translation-note").locator("summary").click();
    const lines = await host.getByTestId("translation-note").locator(":scope > ul > li").allTextContents();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^⟦Deutsch: .*1.*⟧description$/);
    expect(lines[1]).toMatch(/^⟦简体中文: .*⟧$/);
    // The file's name and the field as the file spells it.
    expect(await untranslated(host, [...SETUP, "village.json", "description"])).toEqual([]);
    expect(await cutOff(host)).toEqual([]);
    await host.screenshot({ path: join(ARTIFACTS, "i18n-scenario-upload-pseudo.png") });

    // The refused file on a German and a Chinese projector, to look at.
    for (const lang of ["de", "zh-Hans"]) {
      const page = await tb.page(`upload-${lang}`, { width: 1920, height: 1080 });
      await page.goto(`${game.url}/host?lang=${lang}`);
      await expect.poll(() => page.getByTestId("create-button").isEnabled(), LOAD).toBe(true);
      await page
        .getByTestId("scenario-file")
        .setInputFiles({ name: "my-ratings.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
      await expect.poll(() => textOf(page, "scenario-issues"), WAIT).toContain("schedule.0.atSecond");
      // The issues fade in: the picture once they have.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.effect?.getTiming().iterations === Infinity || a.playState !== "running"));
      await page.screenshot({ path: join(ARTIFACTS, `i18n-scenario-upload-error-${lang}.png`) });
      await page.close();
    }
  }, 180_000);
});
