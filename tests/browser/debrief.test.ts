import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { debriefDeck } from "../../shared/debrief/steps.ts";
import { pollQuestion } from "../../shared/debrief/polls.ts";
import type { DebriefDeck, Said } from "../../shared/debrief/types.ts";
import { say, sayKey } from "../../shared/text/debrief.ts";
import type { Command } from "../../shared/rules/commands.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { checkScenario, describeIssues } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { hashHostKey, newHostKey } from "../../server/rooms/host-key.ts";
import { SeatPins } from "../../server/rooms/seat-pins.ts";
import { playBotGame } from "../helpers/bot-game.ts";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { replayOf } from "../helpers/replay.ts";
import { host as hostSession, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 30_000 };
const CODE = "DBF23";
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
const SHOTS = join(ARTIFACTS, "debrief");

let game: TestGame;
let tb: TestBrowser;
browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

/**
 * One session of the 2015 preset played by 20 bots, stored as the server would have stored it,
 * then reopened by its facilitator. The bots' votes are left out, so the vote closes with no
 * choice: the debrief must skip "the rule the top players chose". Two seats get rejoin PINs, for
 * the phones of the player with the biggest drop and of one who cut a friend.
 */
async function storedSession() {
  const checked = checkScenario(presetById("citizen-score-2015"));
  if (!checked.ok) throw new Error(describeIssues(checked.issues));
  const { config } = checked.value;
  const played = playBotGame(config, 11, 20).log.filter((c) => c.kind !== "vote");
  const first = replayOf({
    meta: { config, seed: 11, rulesVersion: RULES_VERSION, createdAt: 0 },
    commands: played.map((command, i) => ({ seq: i + 1, command })),
  });
  const deck = debriefDeck(first);
  const words = (x: Said) => say(x, config);
  const dropper = Object.keys(deck.sides.drop!).find((p) => words(deck.steps[0].headline).startsWith(`${first.players[p].nickname}'s`))!;
  const cutter = Object.entries(deck.sides.unfriending!).find(([p, lines]) => p !== dropper && lines.some((l) => words(l).startsWith("You cut")))![0];
  const pins = new SeatPins();
  const phones = new Map<string, { nickname: string; pin: string; sealed: string }>();
  for (const p of [dropper, cutter]) phones.set(p, { nickname: first.players[p].nickname, ...pins.issue() });
  const withPins: Command[] = played.map((c) => {
    const seat = c.kind === "join" ? [...phones.values()].find((s) => s.nickname === c.nickname) : undefined;
    return seat && c.kind === "join" ? { ...c, pin: seat.sealed } : c;
  });
  // Every bot answered the questions in the lobby, as the room logs them: the first option each time (wrong on the scored ones), fairly unsure.
  const questions = config.scenario.survey!;
  const start = withPins.findIndex((c) => c.kind === "facilitate" && c.command.type === "start");
  const before: Command[] = Object.keys(first.players).map((player) => ({
    kind: "survey",
    at: withPins[start].at,
    player,
    stage: "before",
    answers: questions.map(() => ({ choice: 0, confidence: 2 })),
  }));
  const log = [...withPins.slice(0, start), ...before, ...withPins.slice(start)];
  const hostKey = newHostKey();
  const endedAt = log.at(-1)!.at;
  await game.store.createSession({ code: CODE, hostKeyHash: hashHostKey(hostKey), createdAt: 0, endedAt, seed: 11, rulesVersion: RULES_VERSION, config });
  await game.store.appendMany(
    CODE,
    log.map((command, i) => ({ seq: i + 1, command })),
  );
  await game.store.markEnded(CODE, endedAt);
  return {
    deck,
    words,
    hostKey,
    dropper,
    cutter,
    phones,
    questions,
    players: Object.keys(first.players).length,
    nickname: (p: string) => first.players[p].nickname,
  };
}

async function projector(hostKey: string): Promise<Page> {
  const page = await tb.page("projector", PROJECTOR);
  await page.goto(`${game.url}/`);
  await page.evaluate(
    ([code, key]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [code]: { code, hostKey: key, createdAt: Date.now() } })),
    [CODE, hostKey],
  );
  await page.goto(`${game.url}/host?code=${CODE}`);
  return page;
}

