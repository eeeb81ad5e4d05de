import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { boxOf, textProblems } from "../helpers/page-checks.ts";
import { host, joinAs, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };
const TABS = ["act", "people", "me", "board"] as const;

let game: TestGame;
let tb: TestBrowser;

browserGame({ reconnectSeconds: 30 }, (g, b) => {
  game = g;
  tb = b;
});

const tabSelected = (page: Page, tab: string) => page.getByTestId(`tab-${tab}`).getAttribute("aria-selected");

/** Every text on the open screen is 14 px or more and 4.5:1 or more; nothing runs off sideways. */
async function checkScreen(page: Page, tab: string) {
  await page.waitForTimeout(500); // let pop-in animations finish: their opacity is not the page's
  await expect.poll(() => page.locator(".toast.leaving").count(), WAIT).toBe(0);
  expect(await textProblems(page, ".play-page"), `${tab}: texts under 14 px or 4.5:1`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${tab}: no sideways scrolling`).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: join(ARTIFACTS, `phone-${tab}.png`) });
}

/** Whether an element lies wholly between the header and the tab bar, without scrolling. */
async function inThumbReach(page: Page, testid: string): Promise<boolean> {
  const box = await boxOf(page, testid);
  const header = await page.locator(".play-top").boundingBox();
  const bar = await page.locator(".play-tabs").boundingBox();
  return !!box && !!header && !!bar && box.y >= header.y + header.height - 1 && box.y + box.height <= bar.y + 1;
}

describe("the phone at thumb's reach, at 390x844", () => {
  it("keeps who I am in the header, every screen one tap away, and tells me what others did to me", async () => {
    const h = await host(game, { roundSeconds: 900 });
    const ana = await tb.page("ana", PHONE, true);
    const requested: string[] = [];
    const scripts: string[] = [];
    ana.on("request", (r) => requested.push(r.url()));
    ana.on("response", async (r) => {
      if (r.request().resourceType() === "script") scripts.push(await r.text().catch(() => ""));
    });
    await ana.goto(`${game.url}/?code=${h.code}`);
    await ana.getByTestId("nickname").waitFor();
    expect(await textProblems(ana, ".join-page"), "join page: texts under 14 px or 4.5:1").toEqual([]);
    const joinBox = (await boxOf(ana, "join-button"))!;
    expect(joinBox.y + joinBox.height, "Join is above the fold").toBeLessThanOrEqual(PHONE.height);
    await ana.getByTestId("nickname").fill("Ana");
    await ana.getByTestId("join-button").click();
    await expect.poll(() => ana.getByTestId("header-score").textContent(), WAIT).toBe("600");

    // Neither the game engine nor the nickname libraries reach a phone.
    expect(requested.filter((u) => /\/assets\/(phaser|host-page|replay-page)-/.test(u))).toEqual([]);
    expect(scripts.length).toBeGreaterThan(2);
    for (const body of scripts) {
      expect(body.includes("Phaser")).toBe(false);
      expect(body.includes("\u{1D400}")).toBe(false); // the look-alike table maps 𝐀 to A
    }

    const bo = await joinAs(game, h.code, "Bo");
    const cy = await joinAs(game, h.code, "Cy");
    h.room.send("facilitate", { type: "start" });
    await expect.poll(() => ana.getByTestId("action-volunteer").isEnabled(), WAIT).toBe(true);

    // The header: nickname, score and tier, always at the top; the bar: four tabs at the bottom.
    expect(await ana.getByTestId("header-nickname").textContent()).toBe("Ana");
    expect(await ana.getByTestId("header-tier").textContent()).toMatch(/Citizen|Standard/);
    const header = (await ana.locator(".play-top").boundingBox())!;
    expect(header.y).toBe(0);
    expect(header.height).toBeLessThan(110);
    for (const tab of TABS) {
      const box = (await boxOf(ana, `tab-${tab}`))!;
      expect(box.y + box.height, tab).toBeLessThanOrEqual(PHONE.height);
      expect(box.y, tab).toBeGreaterThan(PHONE.height - 100);
      expect(box.height, tab).toBeGreaterThanOrEqual(48);
      expect(box.width, tab).toBeGreaterThanOrEqual(80);
    }
    expect(await tabSelected(ana, "act")).toBe("true");
    // The private question comes first, its answer within reach; then the score and the actions.
    await expect.poll(() => ana.locator(".flash-banner").isVisible(), WAIT).toBe(false);
    await ana.screenshot({ path: join(ARTIFACTS, "phone-act-ballot.png") });
    expect(await inThumbReach(ana, "ballot-submit")).toBe(true);
    await ana.getByTestId("ballot-option-2").check();
    await ana.getByTestId("ballot-submit").click();
    await expect.poll(() => ana.getByTestId("ballot-card").isVisible(), WAIT).toBe(false);
    expect(await inThumbReach(ana, "my-score")).toBe(true);
    expect(await inThumbReach(ana, "action-volunteer")).toBe(true);
    expect(await inThumbReach(ana, "action-share-approved")).toBe(true);
    await checkScreen(ana, "act");

    // A friend request: a toast whatever screen is open, a badge on People, the request one tap away.
    const id = [...bo.room.state.players.values()].find((p) => p.nickname === "Ana")!.id;
    bo.room.send("act", { action: "friend-request", target: id });
    await expect.poll(() => ana.getByTestId("toast").first().textContent(), WAIT).toContain("Bo wants to be friends");
    expect(await ana.getByTestId("badge-people").textContent()).toBe("1");
    // Its name says the count in words, after the tab's visible name.
    expect(await ana.getByRole("tab", { name: "People, 1 friend request", exact: true }).getAttribute("data-testid")).toBe("tab-people");
    expect(await ana.getByTestId("announcer").textContent()).toContain("Bo sent you a friend request.");
    // Where the toast rests, once it has slid in (under load the measure could land mid-slide).
    await ana
      .getByTestId("toast")
      .first()
      .evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const toast = (await ana.getByTestId("toast").first().boundingBox())!;
    expect(toast.y).toBeGreaterThanOrEqual(header.height);
    expect(toast.y + toast.height).toBeLessThan(PHONE.height / 2);
    await ana.getByTestId("toast").first().click();
    await expect.poll(() => tabSelected(ana, "people"), WAIT).toBe("true");
    expect(await inThumbReach(ana, "action-accept-friend")).toBe(true);
    await checkScreen(ana, "people");
    await ana.getByTestId("action-accept-friend").click();
    await expect.poll(() => ana.getByTestId("friends").textContent(), WAIT).toContain("Bo");
    await expect.poll(() => ana.getByTestId("badge-people").isVisible(), WAIT).toBe(false);

    // A friend's post that costs me, and a report: toasts, a badge on Me, and the header's score follows.
    await ana.getByTestId("tab-act").click();
    bo.room.send("act", { action: "post-opinion" });
    await expect.poll(() => ana.getByTestId("header-score").textContent(), WAIT).toBe("590");
    await expect.poll(() => ana.getByTestId("toasts").textContent(), WAIT).toContain("-10: your friend Bo posted an unapproved opinion");
    cy.room.send("act", { action: "report", target: id });
    await expect.poll(() => ana.getByTestId("header-score").textContent(), WAIT).toBe("565");
    await expect.poll(() => ana.getByTestId("toasts").textContent(), WAIT).toContain("-25: Cy reported you");
    await expect.poll(() => ana.getByTestId("badge-me").textContent(), WAIT).toBe("2");
    cy.room.send("act", { action: "lookup", target: id });
    await expect.poll(() => ana.getByTestId("toasts").textContent(), WAIT).toContain("Cy looked you up");
    await expect.poll(() => ana.getByTestId("badge-people").textContent(), WAIT).toBe("1");

    await ana.getByTestId("tab-me").click();
    await expect.poll(() => ana.getByTestId("badge-me").isVisible(), WAIT).toBe(false);
    expect(await ana.getByTestId("my-history").textContent()).toContain("Cy reported you");
    await checkScreen(ana, "me");
    // Sound is off on a phone until its player turns it on, on Me.
    expect(await ana.getByTestId("phone-sound-button").getAttribute("aria-pressed")).toBe("false");
    await ana.getByTestId("phone-sound-button").click();
    expect(await ana.getByTestId("phone-sound-button").getAttribute("aria-pressed")).toBe("true");

    await ana.getByTestId("tab-board").click();
    await expect.poll(() => ana.getByTestId("leaderboard").locator("li").count(), WAIT).toBe(3);
    await checkScreen(ana, "board");
    // A name on the board opens that player on People, ready to act on.
    await ana.getByTestId("leaderboard").locator("li", { hasText: "Cy" }).click();
    await expect.poll(() => tabSelected(ana, "people"), WAIT).toBe("true");
    await expect.poll(() => inThumbReach(ana, "action-report"), WAIT).toBe(true);

    // The bar is a tab list: arrow keys move along it.
    await ana.getByTestId("tab-people").focus();
    await ana.keyboard.press("ArrowRight");
    expect(await tabSelected(ana, "me")).toBe("true");
    expect(await ana.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("tab-me");
    await ana.keyboard.press("End");
    expect(await tabSelected(ana, "board")).toBe("true");

    // Each screen is short: nothing a round needs is more than a tap and a short scroll away.
    for (const tab of TABS) {
      await ana.getByTestId(`tab-${tab}`).click();
      const tall = await ana.evaluate(() => document.documentElement.scrollHeight);
      expect(tall, tab).toBeLessThan(PHONE.height * 1.6);
    }

    // Removed by the facilitator: told once, in one clear message, not also as a toast and a
    // "Disconnected." banner, and not again when the page would have tried to reconnect.
    h.room.send("facilitate", { type: "remove", player: id });
    await ana.getByTestId("end-screen").waitFor({ state: "visible", ...WAIT });
    const told = async () => {
      // biome-ignore lint/performance/useDomNodeTextContent: what is shown counts, not the hidden connection banner's words
      const text = await ana.evaluate(() => document.body.innerText);
      return {
        removed: text.split("removed you").length - 1,
        left: text.match(/you left/gi)?.length ?? 0,
        disconnected: /disconnected|reconnecting/i.test(text),
      };
    };
    expect(await told()).toEqual({ removed: 1, left: 1, disconnected: false });
    expect(await ana.getByTestId("end-screen").getByRole("heading", { level: 2 }).allTextContents()).toEqual(["You left the session"]);
    expect(await ana.getByTestId("end-screen").textContent()).toContain("The facilitator removed you from this session.");
    await ana.waitForTimeout(2500);
    expect(await told()).toEqual({ removed: 1, left: 1, disconnected: false });
    expect(await ana.locator(".error-toast, .conn-banner").evaluateAll((els) => els.filter((e) => e.checkVisibility()).length)).toBe(0);
    await ana.screenshot({ path: join(ARTIFACTS, "phone-removed.png") });
    expect(tb.problems).toEqual([]);
  }, 120_000);
});
