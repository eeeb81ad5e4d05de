import { join } from "node:path";
import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { presetById } from "../../shared/scenarios/presets.ts";
import type { ClassroomState } from "../../shared/schema/classroom-state.ts";
import { ARTIFACTS, browserGame, openTab, PHONE, PROJECTOR, textOf, type TestBrowser } from "../helpers/browser.ts";
import { host as hostSession, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };

let game: TestGame;
let tb: TestBrowser;

browserGame({ reconnectSeconds: 30 }, (g, b) => {
  game = g;
  tb = b;
});

/**
 * Chromium logs every 4xx answer as a console error ("Failed to load resource"); a 422 from
 * /api/scenarios/validate is the protocol's answer for a scenario with problems, which the page
 * shows. Any other console error or exception still fails the test.
 */
function problems(): string[] {
  return tb.problems.filter((p) => !/Failed to load resource: the server responded with a status of 422/.test(p));
}

function roomState(code: string): ClassroomState {
  return (matchMaker.getLocalRoomById(code) as unknown as { state: ClassroomState }).state;
}

async function joinAsPlayer(code: string, name: string): Promise<Page> {
  const page = await tb.page(name, PHONE, true);
  await page.goto(`${game.url}/?code=${code}`);
  await expect.poll(() => page.getByTestId("join-code").inputValue(), WAIT).toBe(code);
  await page.getByTestId("nickname").fill(name);
  await page.getByTestId("join-button").click();
  await expect.poll(() => page.getByTestId("score-card").isVisible(), WAIT).toBe(true);
  return page;
}

/** The scores a player's page shows for others in the "look up anyone" list, by nickname. */
async function othersScores(page: Page): Promise<Record<string, string>> {
  return page
    .locator(".matches .person")
    .evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.querySelector(".person-name")?.textContent ?? "", r.querySelector(".person-score")?.textContent ?? ""])),
    );
}

async function answerBallot(page: Page, answer: number): Promise<void> {
  await page.getByTestId(`ballot-option-${answer}`).check(WAIT);
  await page.getByTestId("ballot-submit").click();
  await expect.poll(() => page.getByTestId("ballot-card").isVisible(), WAIT).toBe(false);
}

/** Waits for the full-screen flash of a new event to pass, so a screenshot shows the page under it. */
async function settleFlash(page: Page): Promise<void> {
  await expect.poll(() => page.locator(".flash-banner").isVisible(), WAIT).toBe(false);
}

async function openDrawer(host: Page): Promise<void> {
  if (!(await host.getByTestId("events-drawer").isVisible())) await host.getByTestId("events-button").click();
  await expect.poll(() => host.getByTestId("events-drawer").isVisible(), WAIT).toBe(true);
}

