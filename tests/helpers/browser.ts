import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { AppOptions } from "../../server/app.ts";
import { ensureClientBundle } from "../../server/build/client-bundle.ts";
import { startTestServer, type TestGame } from "./server.ts";

export const ARTIFACTS = join(import.meta.dirname, "../../artifacts/browser");

/** Flags that keep Debian's Chromium headless, sandbox-free and off the network (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  browser: Browser;
  /** Console errors and uncaught exceptions from every page opened, prefixed by the page's name. */
  problems: string[];
  page(name: string, viewport: { width: number; height: number }, mobile?: boolean): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // Playwright gives every launch a fresh, temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser,
    problems,
    async page(name, viewport, mobile = false) {
      // A context per person: its own sessionStorage and localStorage, as on separate devices.
      const context = await browser.newContext({ viewport, ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
      contexts.push(context);
      const page = await context.newPage();
      page.on("console", (m) => m.type() === "error" && problems.push(`${name}: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`${name}: ${e.message}`));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** The text of an element once it matches, or the last text seen when time runs out. */
export async function textOf(page: Page, testid: string): Promise<string> {
  return (await page.getByTestId(testid).first().textContent())?.trim() ?? "";
}

export const PHONE = { width: 360, height: 640 };
export const PROJECTOR = { width: 1600, height: 900 };

/**
 * A browser test file's world: a test server with the built client (and `options`) and one
 * Chromium, started before the file's tests and closed after them. `ready` hands both over.
 */
export function browserGame(options: Partial<AppOptions>, ready: (game: TestGame, tb: TestBrowser) => void): void {
  let game: TestGame | undefined;
  let tb: TestBrowser | undefined;
  beforeAll(async () => {
    const clientDir = await ensureClientBundle((line) => process.stderr.write(`${line}\n`));
    game = await startTestServer({ clientDir, ...options });
    tb = await launchBrowser();
    ready(game, tb);
  }, 240_000);
  afterAll(async () => {
    await tb?.close();
    await game?.shutdown();
  });
}

/**
 * Taps Join with a taken seat's name until the phone asks for that seat's rejoin PIN: a tap may
 * land while the join page still shows the previous refusal, so it taps again until the field shows.
 */
export async function joinUntilPinAsked(page: Page, timeout = 15_000): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.getByTestId("join-button").click();
        return page.getByTestId("rejoin-pin-input").isVisible();
      },
      { timeout },
    )
    .toBe(true);
}

/** Opens one of the phone's screens (Act, People, Me, Board) from its bottom bar. */
export async function openTab(page: Page, tab: "act" | "people" | "me" | "board"): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.locator(`#panel-${tab}.is-current`).waitFor();
}
