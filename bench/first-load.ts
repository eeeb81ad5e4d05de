import type { CDPSession } from "playwright-core";
import { pathToFileURL } from "node:url";
import { ensureClientBundle } from "../server/build/client-bundle.ts";
import { launchBrowser } from "../tests/helpers/browser.ts";
import { host, startTestServer } from "../tests/helpers/server.ts";

/** A mid-range phone on a school's Wi-Fi, as Chromium's DevTools throttle it. */
export const THROTTLE = { downloadMbps: 4, uploadMbps: 4, latencyMs: 60, cpuSlowdown: 4 };
/** The targets for a phone's first load. */
const FIRST_LOAD_TARGETS = { joinToScoreMs: 3000, firstLoadBytes: 300 * 1024 };

export interface FirstLoadRun {
  /** From opening the join link to the join form being usable (the button drawn). */
  formReadyMs: number;
  /** From tapping Join to the score shown on the phone. */
  joinToScoreMs: number;
  /** HTTP bytes on the wire (headers and compressed bodies) from the link to the score shown. */
  firstLoadBytes: number;
  bytesByType: Record<string, number>;
  requests: number;
  /** WebSocket payload bytes received in the same span (the game state, not the page). */
  webSocketBytes: number;
  /** Any request for the game engine's chunk, which a phone must never load. */
  phaserRequested: boolean;
}

export interface FirstLoadResult {
  throttle: typeof THROTTLE;
  runs: FirstLoadRun[];
  /** The run with the median join-to-score time. */
  median: FirstLoadRun;
}

export interface FirstLoadOptions {
  runs?: number;
  progress?: (line: string) => void;
}

/**
 * Records, inside the page, when Join is tapped and when a score first shows (the page persists
 * across the route change). A string, not a function: tsx would wrap a function's inner
 * functions in a helper the page does not have.
 */
const MARKS = `
  window.marks = {};
  document.addEventListener("click", (e) => { if (e.target.closest && e.target.closest('[data-testid="join-button"]')) window.marks.tapped ??= performance.now(); }, true);
  new MutationObserver(() => {
    const m = window.marks;
    if (!m.form && document.querySelector('[data-testid="join-button"]')) m.form = performance.now();
    const score = document.querySelector('[data-testid="header-score"]')?.textContent ?? "";
    if (!m.score && m.tapped && /\\d/.test(score)) m.score = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

async function throttle(cdp: CDPSession): Promise<void> {
  const bps = (mbps: number) => (mbps * 1_000_000) / 8;
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: THROTTLE.latencyMs,
    downloadThroughput: bps(THROTTLE.downloadMbps),
    uploadThroughput: bps(THROTTLE.uploadMbps),
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE.cpuSlowdown });
}

/**
 * A phone's first visit, throttled: open the join link in a fresh browser profile (nothing
 * cached), type a nickname, tap Join, and wait for the score. Every HTTP byte is counted as
 * Chromium received it (headers plus the compressed body); WebSocket payloads apart.
 */
export async function runFirstLoadBench(opts: FirstLoadOptions = {}): Promise<FirstLoadResult> {
  const say = opts.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const runs = opts.runs ?? 5;
  say("first load: building the client if it changed…");
  const clientDir = await ensureClientBundle(say);
  const game = await startTestServer({ clientDir });
  const tb = await launchBrowser();
  const results: FirstLoadRun[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const { code } = await host(game, { roundSeconds: 600 });
      const context = await tb.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await throttle(cdp);
      const types = new Map<string, string>();
      const urls: string[] = [];
      const byType: Record<string, number> = {};
      let bytes = 0;
      let ws = 0;
      let counting = true;
      cdp.on("Network.requestWillBeSent", (e) => {
        types.set(e.requestId, (e.type ?? "Other").toLowerCase());
        urls.push(e.request.url);
      });
      cdp.on("Network.loadingFinished", (e) => {
        if (!counting) return;
        const type = types.get(e.requestId) ?? "other";
        bytes += e.encodedDataLength;
        byType[type] = (byType[type] ?? 0) + e.encodedDataLength;
      });
      cdp.on("Network.webSocketFrameReceived", (e) => {
        // Binary frames come base64-encoded: three bytes for every four characters.
        if (counting) ws += e.response.opcode === 2 ? Math.floor((e.response.payloadData.length * 3) / 4) : e.response.payloadData.length;
      });
      await page.addInitScript({ content: MARKS });
      await page.goto(`${game.url}/?code=${code}`, { waitUntil: "commit" });
      await page.getByTestId("nickname").fill(`Phone${i}`, { timeout: 60_000 });
      await page.getByTestId("join-button").click();
      await page.waitForFunction("window.marks.score", undefined, { timeout: 60_000, polling: 50 });
      const marks = (await page.evaluate("window.marks")) as Record<string, number>;
      // Responses still in flight when the score showed (a late font) are part of the load: let them land.
      await page.waitForLoadState("networkidle").catch(() => undefined);
      counting = false;
      const run: FirstLoadRun = {
        formReadyMs: Math.round(marks.form),
        joinToScoreMs: Math.round(marks.score - marks.tapped),
        firstLoadBytes: bytes,
        bytesByType: byType,
        requests: urls.filter((u) => u.startsWith("http")).length,
        webSocketBytes: ws,
        phaserRequested: urls.some((u) => /\/assets\/phaser-/.test(u)),
      };
      results.push(run);
      say(
        `first load ${i}/${runs}: join → score ${run.joinToScoreMs} ms, ${(run.firstLoadBytes / 1024).toFixed(1)} KB over HTTP in ${run.requests} requests, form ready at ${run.formReadyMs} ms`,
      );
      await context.close();
    }
  } finally {
    await tb.close();
    await game.shutdown();
  }
  const sorted = [...results].sort((a, b) => a.joinToScoreMs - b.joinToScoreMs);
  return { throttle: THROTTLE, runs: results, median: sorted[Math.floor(sorted.length / 2)] };
}

export function formatFirstLoad(r: FirstLoadResult | null): string {
  if (!r) return "First load: not run (--no-first-load).";
  const t = r.throttle;
  const m = r.median;
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const types = Object.entries(m.bytesByType)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(", ");
  return [
    `First load of a phone: Chromium throttled to ${t.downloadMbps} Mbps, ${t.latencyMs} ms latency, CPU ${t.cpuSlowdown}x slower; a fresh profile each run; the median of ${r.runs.length} runs by join time`,
    `  join form usable          ${m.formReadyMs} ms after opening the link`,
    `  Join tapped → score shown ${m.joinToScoreMs} ms  (< ${FIRST_LOAD_TARGETS.joinToScoreMs} ms: ${met(m.joinToScoreMs < FIRST_LOAD_TARGETS.joinToScoreMs)}); every run: ${r.runs.map((x) => x.joinToScoreMs).join(", ")} ms`,
    `  bytes on the wire         ${kb(m.firstLoadBytes)} over HTTP in ${m.requests} requests (< ${kb(FIRST_LOAD_TARGETS.firstLoadBytes)}: ${met(m.firstLoadBytes < FIRST_LOAD_TARGETS.firstLoadBytes)}): ${types}; ${kb(m.webSocketBytes)} of game state over the WebSocket`,
    `  game engine requested     ${m.phaserRequested ? "YES (a phone must not load Phaser)" : "no"}`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runFirstLoadBench();
  console.log(formatFirstLoad(result));
  process.exit(0);
}
