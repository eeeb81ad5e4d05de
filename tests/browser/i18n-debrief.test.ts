import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { hashHostKey, newHostKey } from "../../server/rooms/host-key.ts";
import { SeatPins } from "../../server/rooms/seat-pins.ts";
import { debriefDeck } from "../../shared/debrief/steps.ts";
import zh from "../../shared/i18n/catalogs/zh-Hans/debrief.json" with { type: "json" };
import type { Command } from "../../shared/rules/commands.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { checkScenario, describeIssues } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { playBotGame } from "../helpers/bot-game.ts";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { cutOff, untranslated } from "../helpers/pseudo.ts";
import { replayOf } from "../helpers/replay.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 30_000 };
const CODE = "DBZ28";
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
const SHOTS = join(ARTIFACTS, "i18n-debrief");
const HAN = /\p{Script=Han}/u;

let game: TestGame;
let tb: TestBrowser;
browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

/**
 * One bot-played session of the 2015 preset, stored as the server stores it, every bot having
 * answered the questions before the game; the player with the biggest drop gets a rejoin PIN for
 * the one phone this file opens.
 */
async function storedSession() {
  const checked = checkScenario(presetById("citizen-score-2015"));
  if (!checked.ok) throw new Error(describeIssues(checked.issues));
  const { config } = checked.value;
  const played = playBotGame(config, 11, 20).log;
  const first = replayOf({
    meta: { config, seed: 11, rulesVersion: RULES_VERSION, createdAt: 0 },
    commands: played.map((command, i) => ({ seq: i + 1, command })),
  });
  const deck = debriefDeck(first);
  const dropper = Object.keys(deck.sides.drop!)[0];
  const seat = { nickname: first.players[dropper].nickname, ...new SeatPins().issue() };
  const withPin: Command[] = played.map((c) => (c.kind === "join" && c.nickname === seat.nickname ? { ...c, pin: seat.sealed } : c));
  const start = withPin.findIndex((c) => c.kind === "facilitate" && c.command.type === "start");
  const before: Command[] = Object.keys(first.players).map((player) => ({
    kind: "survey",
    at: withPin[start].at,
    player,
    stage: "before",
    answers: config.scenario.survey!.map(() => ({ choice: 0, confidence: 2 })),
  }));
  const log = [...withPin.slice(0, start), ...before, ...withPin.slice(start)];
  const hostKey = newHostKey();
  const endedAt = log.at(-1)!.at;
  await game.store.createSession({ code: CODE, hostKeyHash: hashHostKey(hostKey), createdAt: 0, endedAt, seed: 11, rulesVersion: RULES_VERSION, config });
  await game.store.appendMany(
    CODE,
    log.map((command, i) => ({ seq: i + 1, command })),
  );
  await game.store.markEnded(CODE, endedAt);
  // What players typed, the join code; Intl.ListFormat's own words, as the pseudo-locale lists names as English does ("A, B and C").
  const allowed = [...Object.values(first.players).map((p) => p.nickname), CODE, " and ", " or "].sort((a, b) => b.length - a.length);
  return { deck, dropper, seat, hostKey, allowed, questions: config.scenario.survey! };
}

