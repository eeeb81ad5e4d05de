import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, browserGame, PHONE, PROJECTOR, textOf, type TestBrowser } from "../helpers/browser.ts";
import type { TestGame } from "../helpers/server.ts";
import { presetById } from "../../shared/scenarios/presets.ts";

const WAIT = { timeout: 15_000 };
/** A projector page's first load draws with WebGL in software: on a busy machine it takes a while. */
const LOAD = { timeout: 45_000 };

let game: TestGame;
let tb: TestBrowser;

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

describe("the server's sentences and the feed in each device's language", () => {
  it("a phone in German is refused in German, a Spanish one for a taken name with that name; the projector in Spanish tells the round in Spanish", async () => {
    const host = await tb.page("host", PROJECTOR);
    await host.goto(`${game.url}/host?lang=es`);
    await host.getByTestId("preset-free-play").click(LOAD);
    await host.getByTestId("create-button").click(WAIT);
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    const code = (await host.getByTestId("join-code").textContent())!;

    const ana = await tb.page("Ana", PHONE, true);
    const wrong = code === "ZZZZZ" ? "YYYYY" : "ZZZZZ";
    await ana.goto(`${game.url}/?code=${wrong}&lang=de`);
    await ana.getByTestId("nickname").fill("Ana");
    await ana.getByTestId("join-button").click();
    await expect.poll(() => textOf(ana, "error"), WAIT).toContain("Diese Sitzung läuft nicht.");

    await ana.goto(`${game.url}/?code=${code}&lang=de`);
    await ana.getByTestId("nickname").fill("Ana");
    await ana.getByTestId("join-button").click();
    await expect.poll(() => textOf(host, "ticker"), WAIT).toContain("Ana se ha unido");
    // A Spanish phone taking her name is told, in Spanish, whom the name belongs to (a param, not English).
    const bea = await tb.page("Bea", PHONE, true);
    await bea.goto(`${game.url}/?code=${code}&lang=es`);
    await bea.getByTestId("nickname").fill("ANA");
    await bea.getByTestId("join-button").click();
    await expect.poll(() => textOf(bea, "error"), WAIT).toContain("«Ana» ya está jugando en esta sesión; elige otro apodo.");
    await bea.screenshot({ path: join(ARTIFACTS, "i18n-text-phone-es-taken.png") });
    await host.getByTestId("start-button").click(WAIT);
    await expect.poll(() => ana.getByTestId("action-volunteer").isEnabled(), WAIT).toBe(true);
    await ana.getByTestId("action-volunteer").click();
    await expect.poll(() => textOf(host, "ticker"), WAIT).toContain("Ana hizo voluntariado");
    expect(await textOf(host, "ticker")).toContain("Ha empezado la ronda 1");
    await expect.poll(() => textOf(ana, "my-reason"), WAIT).toMatch(/: du hast /);
    await host.screenshot({ path: join(ARTIFACTS, "i18n-text-projector-es.png") });
    await ana.screenshot({ path: join(ARTIFACTS, "i18n-text-phone-de.png") });
  }, 150_000);

  it("a projector in German lists a scenario file's problems in German, naming the field and the numbers", async () => {
    const host = await tb.page("uploader", PROJECTOR);
    await host.goto(`${game.url}/host?lang=de`);
    await expect.poll(() => host.getByTestId("preset-free-play").isVisible(), LOAD).toBe(true);
    const upload = (file: object) =>
      host
        .getByTestId("scenario-file")
        .setInputFiles({ name: "meine-bewertungen.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    // zod's finding and the checker's own, each worded in German from its key and params.
    const bad = structuredClone(presetById("ratings-at-work")) as unknown as { schedule: { atSecond: number }[]; rules: Record<string, unknown> };
    bad.schedule[0].atSecond = -1;
    await upload(bad);
    await expect.poll(() => textOf(host, "scenario-issues"), WAIT).toContain("schedule.0.atSecond muss mindestens 0 sein");
    const contradictory = structuredClone(presetById("ratings-at-work")) as unknown as { rules: Record<string, unknown> };
    contradictory.rules.travelAt = 495;
    await upload(contradictory);
    await expect.poll(() => textOf(host, "scenario-issues"), WAIT).toContain("rules.travelAt darf nicht über visaAt (490) liegen");
    expect(await host.getByTestId("create-button").isDisabled()).toBe(true);
    await host.screenshot({ path: join(ARTIFACTS, "i18n-text-upload-de.png") });
  }, 90_000);
});