describe("scenarios, live events, votes and the secret ballot in real browsers", () => {
  it("the host picks a preset and adjusts it; banners, hidden scores, the vote and the ballot reach the phones", async () => {
    const host = await tb.page("host", PROJECTOR);
    await host.goto(`${game.url}/host`);
    await host.getByTestId("preset-citizen-score-2015").click(WAIT);
    await expect.poll(() => textOf(host, "scenario-title"), WAIT).toBe("Citizen score as reported in 2015");
    expect(await textOf(host, "scenario-plan")).toContain("Round 3 · 0:40Posts about Corruption in the local government are banned");
    await expect.poll(() => textOf(host, "check-status"), WAIT).toBe("Ready to open.");

    // A number the scenario cannot take is named under its field, and nothing can be created.
    await host.locator("summary", { hasText: "Scores and tiers" }).click();
    await host.getByTestId("create-startScore").fill("990");
    await expect.poll(() => textOf(host, "scenario-issues"), WAIT).toContain("overrides.startScore");
    expect(await host.locator(".field.invalid").textContent()).toContain("must be between scoreMin");
    expect(await host.getByTestId("create-button").isDisabled()).toBe(true);
    await host.getByTestId("create-startScore").fill("600");
    await host.getByTestId("create-rounds").fill("3");
    await expect.poll(() => textOf(host, "check-status"), WAIT).toBe("Ready to open, with your changes.");
    expect(await textOf(host, "scenario-plan")).not.toContain("Round 4");
    await host.screenshot({ path: join(ARTIFACTS, "setup-preset.png"), fullPage: true });

    await host.getByTestId("create-button").click();
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    const code = (await host.getByTestId("join-code").textContent())!;
    expect([roomState(code).scenario, roomState(code).rounds, roomState(code).visibility]).toEqual(["citizen-score-2015", 3, "hidden"]);

    const ana = await joinAsPlayer(code, "Ana");
    const bo = await joinAsPlayer(code, "Bo");
    const cy = await joinAsPlayer(code, "Cy");

    // The opening question of the secret ballot waits in the lobby; only its totals are kept.
    await expect.poll(() => textOf(ana, "ballot-question"), WAIT).toContain("should a society give every citizen one score");
    await ana.screenshot({ path: join(ARTIFACTS, "phone-ballot.png") });
    await answerBallot(ana, 0);
    await answerBallot(bo, 1);
    await answerBallot(cy, 3);
    await expect.poll(() => roomState(code).ballot.startAnswers, WAIT).toBe(3);
    await ana.screenshot({ path: join(ARTIFACTS, "phone-hidden.png") });

    // Scores start hidden: nobody sees a number, not even their own.
    expect(await textOf(ana, "my-score")).toBe("•••");
    expect(await textOf(ana, "header-score")).toBe("Hidden");
    await host.getByTestId("start-button").click();
    await expect.poll(() => ana.getByTestId("action-volunteer").isEnabled(), WAIT).toBe(true);
    await ana.getByTestId("action-volunteer").click();
    await openTab(ana, "people");
    await ana.getByTestId("search").fill("");
    await expect.poll(() => othersScores(ana), WAIT).toEqual({ Bo: "", Cy: "" });

    // The facilitator's own device may switch to true scores; the projector view never shows them.
    await openDrawer(host);
    expect(await host.getByTestId("leaderboard").locator("li").count()).toBe(0);
    await host.getByTestId("private-view").check();
    await expect.poll(() => host.getByTestId("leaderboard").locator(".lb-score").allTextContents(), WAIT).toEqual(["620", "600", "600"]);
    expect(await host.getByTestId("private-badge").isVisible()).toBe(true);
    await host.getByTestId("private-view").uncheck();
    await expect.poll(() => host.getByTestId("leaderboard").locator("li").count(), WAIT).toBe(0);

    // Voluntary: each player sees their own score and no one else's, until someone shows theirs.
    await host.getByTestId("visibility-owner").click();
    await expect.poll(() => textOf(ana, "live-title"), WAIT).toBe("Scores are now visible to their owners (voluntary)");
    await expect.poll(() => textOf(ana, "my-score"), WAIT).toBe("620");
    expect(await othersScores(ana)).toEqual({ Bo: "", Cy: "" });
    expect(await ana.getByTestId("leaderboard-note").textContent()).toContain("No leaderboard yet");
    await openTab(bo, "me");
    await bo.getByTestId("show-score").check();
    await expect.poll(() => othersScores(ana), WAIT).toEqual({ Bo: "600", Cy: "" });
    await expect.poll(() => textOf(host, "live-title"), WAIT).toBe("Scores are now visible to their owners (voluntary)");
    await settleFlash(host);
    await host.screenshot({ path: join(ARTIFACTS, "host-drawer.png") });

    // Mandatory: everything public; then the top player gets the vote form, and its result is a banner everywhere.
    await host.getByTestId("visibility-public").click();
    await expect.poll(() => othersScores(ana), WAIT).toEqual({ Bo: "600", Cy: "600" });
    await host.getByTestId("vote-open").click();
    await expect.poll(() => ana.getByTestId("vote-card").getAttribute("data-status"), WAIT).toBe("eligible");
    await expect.poll(() => bo.getByTestId("vote-card").getAttribute("data-status"), WAIT).toBe("watching");
    expect(await bo.getByTestId("vote-submit").isVisible()).toBe(false);
    expect(await textOf(ana, "vote-progress")).toBe("0 of 1 voted");
    await openTab(ana, "act");
    await settleFlash(ana);
    await ana.screenshot({ path: join(ARTIFACTS, "phone-vote.png") });
    await bo.screenshot({ path: join(ARTIFACTS, "phone-watching-vote.png"), fullPage: true });
    await ana.getByTestId("vote-option-reward-informers").check();
    await ana.getByTestId("vote-submit").click();
    await expect.poll(() => textOf(bo, "live-title"), WAIT).toBe("The top players chose: Reporting someone pays the informer 30 instead of 15");
    expect(await textOf(bo, "live-detail")).toBe("1 vote · Points to you: +15 → +30");
    await expect.poll(() => ana.getByTestId("vote-card").isVisible(), WAIT).toBe(false);
    await openTab(bo, "people");
    await bo.getByTestId("search").fill("Cy");
    await bo.locator(".matches .match", { hasText: "Cy" }).click();
    await expect.poll(() => bo.getByTestId("action-report").textContent(), WAIT).toContain("+30 you · -25 them");

    // A ban on a topic: the phone marks it in the topic picker.
    await host.getByTestId("ban-topic").selectOption("food-safety");
    await host.getByTestId("ban-apply").click();
    await expect.poll(() => textOf(cy, "live-title"), WAIT).toBe("Posts about A food safety scandal are banned");
    await cy.getByTestId("post-topic").selectOption("food-safety");
    expect(await textOf(cy, "topic-warning")).toBe("⊗ A food safety scandal is banned: a post about it costs 30 on top.");
    // A random audit hits a seeded sample; the player it hit sees the deduction in their appeal list.
    await host.getByTestId("audit-apply").click();
    await expect.poll(() => textOf(ana, "live-title"), WAIT).toMatch(/^Random audit: (Ana|Bo|Cy) loses 30$/);
    const auditedName = (await textOf(ana, "live-title")).split(" ")[2] as "Ana" | "Bo" | "Cy";
    const audited = { Ana: ana, Bo: bo, Cy: cy }[auditedName];
    await openTab(audited, "me");
    await expect.poll(() => audited.getByTestId("appeals-panel").isVisible(), WAIT).toBe(true);
    expect(await textOf(audited, "appeals")).toContain("-30a random audit");
    await settleFlash(audited);
    await audited.getByTestId("appeals-panel").scrollIntoViewIfNeeded();
    await audited.screenshot({ path: join(ARTIFACTS, "phone-appeals.png") });
    // The facilitator moves the visa line to 800: the projector's legend says 800+, and no longer the 750 the scenario's label started with.
    const legend = () => textOf(host, "legend");
    expect(await legend()).toContain("750+");
    await host.getByTestId("rule-kind").selectOption("threshold");
    await host.getByTestId("rule-threshold").selectOption("visaAt");
    await host.getByTestId("rule-value").fill("800");
    await host.getByTestId("rule-apply").click();
    await expect.poll(legend, WAIT).toContain("800+");
    expect(await legend()).not.toContain("750");
    await host.getByTestId("drawer-close").click();
    await settleFlash(host);
    await host.screenshot({ path: join(ARTIFACTS, "host-banner.png") });
    await bo.evaluate(() => window.scrollTo(0, 0));
    await bo.screenshot({ path: join(ARTIFACTS, "phone-banner.png") });

    // Back to voluntary: Ana's page hides the scores of those who did not opt in, and keeps her own.
    await openDrawer(host);
    await host.getByTestId("visibility-owner").click();
    await expect.poll(() => othersScores(ana), WAIT).toMatchObject({ Cy: "" });
    expect((await othersScores(ana)).Bo).toMatch(/^\d+$/);
    expect(await textOf(ana, "my-score")).toMatch(/^\d+$/);
    await expect.poll(() => host.getByTestId("leaderboard-note").isVisible(), WAIT).toBe(true);
    await host.getByTestId("drawer-close").click();

    // The scenario's plan makes scores public again as round 3 opens; its closing question opens with the final round.
    await host.getByTestId("next-round-button").click();
    await expect.poll(() => textOf(host, "round"), WAIT).toBe("Round 2 / 3");
    await host.getByTestId("next-round-button").click();
    await expect.poll(() => textOf(host, "round"), WAIT).toBe("Round 3 / 3");
    await expect.poll(() => textOf(cy, "live-banner"), WAIT).toContain("Who sees scores · round 3 · planned");
    expect(await textOf(cy, "live-title")).toBe("Scores are now public (mandatory)");
    for (const phone of [ana, bo, cy]) await openTab(phone, "act");
    await expect.poll(() => ana.getByTestId("ballot-card").isVisible(), WAIT).toBe(true);
    expect(await textOf(ana, "ballot-card")).toContain("After the game");
    await answerBallot(ana, 0);
    await answerBallot(bo, 0);
    // Cy's phone and the host's screen send over different sockets: end once Cy's phone shows the point spent.
    const pointsBefore = await textOf(cy, "action-points");
    await cy.getByTestId("action-post-opinion").click();
    await expect.poll(() => textOf(cy, "action-points"), WAIT).not.toBe(pointsBefore);
    await host.getByTestId("end-button").click();
    await host.getByTestId("end-button").click();
    await expect.poll(() => cy.getByTestId("end-screen").isVisible(), WAIT).toBe(true);
    // The source text's own caution reaches the phones too, not only the projector.
    expect(await textOf(cy, "disputed-note")).toContain("the accuracy of the reporting he relied on");
    await expect.poll(() => cy.getByTestId("ballot-card").isVisible(), WAIT).toBe(true);
    await answerBallot(cy, 2);
    await cy.setViewportSize({ width: 390, height: 844 });
    await cy.screenshot({ path: join(ARTIFACTS, "phone-end.png") });
    await expect
      .poll(() => textOf(host, "debrief-private"), WAIT)
      .toBe("In private, 67% answered “Strongly against” or “Against” at the end, 67% at the start.");
    expect(await textOf(host, "debrief-public")).toBe("In public, 100% of posts were unapproved opinions (1 of 1).");
    await settleFlash(host);
    await expect.poll(() => host.getByTestId("podium").locator("li").count(), WAIT).toBe(3);
    // The podium's entrance takes about a second.
    await host.waitForTimeout(1500);
    await host.screenshot({ path: join(ARTIFACTS, "host-debrief.png") });

    // The debrief replay answers the preset's questions: the ballot beside the posts, and the audit's mistake by name.
    const privateLine = await textOf(host, "debrief-private");
    await host.setViewportSize({ width: 1920, height: 1080 });
    await host.getByTestId("open-replay").click();
    await expect.poll(() => textOf(host, "replay-private"), { timeout: 60_000 }).toBe(privateLine);
    // The replay's legend at the end reads the line as the facilitator left it.
    await expect.poll(legend, WAIT).toContain("800+");
    expect(await legend()).not.toContain("750");
    expect(await textOf(host, "replay-public")).toBe("In public, 100% of posts were unapproved opinions (1 of 1).");
    expect(await textOf(host, "replay-audit")).toMatch(
      new RegExp(
        `^Run by the facilitator, round 1 at \\d+:\\d\\d: 1 player lost 30 points\\.The audit's deliberate mistake hit ${auditedName}, who never appealed: the wrong deduction stood\\.$`,
      ),
    );
    await host.waitForTimeout(800);
    await host.screenshot({ path: join(ARTIFACTS, "replay-after-game.png") });
    await host.getByTestId("leaderboard").locator("li", { hasText: auditedName }).click();
    await host.getByTestId("score-change").filter({ hasText: "audit" }).first().click();
    await expect.poll(() => textOf(host, "cause-chain"), WAIT).toContain("Run by the facilitator, round 1");
    expect(await textOf(host, "audit-mistake")).toContain(`hit ${auditedName}, who never appealed`);
    await host.getByTestId("tab-metrics").click();
    expect(await textOf(host, "metrics-private")).toBe(privateLine);
    expect(await textOf(host, "audit-mistake-line")).toContain(`hit ${auditedName}`);
    await host.getByTestId("answer-ballot-link").click();
    await host.waitForTimeout(800);
    await host.screenshot({ path: join(ARTIFACTS, "replay-metrics-answers.png") });
    // A question about a moment seeks the replay there; one about the facts opens Real or myth.
    await host.getByTestId("answer-visibility-link").click();
    await expect.poll(() => textOf(host, "visibility"), WAIT).toBe("public");
    await host.getByTestId("tab-metrics").click();
    await host.getByTestId("answer-real-or-myth-link").click();
    await expect.poll(() => host.getByTestId("real-vs-myth").isVisible(), WAIT).toBe(true);
    expect(problems()).toEqual([]);
  }, 240_000);

  it("an uploaded scenario that does not validate lists its field errors, and nothing starts", async () => {
    const host = await tb.page("uploader", PROJECTOR);
    await host.goto(`${game.url}/host`);
    await expect.poll(() => textOf(host, "check-status"), WAIT).toBe("Ready to open.");
    const sessions = (await game.store.list()).length;

    await host.getByTestId("scenario-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{ "id": "x", ') });
    await expect.poll(() => textOf(host, "scenario-issues"), WAIT).toContain("(the file) is not valid JSON");

    const bad = structuredClone(presetById("ratings-at-work")) as Record<string, any>;
    bad.schedule[0].atSecond = -1;
    bad.rules.actions.report.self = "a lot";
    bad.rules.travelAt = 495;
    await host.getByTestId("scenario-file").setInputFiles({ name: "my-ratings.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => textOf(host, "scenario-issues"), WAIT).toContain("schedule.0.atSecond");
    const issues = await textOf(host, "scenario-issues");
    expect(issues).toContain("rules.actions.report.self Invalid input: expected number");
    expect(await textOf(host, "check-status")).toBe("This file cannot be played.");
    expect(await host.getByTestId("create-button").isDisabled()).toBe(true);
    await host.screenshot({ path: join(ARTIFACTS, "setup-upload-errors.png"), fullPage: true });

    const contradictory = structuredClone(presetById("ratings-at-work")) as Record<string, any>;
    contradictory.rules.travelAt = 495;
    await host
      .getByTestId("scenario-file")
      .setInputFiles({ name: "my-ratings.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(contradictory)) });
    await expect.poll(() => textOf(host, "scenario-issues"), WAIT).toBe("Nothing can start until this is fixed:rules.travelAt must not be above visaAt (490)");
    expect(await host.getByTestId("create-button").isDisabled()).toBe(true);
    expect((await game.store.list()).length).toBe(sessions);

    const mine = { ...structuredClone(presetById("ratings-at-work")!), id: "our-depot", title: "Ratings at our depot" };
    await host.getByTestId("scenario-file").setInputFiles({ name: "our-depot.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(mine)) });
    await expect.poll(() => textOf(host, "scenario-title"), WAIT).toBe("Ratings at our depot");
    expect(await host.getByTestId("scenario-issues").isVisible()).toBe(false);
    await expect.poll(() => host.getByTestId("create-visaAt").inputValue(), WAIT).toBe("4.9");
    await expect.poll(() => host.getByTestId("create-button").isEnabled(), WAIT).toBe(true);
    expect(problems()).toEqual([]);
  }, 120_000);

  it("a rating scenario shows its own words and units on the phone", async () => {
    const host = await tb.page("ratings-host", PROJECTOR);
    await host.goto(`${game.url}/host`);
    await host.getByTestId("preset-ratings-at-work").click(WAIT);
    await expect.poll(() => textOf(host, "check-status"), WAIT).toBe("Ready to open.");
    // An action the host leaves out is not offered on the phones.
    await host.locator("summary", { hasText: "Actions: what each one does" }).click();
    await host.getByTestId("create-brag-enabled").uncheck();
    await expect.poll(() => textOf(host, "check-status"), WAIT).toBe("Ready to open, with your changes.");
    await host.getByTestId("create-button").click();
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    const code = (await host.getByTestId("join-code").textContent())!;
    const di = await joinAsPlayer(code, "Di");
    await expect.poll(() => textOf(di, "my-score"), WAIT).toBe("4.80");
    expect(await di.locator(".score-caption").textContent()).toBe("Rating");
    expect(await di.getByTestId("action-post-opinion").textContent()).toContain("Complain about pay in the drivers' forum-0.10 you · -0.02 each friend");
    expect(await di.getByTestId("action-brag").isVisible()).toBe(false);
    expect(await di.getByTestId("action-volunteer").isVisible()).toBe(true);
    await openTab(di, "me");
    expect(await di.getByTestId("show-score").isVisible()).toBe(true);
    expect(await textOf(di, "my-tier")).toContain("Active");
    await openTab(di, "act");
    await answerBallot(di, 2);
    await di.screenshot({ path: join(ARTIFACTS, "phone-ratings.png") });
    await host.screenshot({ path: join(ARTIFACTS, "host-ratings-lobby.png") });
    expect(problems()).toEqual([]);
  }, 90_000);

  it("a long name for the score never runs across the phone's dial", async () => {
    const h = await hostSession(game, { scenario: "blacklist-only" });
    const eve = await joinAsPlayer(h.code, "Eve");
    await expect.poll(() => eve.locator(".score-caption").textContent(), WAIT).toBe("Savings (only you see them)");
    // The caption's text lies inside the ring's opening, or wholly under the dial: never on the ring.
    const clear = () =>
      eve.locator(".score-caption").evaluate((cap) => {
        const range = document.createRange();
        range.selectNodeContents(cap);
        const t = range.getBoundingClientRect();
        const ring = document.querySelector(".score-dial path")!.getBoundingClientRect();
        const cx = ring.left + ring.width / 2;
        const r = ring.width / 2;
        const cy = ring.top + r;
        const inside = [t.left, t.right].every((x) => [t.top, t.bottom].every((y) => Math.hypot(x - cx, y - cy) < r * 0.85));
        return inside || t.top >= ring.bottom;
      });
    await expect.poll(clear, WAIT).toBe(true);
    await eve.getByTestId("score-card").scrollIntoViewIfNeeded();
    await eve.screenshot({ path: join(ARTIFACTS, "phone-long-score-name.png") });
    await h.room.leave();
    expect(problems()).toEqual([]);
  }, 60_000);
});