async function onStep(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="debrief-view"][data-step="${id}"]`).waitFor(WAIT);
}

describe("the guided debrief in two languages at once: a pseudo-locale projector, a Chinese phone, a German watch view", () => {
  let s: Awaited<ReturnType<typeof storedSession>>;
  let host: Page;
  let phone: Page;
  let watch: Page;

  beforeAll(async () => {
    s = await storedSession();
    host = await tb.page("projector en-XA", PROJECTOR);
    await host.goto(`${game.url}/`);
    await host.evaluate(
      ([code, key]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [code]: { code, hostKey: key, createdAt: Date.now() } })),
      [CODE, s.hostKey],
    );
    await host.goto(`${game.url}/host?code=${CODE}&lang=en-XA`);
    await host.getByTestId("start-debrief").waitFor(WAIT);
    phone = await tb.page("phone zh-Hans", PHONE, true);
    await phone.goto(`${game.url}/`);
    await phone.evaluate((seat) => sessionStorage.setItem("citizen-score:seat", JSON.stringify(seat)), {
      code: CODE,
      nickname: s.seat.nickname,
      playerId: s.dropper,
      token: "gone",
      pin: s.seat.pin,
    });
    await phone.goto(`${game.url}/play?lang=zh-Hans`);
    await phone.getByTestId("end-screen").waitFor(WAIT);
    watch = await tb.page("watch de", PROJECTOR);
    await watch.goto(`${game.url}/watch/${CODE}?lang=de`);
  }, 180_000);

  it("words every step on the pseudo projector through the catalog, nothing cut off; the Chinese phone follows with its own side, and its poll answer reaches the projector's chart", async () => {
    await host.getByTestId("start-debrief").click();
    const steps = s.deck.steps.filter((st) => st.id !== "learned" && st.id !== "close");
    for (const [i, step] of steps.entries()) {
      await onStep(host, step.id);
      await onStep(watch, step.id);
      expect.soft(await untranslated(host, s.allowed), step.id).toEqual([]);
      expect.soft(await cutOff(host), step.id).toEqual([]);
      if (step.gap) expect(await host.getByTestId("step-public").textContent()).toMatch(/^⟦/);
      await watch.screenshot({ path: join(SHOTS, `projector-de-${String(i + 1).padStart(2, "0")}-${step.id}.png`) });
      if (step.id === "drop") {
        // The phone's own moment, in Chinese: the title, its biggest drop, and the poll.
        await expect.poll(() => phone.getByTestId("phone-debrief-title").textContent(), WAIT).toBe(zh["step.drop.title"]);
        const mine = await phone.getByTestId("phone-debrief-mine").locator("li").allTextContents();
        expect(mine[0]).toMatch(/^你最大的一次下跌：/);
        expect(mine.every((l) => HAN.test(l))).toBe(true);
        expect(await phone.getByTestId("poll-option-0").textContent()).toBe(zh["poll.drop.yes"]);
        await phone.getByTestId("poll-option-0").click();
        await expect.poll(() => phone.getByTestId("phone-debrief-sent").textContent(), WAIT).toBe(zh["phone.counted"]);
        await phone.screenshot({ path: join(SHOTS, "phone-zh-drop.png") });
        const first = host.getByTestId("debrief-poll-chart").locator("li").first().locator(".db-bar-text");
        await expect.poll(() => first.textContent(), WAIT).toMatch(/⟦1 \([^)]*100[^)]*%\)/);
        expect.soft(await untranslated(host, s.allowed)).toEqual([]);
        await host.screenshot({ path: join(SHOTS, "projector-en-XA-drop-poll.png") });
      }
      await host.getByTestId("debrief-next").click();
    }
  }, 400_000);

  it("the Chinese phone answers the questions after the debrief; the pseudo projector counts them, then closes the game on both", async () => {
    await onStep(host, "learned");
    await phone.getByTestId("survey-card").waitFor(WAIT);
    expect(await phone.getByTestId("survey-card").locator(".survey-kicker").textContent()).toMatch(HAN);
    for (const [i] of s.questions.entries()) {
      await phone.getByTestId(`survey-q${i}-0`).check();
      await phone.getByTestId(`survey-c${i}-4`).click();
    }
    await phone.screenshot({ path: join(SHOTS, "phone-zh-survey.png"), fullPage: true });
    await phone.getByTestId("survey-submit").click();
    await expect.poll(() => phone.getByTestId("survey-card").isVisible(), WAIT).toBe(false);
    await expect.poll(() => host.getByTestId("survey-who").textContent(), WAIT).toMatch(/^⟦20 \D*1 \D*1 \D*⟧$/);
    expect.soft(await untranslated(host, s.allowed)).toEqual([]);
    expect.soft(await cutOff(host)).toEqual([]);
    await host.screenshot({ path: join(SHOTS, "projector-en-XA-learned.png") });
    await watch.screenshot({ path: join(SHOTS, "projector-de-learned.png") });
    await host.getByTestId("debrief-next").click();
    await onStep(host, "close");
    expect.soft(await untranslated(host, s.allowed)).toEqual([]);
    expect.soft(await cutOff(host)).toEqual([]);
    await host.screenshot({ path: join(SHOTS, "projector-en-XA-close.png") });
    await onStep(watch, "close");
    await watch.screenshot({ path: join(SHOTS, "projector-de-close.png") });
    await expect.poll(() => phone.getByTestId("phone-debrief-title").textContent(), WAIT).toBe(zh["close.headline"]);
    expect(await phone.getByTestId("phone-debrief").textContent()).toContain(zh["phone.thanks"]);
    await phone.screenshot({ path: join(SHOTS, "phone-zh-closed.png") });
  }, 180_000);
});
