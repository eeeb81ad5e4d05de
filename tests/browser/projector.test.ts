import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Command } from "../../shared/rules/commands.ts";
import type { FacilitateMessage } from "../../shared/messages/messages.ts";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { textProblems } from "../helpers/page-checks.ts";
import { host, joinAs, until, type GameRoom, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 20_000 };
const FULL_HD = { width: 1920, height: 1080 };
const HD = { width: 1280, height: 720 };
const NAMES = ["Ana", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kai", "Uma-bot"];

let clock = Date.UTC(2026, 0, 12, 9, 0, 0);
let game: TestGame;
let tb: TestBrowser;

browserGame({ now: () => clock }, (g, b) => {
  game = g;
  tb = b;
});

interface Box {
  x: number;
  y: number;
  r: number;
}

/** Where the graph draws each node, in page pixels (the scene hands them to its canvas's parent). */
function nodes(page: Page): Promise<(Box & { nickname: string })[]> {
  return page.locator(".graph").evaluate((el) => (el as HTMLElement & { graphNodes?: () => (Box & { nickname: string })[] }).graphNodes?.() ?? []);
}

/** The score badges the graph has floated off its nodes, oldest first. */
function badges(page: Page): Promise<{ nickname: string; delta: number; text: string }[]> {
  return page
    .locator(".graph")
    .evaluate((el) => (el as HTMLElement & { graphBadges?: () => { nickname: string; delta: number; text: string }[] }).graphBadges?.() ?? []);
}

/** The smallest computed font size among the elements a selector finds, and how many it found. */
function smallestFont(page: Page, selector: string): Promise<{ px: number; count: number }> {
  return page.locator(selector).evaluateAll((els) => ({
    px: Math.min(...els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => parseFloat(getComputedStyle(e).fontSize))),
    count: els.length,
  }));
}

/** The graph's names are drawn in the type size of the canvas's parent. */
function graphLabelPx(page: Page): Promise<number> {
  return page.locator(".graph").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Whether an element lies wholly inside the window, without scrolling anything. */
async function inView(page: Page, testid: string): Promise<boolean> {
  return page.getByTestId(testid).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });
}

/** No node's disc reaches under the live-event banner (or another element over the stage's top). */
async function bannerClear(page: Page, testid = "live-banner"): Promise<boolean> {
  const banner = await page.getByTestId(testid).boundingBox();
  const all = await nodes(page);
  if (!banner || all.length === 0) return false;
  return all.every((n) => n.y - n.r >= banner.y + banner.height || n.x + n.r <= banner.x || n.x - n.r >= banner.x + banner.width);
}

