/**
 * Screenshots of a bot-played session, for the README (`npm run screenshots`) and for looking
 * at the projector while changing it (`npm run screenshots -- --review`). A server with its own
 * temporary data folder, 18 bots (npm run bots) and one phone in Chromium play a short game of
 * Free play; the projector, the phone and the debrief are photographed along the way.
 *
 *   --out DIR   where the PNGs go (default docs/screenshots; --review: artifacts/screens)
 *   --review    every state (lobby, round, paused, round end, end screen, final network) at
 *               1920x1080 and 1280x720, full size; the README's set is three half-size pictures
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { createServer } from "../server/app.ts";
import { ensureClientBundle } from "../server/build/client-bundle.ts";
import { SqliteStore } from "../server/storage/sqlite-store.ts";
import { CHROMIUM_ARGS } from "../tests/helpers/browser.ts";
import { freePort } from "../tests/helpers/server.ts";

const { values } = parseArgs({ options: { out: { type: "string" }, review: { type: "boolean", default: false } } });
const review = values.review!;
const out = resolve(values.out ?? (review ? "artifacts/screens" : "docs/screenshots"));
const PROJECTOR = { width: 1920, height: 1080 };
const SMALL = { width: 1280, height: 720 };
const BOTS = 18;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

mkdirSync(out, { recursive: true });
const clientDir = await ensureClientBundle(log);
const dataDir = mkdtempSync(join(tmpdir(), "citizen-score-shots-"));
const store = new SqliteStore(dataDir);
const port = await freePort();
const server = createServer({ store, port, clientDir });
await server.listen(port, "127.0.0.1");
const url = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
let bots: ReturnType<typeof spawn> | undefined;

/**
 * A click that does not wait for the page to settle: a projector drawing its graph in
 * software on a busy machine can keep Playwright's click waiting long after the click landed.
 */
const press = (page: Page, testid: string) => page.getByTestId(testid).dispatchEvent("click");

/** The projector at full size for review; at half the pixels for the README, which shows it about that wide. */
async function shoot(page: Page, name: string, sizes: { width: number; height: number }[] = [PROJECTOR]): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(700);
    const file = join(out, sizes.length > 1 ? `${name}-${size.width}x${size.height}.png` : `${name}.png`);
    await page.screenshot({ path: file, timeout: 180_000 });
    log(`  ${file}`);
  }
  if (sizes.length > 1) await page.setViewportSize(sizes[0]);
}

try {
  const hostContext = await browser.newContext({ viewport: PROJECTOR, deviceScaleFactor: review ? 1 : 0.5 });
  const host = await hostContext.newPage();
  await host.goto(`${url}/host`);
  await press(host, "preset-free-play");
  await host.getByTestId("create-rounds").fill("3");
  await host.getByTestId("create-roundSeconds").fill("90");
  await until("the scenario check", async () => (await host.getByTestId("check-status").textContent())?.startsWith("Ready to open") ?? false);
  await press(host, "create-button");
  await until("the join code", async () => /^[A-Z0-9]{5}$/.test((await host.getByTestId("join-code").textContent()) ?? ""));
  const code = (await host.getByTestId("join-code").textContent())!;
  log(`Session ${code}: ${BOTS} bots and a phone join`);

  bots = spawn(
    process.execPath,
    ["--import", "tsx", "server/bots/cli.ts", "--url", url, "--code", code, "--players", String(BOTS), "--seed", "7", "--act-every-ms", "1800"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: review ? 2 : 1 });
  const phone = await phoneContext.newPage();
  await phone.goto(`${url}/?code=${code}`);
  await phone.getByTestId("nickname").fill("Mia");
  await phone.getByTestId("join-button").click();
  await until("everyone in the lobby", async () => Number((await host.getByTestId("joined-count").textContent())?.match(/\d+/)?.[0]) >= BOTS + 1);
  if (review) await shoot(host, "lobby", [PROJECTOR, SMALL]);

  // Mia answers the secret ballot's opening question, as a player would before the start.
  await until("the private question", () => phone.getByTestId("ballot-card").isVisible(), 30_000).catch(() => undefined);
  if (await phone.getByTestId("ballot-card").isVisible()) {
    await phone.getByTestId("ballot-option-1").check();
    await phone.getByTestId("ballot-submit").click();
    await until("the answer to be taken", async () => !(await phone.getByTestId("ballot-card").isVisible()));
  }
  await press(host, "start-button");
  await until("the round to start", async () => (await host.getByTestId("round").textContent()) === "Round 1 / 3");
  for (const action of ["volunteer", "share-approved"]) {
    await until(`Mia's ${action}`, () => phone.getByTestId(`action-${action}`).isEnabled());
    await phone.getByTestId(`action-${action}`).click();
  }
  await host.waitForTimeout(12_000);
  await shoot(host, review ? "round" : "projector", review ? [PROJECTOR, SMALL] : [PROJECTOR]);
  await phone.evaluate(() => scrollTo(0, 0));
  await phone.screenshot({ path: join(out, "phone.png"), timeout: 180_000 });
  log(`  ${join(out, "phone.png")}`);

  if (review) {
    await press(host, "pause-button");
    await until("the pause", () => host.locator(".paused-overlay").isVisible());
    await shoot(host, "paused", [PROJECTOR, SMALL]);
    await press(host, "pause-button");
  }
  // The facilitator moves the game on, so that slow screenshots never outlast a round.
  const roundText = async () => (await host.getByTestId("round").textContent()) ?? "";
  for (const round of [2, 3]) {
    if ((await roundText()) === "Game over") break;
    if ((await roundText()) !== `Round ${round} / 3`) {
      await press(host, "next-round-button");
      await until(`round ${round}`, async () => [`Round ${round} / 3`, "Game over"].includes(await roundText()));
    }
    if (review && round === 2) {
      await host.waitForTimeout(500);
      await shoot(host, "round-end", [PROJECTOR]);
    }
  }
  if ((await roundText()) !== "Game over") {
    await press(host, "end-button");
    await press(host, "end-button");
  }
  await until("the end of the game", () => host.getByTestId("final-panel").isVisible(), 150_000);
  await host.waitForTimeout(1500);
  if (review) {
    await shoot(host, "end", [PROJECTOR, SMALL]);
    if (!(await host.getByTestId("show-network").count())) throw new Error("no show-network");
    await press(host, "show-network");
    await shoot(host, "final-network", [PROJECTOR, SMALL]);
    await press(host, "show-results");
  }
  await press(host, "open-replay");
  await until("the replay", async () => (await host.getByTestId("replay-round").textContent()) === "Game over", 60_000);
  await host.waitForTimeout(1500);
  await shoot(host, "debrief", [PROJECTOR]);
} finally {
  bots?.kill();
  await browser.close();
  await server.gracefullyShutdown(false).catch(() => undefined);
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