async function phone(seat: { nickname: string; pin: string }, player: string): Promise<Page> {
  const page = await tb.page(seat.nickname, PHONE, true);
  await page.goto(`${game.url}/`);
  await page.evaluate((s) => sessionStorage.setItem("citizen-score:seat", JSON.stringify(s)), {
    code: CODE,
    nickname: seat.nickname,
    playerId: player,
    token: "gone",
    pin: seat.pin,
  });
  await page.goto(`${game.url}/play`);
  return page;
}

/** Text the class reads on the projector's debrief that is smaller than 24 px (1em at 1920 wide). */
function smallText(page: Page): Promise<string[]> {
  return page.getByTestId("debrief-layer").evaluate((root) => {
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>("*")) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (own && el.checkVisibility() && Number.parseFloat(getComputedStyle(el).fontSize) < 24) out.push(`${el.className}: ${el.textContent}`);
    }
    return out;
  });
}

async function onStep(page: Page, id: string, wait = WAIT): Promise<void> {
  await page.locator(`[data-testid="debrief-view"][data-step="${id}"]`).waitFor(wait);
}

/** A reload rebuilds the projector (its engine, fonts and a fresh seat): 23 s on a loaded CI machine. */
const RELOADED = { timeout: 90_000 };

describe("the guided debrief of a bot-played 2015 session", () => {
  let s: Awaited<ReturnType<typeof storedSession>>;
  let deck: DebriefDeck;
  let host: Page;
  let dropPhone: Page;
  let cutPhone: Page;

  beforeAll(async () => {
    s = await storedSession();
    deck = s.deck;
    host = await projector(s.hostKey);
    await host.getByTestId("start-debrief").waitFor(WAIT);
    dropPhone = await phone(s.phones.get(s.dropper)!, s.dropper);
    cutPhone = await phone(s.phones.get(s.cutter)!, s.cutter);
    await dropPhone.getByTestId("end-screen").waitFor(WAIT);
    await cutPhone.getByTestId("end-screen").waitFor(WAIT);
  }, 120_000);

  it("steps through every step with this session's own reveal (nothing under 24 px at 1920 wide), by button and keyboard, and skips the vote nobody cast", async () => {
    const ids = deck.steps.map((st) => st.id);
    expect(ids).not.toContain("vote");
    expect(ids).toEqual(expect.arrayContaining(["drop", "unfriending", "visibility", "ballot", "audit", "claims", "what-now", "learned", "close"]));
    expect(ids.slice(-3)).toEqual(["what-now", "learned", "close"]);
    await host.getByTestId("start-debrief").click();
    for (const [i, step] of deck.steps.entries()) {
      if (step.id === "close") break;
      await onStep(host, step.id);
      await expect.poll(() => host.getByTestId("debrief-headline").textContent(), WAIT).toBe(s.words(step.headline));
      expect(await host.getByTestId("debrief-where").textContent()).toContain(`Step ${i + 1} of ${deck.steps.length}`);
      if (step.chart) expect(await host.getByTestId("debrief-chart").locator("li").count()).toBe(step.chart.bars.length);
      // The ballot step draws the end screen's card (the same component), its private sentence once, as the headline.
      if (step.gap) {
        expect(await host.getByTestId("step-gap").locator(".gap-rows li").allTextContents()).toHaveLength(step.gap.ballot.options.length);
        expect(await host.getByTestId("step-gap").locator(".gap-rows li").first().textContent()).toContain(step.gap.ballot.options[0]);
        expect(await host.getByTestId("step-private").isVisible()).toBe(false);
        expect(await host.getByTestId("step-public").isVisible()).toBe(true);
      }
      expect(await smallText(host)).toEqual([]);
      await host.screenshot({ path: join(SHOTS, `step-${String(i + 1).padStart(2, "0")}-${step.id}.png`) });
      if (deck.steps[i + 1].id === "close") break;
      // Half the steps by the Next button, half by the keyboard, as a clicker would.
      if (i % 2) await host.getByTestId("debrief-next").click();
      else await host.keyboard.press(i % 4 ? "Space" : "ArrowRight");
    }
    await onStep(host, "learned");
    await host.keyboard.press("ArrowLeft");
    await onStep(host, "what-now");
    await host.keyboard.press("ArrowRight");
    await onStep(host, "learned");
  }, 300_000);

  it("after a reload the projector comes back to the same step, from the room's log; quick key presses count from the step asked for; a watch view follows it without controls", async () => {
    // The step lives in the room's log, not in the page.
    await host.reload();
    await onStep(host, "learned", RELOADED);
    const watch = await tb.page("watch", PROJECTOR);
    await watch.goto(`${game.url}/watch/${CODE}`);
    await onStep(watch, "learned");
    expect(await watch.locator('[data-testid^="debrief-"]:is(button)').count()).toBe(0);
    expect(await watch.getByTestId("start-debrief").count()).toBe(0);
    await host.keyboard.press("ArrowLeft");
    await onStep(watch, "what-now");
    await host.keyboard.press("ArrowRight");
    await onStep(watch, "learned");
    // Left and Right pressed before the room answers come back to the step: the second press
    // counts from the step asked for, not from the one still on screen (that would close the game).
    await host.keyboard.press("ArrowLeft");
    await host.keyboard.press("ArrowRight");
    await expect.poll(() => host.locator('[data-testid="debrief-view"]').getAttribute("data-step"), WAIT).toBe("learned");
    await onStep(watch, "learned");
    expect(await host.getByTestId("debrief-next").isVisible()).toBe(true);
    await watch.close();
  }, 180_000);

  it("each phone shows its own side of the step: the drop and its causes, the friends cut and their scores then", async () => {
    await host.getByTestId("debrief-back").click();
    await onStep(host, "what-now");
    for (const [id, page, player] of [
      ["drop", dropPhone, s.dropper],
      ["unfriending", cutPhone, s.cutter],
      ["ballot", cutPhone, s.cutter],
    ] as const) {
      const index = deck.steps.findIndex((st) => st.id === id);
      // Back to the step by the keyboard: every Left is one step.
      for (;;) {
        const shown = await host.locator('[data-testid="debrief-view"]').getAttribute("data-step");
        if (shown === id) break;
        const now = deck.steps.findIndex((st) => st.id === shown);
        await host.keyboard.press(now > index ? "ArrowLeft" : "ArrowRight");
        await host.locator(`[data-testid="debrief-view"][data-step="${deck.steps[now > index ? now - 1 : now + 1].id}"]`).waitFor(WAIT);
      }
      const expected = deck.sides[id]![player].map(s.words);
      await expect.poll(() => page.getByTestId("phone-debrief-mine").locator("li").allTextContents(), WAIT).toEqual(expected);
      expect(await page.getByTestId("phone-debrief-title").textContent()).toBe(s.words(deck.steps[index].title));
      await page.screenshot({ path: join(SHOTS, `phone-${id}.png`) });
    }
    expect(s.words(deck.sides.drop![s.dropper][0])).toMatch(/^Your biggest drop: from \d+ to \d+ in round \d\.$/);
    expect(deck.sides.unfriending![s.cutter].some((l) => /^You cut .+ \(.+\), when they had \d+ and you had \d+\.$/.test(s.words(l)))).toBe(true);
  }, 180_000);

  it("poll answers from phones reach the projector's chart at once, and the export, pseudonymized", async () => {
    // The projector is on the ballot step: both phones answer, one changes its mind.
    await dropPhone.getByTestId("poll-option-0").waitFor(WAIT);
    await dropPhone.getByTestId("poll-option-0").click();
    await cutPhone.getByTestId("poll-option-0").click();
    await expect.poll(() => cutPhone.getByTestId("phone-debrief-sent").textContent(), WAIT).toContain("Answer counted");
    await cutPhone.getByTestId("poll-option-2").click();
    const rows = host.getByTestId("debrief-poll-chart").locator("li");
    await expect.poll(() => rows.allTextContents(), WAIT).toEqual(["Yes1 (50%)", "No0 (0%)", "Not sure1 (50%)"]);
    expect(await host.getByTestId("debrief-poll-chart").locator("figcaption").textContent()).toBe("2 answers so far");
    await host.screenshot({ path: join(SHOTS, "poll-live.png") });
    await cutPhone.screenshot({ path: join(SHOTS, "phone-poll.png") });
    const res = await fetch(`${game.url}/api/sessions/${CODE}/export.csv?table=answers&pseudonymize=1`, { headers: { authorization: `Bearer ${s.hostKey}` } });
    expect(res.status).toBe(200);
    const csv: Record<string, string>[] = parse(await res.text(), { columns: true });
    expect(csv.map((r) => [r.player, r.step, r.answer_label])).toEqual([
      [s.dropper, "ballot", "Yes"],
      [s.cutter, "ballot", "Yes"],
      [s.cutter, "ballot", "Not sure"],
    ]);
    expect(csv.every((r) => /^Player \d\d$/.test(r.name) && r.question === pollQuestion("ballot", sayKey))).toBe(true);
    expect(JSON.stringify(csv)).not.toContain(s.nickname(s.cutter));
  }, 60_000);

  it("after the debrief the phones answer the same questions, and the projector and the export compare the class before and after", async () => {
    for (;;) {
      const shown = await host.locator('[data-testid="debrief-view"]').getAttribute("data-step");
      if (shown === "learned") break;
      await host.getByTestId("debrief-next").click();
      await expect.poll(() => host.locator('[data-testid="debrief-view"]').getAttribute("data-step"), WAIT).not.toBe(shown);
    }
    const n = s.questions.length;
    const scored = s.questions.filter((q) => q.correct !== undefined);
    // One phone answers every question right and sure, the other wrong.
    for (const [page, right] of [
      [dropPhone, true],
      [cutPhone, false],
    ] as const) {
      await page.getByTestId("survey-card").waitFor(WAIT);
      for (const [i, q] of s.questions.entries()) {
        await page.getByTestId(`survey-q${i}-${right ? (q.correct ?? 0) : 0}`).check();
        await page.getByTestId(`survey-c${i}-${right ? 5 : 1}`).click();
      }
      if (right) await page.screenshot({ path: join(SHOTS, "phone-survey-after.png"), fullPage: true });
      await page.getByTestId("survey-submit").click();
      await expect.poll(() => page.getByTestId("survey-card").isVisible(), WAIT).toBe(false);
    }
    const first = scored[0];
    await expect
      .poll(() => host.getByTestId(`survey-${first.id}`).locator("li").allTextContents(), WAIT)
      .toEqual([`Before0% (0 of ${s.players})`, "After50% (1 of 2)"]);
    expect(await host.getByTestId("survey-who").textContent()).toBe(`${s.players} answered before the game, 2 after the debrief; 2 answered both.`);
    expect(await smallText(host)).toEqual([]);
    await host.screenshot({ path: join(SHOTS, `step-${String(deck.steps.length - 1).padStart(2, "0")}-learned.png`) });
    const res = await fetch(`${game.url}/api/sessions/${CODE}/export.csv?table=survey&pseudonymize=1`, { headers: { authorization: `Bearer ${s.hostKey}` } });
    const rows: Record<string, string>[] = parse(await res.text(), { columns: true });
    expect(rows).toHaveLength((s.players + 2) * n);
    const mine = rows.filter((r) => r.player === s.dropper && r.stage === "after");
    expect(mine.map((r) => [r.question_id, r.correct, r.confidence, r.stage_score, r.stage_scored])).toEqual(
      s.questions.map((q) => [q.id, q.correct === undefined ? "" : "true", "5", String(scored.length), String(scored.length)]),
    );
    expect(rows.filter((r) => r.player === s.cutter && r.stage === "before").every((r) => r.stage_score === "0" && r.confidence === "2")).toBe(true);
    expect(rows.every((r) => /^Player \d\d$/.test(r.name))).toBe(true);
  }, 180_000);

  it("the closing step takes everyone out of the game: no phone shows a score again", async () => {
    await expect.poll(() => dropPhone.locator(".end-score").isVisible(), WAIT).toBe(false);
    while ((await host.locator('[data-testid="debrief-view"]').getAttribute("data-step")) !== "close") {
      const before = await host.locator('[data-testid="debrief-view"]').getAttribute("data-step");
      await host.getByTestId("debrief-next").click();
      await expect.poll(() => host.locator('[data-testid="debrief-view"]').getAttribute("data-step"), WAIT).not.toBe(before);
    }
    await expect.poll(() => host.getByTestId("debrief-close").textContent(), WAIT).toContain("The scores are gone. You are not a number.");
    expect(await host.getByTestId("debrief-back").isVisible()).toBe(false);
    expect(await smallText(host)).toEqual([]);
    await host.screenshot({ path: join(SHOTS, `step-${String(deck.steps.length).padStart(2, "0")}-close.png`) });
    for (const page of [dropPhone, cutPhone]) {
      await expect.poll(() => page.getByTestId("phone-debrief-title").textContent(), WAIT).toBe("The scores are gone. You are not a number.");
      for (const testid of ["header-score", "my-score", "leaderboard"]) expect(await page.getByTestId(testid).first().isVisible()).toBe(false);
      expect(await page.locator(".end-score").isVisible()).toBe(false);
      // No score-like number is on screen anywhere (hidden parts of the page do not count).
      expect(await page.getByText(/\b[3-9]\d\d\b/).evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.textContent))).toEqual([]);
    }
    await dropPhone.screenshot({ path: join(SHOTS, "phone-closed.png") });
    // Reopening a stored session first asks for the running room (522: none yet), then resumes it.
    expect(tb.problems.filter((p) => !p.startsWith("projector: Failed to load resource: the server responded with a status of 522"))).toEqual([]);
    // A reloaded phone stays out of the game.
    await dropPhone.reload();
    await expect.poll(() => dropPhone.getByTestId("phone-debrief-title").textContent(), WAIT).toBe("The scores are gone. You are not a number.");
    expect(await dropPhone.getByTestId("header-score").isVisible()).toBe(false);
  }, 180_000);

  it("in the lobby a phone answers the questions before round 1, counted live on the projector's lobby; once the game starts they are gone", async () => {
    const h = await hostSession(game, { scenario: "citizen-score-2015" });
    // A watching screen shows the projector's lobby without the host key.
    const lobby = await tb.page("lobby watch", PROJECTOR);
    await lobby.goto(`${game.url}/watch/${h.code}`);
    const page = await tb.page("Lobby phone", PHONE, true);
    await page.goto(`${game.url}/?code=${h.code}`);
    await page.getByTestId("nickname").fill("Eve");
    await page.getByTestId("join-button").click();
    const other = await tb.page("Lobby phone 2", PHONE, true);
    await other.goto(`${game.url}/?code=${h.code}`);
    await other.getByTestId("nickname").fill("Sam");
    await other.getByTestId("join-button").click();
    await other.getByTestId("survey-card").waitFor(WAIT);
    await expect.poll(() => lobby.getByTestId("survey-count").textContent(), WAIT).toBe("0 of 2 answered the questions before the game");
    await page.getByTestId("survey-card").waitFor(WAIT);
    for (const [i] of s.questions.entries()) {
      await page.getByTestId(`survey-q${i}-1`).check();
      await page.getByTestId(`survey-c${i}-3`).click();
    }
    await page.screenshot({ path: join(SHOTS, "phone-survey-before.png"), fullPage: true });
    await page.getByTestId("survey-submit").click();
    await expect.poll(() => page.getByTestId("survey-card").isVisible(), WAIT).toBe(false);
    await expect.poll(() => lobby.getByTestId("survey-count").textContent(), WAIT).toBe("1 of 2 answered the questions before the game");
    expect(Number.parseFloat(await lobby.getByTestId("survey-count").evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(24);
    await lobby.screenshot({ path: join(SHOTS, "lobby-survey-count.png") });
    await lobby.close();
    await other.close();
    const logged = (await game.store.commands(h.code)).map((e) => e.command).filter((c) => c.kind === "survey");
    expect(logged).toMatchObject([{ stage: "before", answers: s.questions.map(() => ({ choice: 1, confidence: 3 })) }]);
    await page.reload();
    await page.getByTestId("header-nickname").waitFor(WAIT);
    expect(await page.getByTestId("survey-card").isVisible()).toBe(false);
    await h.room.leave();
  }, 120_000);
});