describe("the projector from the back of the classroom", () => {
  it("reads at 24 px at 1080p, keeps the banner off the graph, groups the ticker, and its end screen is all in reach", async () => {
    const h = await host(game, { scenario: "free-play", rounds: 3, roundSeconds: 600 });
    const logged = async (kind: Command["kind"], send: () => void) => {
      const before = (await game.store.commands(h.code)).length;
      send();
      await until(async () => (await game.store.commands(h.code)).slice(before).some((e) => e.command.kind === kind), `a ${kind} command`, 5000);
    };
    const facilitate = (msg: FacilitateMessage) => logged("facilitate", () => h.room.send("facilitate", msg));
    const page = await tb.page("projector", FULL_HD);
    await page.addInitScript(
      ([c, key]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [c]: { code: c, hostKey: key, createdAt: Date.now() } })),
      [h.code, h.hostKey],
    );
    await page.goto(`${game.url}/host?code=${h.code}`);
    await expect.poll(() => page.getByTestId("round").textContent(), WAIT).toBe("Lobby");

    const players: { room: GameRoom; id: string }[] = [];
    for (const name of NAMES) {
      clock += 500;
      players.push(await joinAs(game, h.code, name));
    }
    // The feed goes out every 500 ms of the game's clock, which this test moves.
    clock += 1000;
    // Twelve joins in a row are one line that counts them, not twelve lines pushing the rest away.
    await expect.poll(() => page.getByTestId("ticker").locator("li").first().textContent(), WAIT).toContain("12 players joined");
    expect(await page.getByTestId("sound-button").getAttribute("data-cues")).toContain("join");

    clock += 1000;
    await facilitate({ type: "start" });
    await expect.poll(() => page.getByTestId("round").textContent(), WAIT).toBe("Round 1 / 3");
    expect(await page.getByTestId("sound-button").getAttribute("data-cues")).toContain("round-start");
    const [ana, bo] = players;
    await logged("act", () => ana.room.send("act", { action: "friend-request", target: bo.id }));
    await logged("act", () => bo.room.send("act", { action: "accept-friend", target: ana.id }));
    await logged("act", () => ana.room.send("act", { action: "unfriend", target: bo.id }));
    // Cy and Dee stay friends: at the round's end each is moved more than once at the same moment.
    const [cy, dee] = [players[2], players[3]];
    await logged("act", () => cy.room.send("act", { action: "friend-request", target: dee.id }));
    await logged("act", () => dee.room.send("act", { action: "accept-friend", target: cy.id }));
    // Uma-bot leads, so the podium shows the name that used to break at its hyphen.
    await logged("act", () => players[NAMES.indexOf("Uma-bot")].room.send("act", { action: "volunteer" }));
    clock += 1000;
    await expect.poll(() => page.getByTestId("ticker").textContent(), WAIT).toContain("Ana unfriended Bo");
    // Told once: the action and the cut friendship are one line.
    expect(await page.getByTestId("ticker").locator("li", { hasText: "unfriended Bo" }).count()).toBe(1);
    expect(
      await page
        .getByTestId("ticker")
        .locator("li", { hasText: /(Ana|Bo) and (Ana|Bo) are now friends/ })
        .count(),
    ).toBe(1);

    await expect.poll(async () => (await nodes(page)).length, WAIT).toBe(NAMES.length);
    for (const selector of [".lb-name", ".lb-score", ".lb-rank", ".tick-text", ".legend-item b", ".legend-item .mono", "[data-testid=timer]", ".join-at"]) {
      const { px, count } = await smallestFont(page, selector);
      expect(count, selector).toBeGreaterThan(0);
      expect(px, selector).toBeGreaterThanOrEqual(24);
    }
    expect(await graphLabelPx(page)).toBeGreaterThanOrEqual(24);
    // Everything on the stage and beside it, headings and the ticker's icons included (the top bar's buttons are the facilitator's).
    expect(await textProblems(page, ".host-main", 24, 0)).toEqual([]);

    // A live event's banner sits over the top of the stage: the graph moves down out of its way.
    await facilitate({ type: "rule-change", change: { rule: "friend-weight", value: 0.3 } });
    await page.getByTestId("live-banner").waitFor(WAIT);
    await expect.poll(() => bannerClear(page), WAIT).toBe(true);
    // The graph uses its stage: centred across it, and wider than half of it, once it has settled.
    const stage = (await page.locator(".stage").boundingBox())!;
    const spread = async () => {
      const all = await nodes(page);
      const left = Math.min(...all.map((n) => n.x - n.r));
      const right = Math.max(...all.map((n) => n.x + n.r));
      return { wide: right - left > stage.width * 0.5, centred: Math.abs((left + right) / 2 - (stage.x + stage.width / 2)) < stage.width * 0.08 };
    };
    await expect.poll(spread, WAIT).toEqual({ wide: true, centred: true });
    await page.screenshot({ path: join(ARTIFACTS, "projector-round-1080.png") });

    // Larger text for a big room, remembered on this screen.
    await page.getByTestId("large-text-button").click();
    await expect.poll(async () => (await smallestFont(page, ".tick-text")).px, WAIT).toBeGreaterThanOrEqual(29);
    await expect.poll(() => graphLabelPx(page), WAIT).toBeGreaterThanOrEqual(29);
    await page.reload();
    await expect.poll(() => page.getByTestId("large-text-button").getAttribute("aria-pressed"), WAIT).toBe("true");
    await page.getByTestId("large-text-button").click();

    await page.setViewportSize(HD);
    await expect.poll(() => bannerClear(page), WAIT).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "projector-round-720.png") });

    // Cy's post (his own loss, his friend Dee's share) and the round's end (each pulled toward the
    // other) reach the projector together: each of them gets one badge, the sum of their changes.
    // Muted, the projector plays no cue: the round's end and the next start pass in silence.
    const sound = page.getByTestId("sound-button");
    await sound.click();
    expect([await sound.getAttribute("aria-pressed"), await sound.textContent()]).toEqual(["false", "Sound off"]);
    const heard = await sound.getAttribute("data-cues");
    const score = (id: string) => h.room.state.players.get(id)!.score;
    const before = { cy: score(cy.id), dee: score(dee.id), badges: (await badges(page)).length };
    cy.room.send("act", { action: "post-opinion" });
    await facilitate({ type: "next-round" });
    await expect.poll(() => page.getByTestId("round").textContent(), WAIT).toBe("Round 2 / 3");
    await until(() => score(cy.id) !== before.cy && score(dee.id) !== before.dee, "the post and the round's end in the host's state", 5000);
    const roundEnd = async () => (await badges(page)).slice(before.badges);
    expect(await sound.getAttribute("data-cues")).toBe(heard);
    await sound.click();
    expect(await sound.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => (await roundEnd()).filter((b) => b.nickname === "Cy" || b.nickname === "Dee").length, WAIT).toBe(2);
    await page.waitForTimeout(1500);
    const shown = await roundEnd();
    const names = shown.map((b) => b.nickname);
    expect(new Set(names).size, names.join(", ")).toBe(names.length);
    expect(shown.find((b) => b.nickname === "Cy")!.delta).toBe(score(cy.id) - before.cy);
    expect(shown.find((b) => b.nickname === "Dee")!.delta).toBe(score(dee.id) - before.dee);

    await facilitate({ type: "end" });
    await page.getByTestId("final-panel").waitFor(WAIT);
    for (const size of [HD, FULL_HD]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(ARTIFACTS, `projector-end-${size.height}.png`) });
      await expect.poll(() => inView(page, "podium"), WAIT).toBe(true);
      // The end screen reads from the back row too: the podium, the ballot's totals, the questions.
      if (size === FULL_HD) expect(await textProblems(page, ".host-main", 24, 0)).toEqual([]);
      expect(await inView(page, "open-replay")).toBe(true);
      expect(await inView(page, "show-network")).toBe(true);
      // Each podium name on one line: "Uma-bot" never breaks at its hyphen.
      const oneLine = await page
        .locator(".podium .who")
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height < parseFloat(getComputedStyle(e).fontSize) * 1.8));
      expect(oneLine).toEqual([true, true, true]);
      // At 1080p a name of the length most nicknames have is shown whole, not cut to "Uma-…".
      if (size === FULL_HD) expect(await page.locator(".podium .who").evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).length)).toBe(0);

      // The final network, and the way back to the results; the debrief stays one click away.
      await page.getByTestId("show-network").click();
      await expect.poll(() => inView(page, "show-results"), WAIT).toBe(true);
      await expect.poll(() => bannerClear(page, "final-panel"), WAIT).toBe(true);
      expect(await inView(page, "open-replay")).toBe(true);
      expect(await page.getByTestId("podium").isVisible()).toBe(false);
      await page.getByTestId("show-results").click();
      await expect.poll(() => inView(page, "podium"), WAIT).toBe(true);
    }
    expect(tb.problems).toEqual([]);
    for (const p of players) await p.room.leave();
    await h.room.leave();
  }, 240_000);
});
