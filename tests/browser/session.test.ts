import { join } from "node:path";
import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS, browserGame, openTab, PHONE, PROJECTOR, type TestBrowser } from "../helpers/browser.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };

let game: TestGame;
let tb: TestBrowser;

browserGame({ reconnectSeconds: 30 }, (g, b) => {
  game = g;
  tb = b;
});

/** The leaderboard as the projector shows it: "nickname score" per row, best first. */
async function leaderboard(page: Page): Promise<string[]> {
  return page
    .getByTestId("leaderboard")
    .locator("li")
    .evaluateAll((rows) => rows.map((r) => `${r.querySelector(".lb-name")?.textContent} ${r.querySelector(".lb-score")?.textContent}`));
}

async function joinAsPlayer(code: string, name: string): Promise<Page> {
  const page = await tb.page(name, PHONE, true);
  await page.goto(`${game.url}/?code=${code}`);
  await expect.poll(() => page.getByTestId("join-code").inputValue(), WAIT).toBe(code);
  await page.getByTestId("nickname").fill(name);
  await page.getByTestId("join-button").click();
  await expect.poll(() => page.getByTestId("my-score").textContent(), WAIT).toBe("600");
  return page;
}

describe("a class plays a session in real browsers", () => {
  it("host creates, three players join by code, act, and every screen agrees", async () => {
    const host = await tb.page("host", PROJECTOR);
    await host.goto(`${game.url}/`);
    await host.getByTestId("host-button").click();
    await host.getByTestId("create-button").click();
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    const code = (await host.getByTestId("join-code").textContent())!;
    await expect.poll(() => host.getByTestId("join-url").textContent(), WAIT).toMatch(/:\d+$/);

    const ana = await joinAsPlayer(code, "Ana");
    const bo = await joinAsPlayer(code, "Bo");
    const cy = await joinAsPlayer(code, "Cy");
    await expect.poll(() => leaderboard(host), WAIT).toHaveLength(3);
    await expect(ana.getByTestId("action-volunteer").isDisabled()).resolves.toBe(true);
    expect(await ana.getByTestId("action-volunteer").getAttribute("title")).toContain("Wait for the facilitator");
    expect(await ana.getByTestId("actions-blocked").textContent()).toContain("Wait for the facilitator");
    await host.screenshot({ path: join(ARTIFACTS, "host-lobby.png") });

    await host.getByTestId("start-button").click();
    await expect.poll(() => ana.getByTestId("action-volunteer").isEnabled(), WAIT).toBe(true);

    await openTab(ana, "people");
    await ana.getByTestId("search").fill("Bo");
    await ana.locator(".matches .match", { hasText: "Bo" }).click();
    await ana.getByTestId("action-friend-request").click();
    await openTab(bo, "people");
    await bo.getByTestId("action-accept-friend").click(WAIT);
    await expect.poll(() => ana.getByTestId("friends").textContent(), WAIT).toContain("Bo");
    await openTab(ana, "act");
    await ana.getByTestId("action-post-opinion").click();
    await cy.getByTestId("action-volunteer").click();

    await expect.poll(() => leaderboard(host), WAIT).toEqual(["Cy 620", "Bo 590", "Ana 560"]);
    await expect.poll(() => ana.getByTestId("my-score").textContent(), WAIT).toBe("560");
    await expect.poll(() => bo.getByTestId("my-score").textContent(), WAIT).toBe("590");
    await expect.poll(() => cy.getByTestId("my-score").textContent(), WAIT).toBe("620");
    expect(await bo.getByTestId("my-reason").textContent()).toBe("-10: your friend Ana posted an unapproved opinion");
    await expect.poll(() => host.getByTestId("ticker").textContent(), WAIT).toContain("Ana posted an unapproved opinion");

    // A reload keeps the seat: same player, same score, still able to act.
    await bo.reload();
    await expect.poll(() => bo.getByTestId("my-score").textContent(), WAIT).toBe("590");
    await expect.poll(() => bo.getByTestId("action-share-approved").isEnabled(), WAIT).toBe(true);
    await bo.getByTestId("action-share-approved").click();
    await expect.poll(() => leaderboard(host), WAIT).toEqual(["Cy 620", "Bo 600", "Ana 560"]);

    // The projector survives a reload too: the host key stays in the browser.
    await host.reload();
    await expect.poll(() => leaderboard(host), WAIT).toEqual(["Cy 620", "Bo 600", "Ana 560"]);
    await expect.poll(() => host.getByTestId("pause-button").isVisible(), WAIT).toBe(true);

    // A dropped connection shows the banner, comes back by itself, and keeps the seat.
    const pages = [host, ana, bo, cy];
    for (const page of pages) {
      await page.evaluate(() => {
        const w = window as unknown as { bannerSeen: boolean };
        w.bannerSeen = false;
        new MutationObserver(() => {
          if (document.querySelector('[data-testid="reconnecting"]:not([hidden])')) w.bannerSeen = true;
        }).observe(document.body, { subtree: true, attributes: true, childList: true });
      });
    }
    const room = matchMaker.getLocalRoomById(code) as unknown as { clients: { ref: { terminate(): void } }[] };
    for (const client of [...room.clients]) client.ref.terminate();
    for (const page of pages) {
      await expect.poll(() => page.evaluate(() => (window as unknown as { bannerSeen: boolean }).bannerSeen), WAIT).toBe(true);
      await expect.poll(() => page.locator('[data-testid="reconnecting"]').count(), WAIT).toBe(0);
    }
    await expect.poll(() => bo.getByTestId("my-score").textContent(), WAIT).toBe("600");
    await expect.poll(() => leaderboard(host), WAIT).toEqual(["Cy 620", "Bo 600", "Ana 560"]);

    // A refused action is shown in words: asking twice is refused by the rules.
    await openTab(cy, "people");
    await cy.getByTestId("search").fill("Ana");
    await cy.locator(".matches .match", { hasText: "Ana" }).click();
    await cy.getByTestId("action-friend-request").click();
    await expect.poll(() => ana.getByTestId("requests").textContent(), WAIT).toContain("Cy");
    await cy.getByTestId("action-friend-request").click();
    await expect.poll(() => cy.getByTestId("error").textContent(), WAIT).toContain("already waiting");

    await host.waitForTimeout(1200);
    for (const page of [ana, bo]) await page.evaluate(() => window.scrollTo(0, 0));
    await host.screenshot({ path: join(ARTIFACTS, "host-play.png") });
    await ana.screenshot({ path: join(ARTIFACTS, "play-ana.png") });
    await bo.screenshot({ path: join(ARTIFACTS, "play-bo.png"), fullPage: true });
    expect(tb.problems).toEqual([]);
  }, 120_000);

  it("a join link the server refuses leaves no 'undefined' on the projector: the page's own address, no QR code", async () => {
    const host = await tb.page("host-unlinked", PROJECTOR);
    await host.route("**/api/join-link?**", (route) =>
      route.fulfill({ status: 400, json: { error: { code: "bad-request", message: "A join code is 5 letters and digits, such as K7QPX." } } }),
    );
    await host.goto(`${game.url}/`);
    await host.getByTestId("host-button").click();
    await host.getByTestId("create-button").click();
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    await expect.poll(() => host.getByTestId("join-url").textContent(), WAIT).toBe(new URL(game.url).host);
    expect(await host.getByTestId("join-qr").isVisible()).toBe(false);
    expect(await host.locator(".code-pill .join-at").textContent()).toBe("");
    expect(await host.locator("body").textContent()).not.toContain("undefined");
    await host.screenshot({ path: join(ARTIFACTS, "host-lobby-unlinked.png") });
    expect(tb.problems.filter((p) => p.startsWith("host-unlinked") && !p.includes("status of 400"))).toEqual([]);
  }, 60_000);
});
