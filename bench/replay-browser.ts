import { randomBytes } from "node:crypto";
import { chromium, type Page } from "playwright-core";
import { generateSession } from "../shared/replay/generate.ts";
import { checkScenario } from "../shared/scenarios/load.ts";
import { presetById } from "../shared/scenarios/presets.ts";
import { ensureClientBundle } from "../server/build/client-bundle.ts";
import { hashHostKey } from "../server/rooms/host-key.ts";
import { SqliteStore } from "../server/storage/sqlite-store.ts";
import { startServer } from "./server-process.ts";

/** Flags that keep Debian's Chromium headless, sandbox-free and off the network (DEVELOPERS.md). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const CODE = "BENCH";
const PRESET = "citizen-score-2015";

export interface ReplayBrowserOptions {
  players?: number;
  rounds?: number;
  /** How many times the page is opened afresh, and how many seeks and what-ifs are timed. */
  opens?: number;
  seeks?: number;
  whatIfs?: number;
  progress?: (line: string) => void;
}

export interface ReplayBrowserResult {
  players: number;
  rounds: number;
  commands: number;
  /** The log's download finished → the replay's graph, leaderboard and chart drawn (ms), each page load. */
  openMs: number[];
  /** A click on a round of the timeline → that moment drawn (ms). */
  seekMs: number[];
  /** A click on "friend weight 0" → both worlds drawn side by side (ms), each on a fresh page. */
  whatIfMs: number[];
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

/** Waits for two animation frames, so what the last change set up has been painted. */
const PAINTED = "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))";

async function open(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/replay/${CODE}`);
  await page.waitForFunction('document.querySelector(".replay-page")?.dataset.drawnAt !== undefined', undefined, { timeout: 120_000, polling: 20 });
  const drawn = (await page.evaluate(PAINTED)) as number;
  const fetched = (await page.evaluate('performance.getEntriesByName("replay:fetched")[0]?.startTime ?? NaN')) as number;
  return drawn - fetched;
}

// The timed steps run inside the page as source text: tsx would wrap named functions in a
// helper (__name) that the page does not have.
const WAIT_FOR = `(test) => new Promise((done) => { const poll = () => (test() ? done() : setTimeout(poll, 1)); poll(); })`;

/** One seek, timed inside the page from the click on a round of the timeline to the frame painted. */
function seek(page: Page, round: number): Promise<number> {
  return page.evaluate(`(async () => {
    const waitFor = ${WAIT_FOR};
    const root = document.querySelector(".replay-page");
    const before = root.dataset.drawnAt;
    const t0 = performance.now();
    document.querySelector('[data-testid="round-${round}"]').click();
    await waitFor(() => root.dataset.drawnAt !== before);
    await ${PAINTED};
    return performance.now() - t0;
  })()`) as Promise<number>;
}

/** One what-if, from the click on "friend weight 0" to both worlds painted side by side. */
function whatIf(page: Page): Promise<number> {
  return page.evaluate(`(async () => {
    const waitFor = ${WAIT_FOR};
    const root = document.querySelector(".replay-page");
    document.querySelector('[data-testid="tab-what-if"]').click();
    const t0 = performance.now();
    document.querySelector('[data-testid="preset-no-guilt-by-association"]').click();
    await waitFor(() => root.dataset.otherAt !== undefined && document.querySelector('[data-testid="other-world"]'));
    await ${PAINTED};
    return performance.now() - t0;
  })()`) as Promise<number>;
}

/**
 * The replay as a class's laptop runs it: a generated session of the citizen-score-2015 preset
 * (40 players, 5 rounds by default) stored, served by the real server, and opened in headless
 * Chromium. It times opening the replay, seeking and one what-if, in the page itself.
 */
export async function runReplayBrowserBench(opts: ReplayBrowserOptions = {}): Promise<ReplayBrowserResult> {
  const { players = 40, rounds = 5, opens = 3, seeks = 12, whatIfs = 3 } = opts;
  const say = opts.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const checked = checkScenario(presetById(PRESET));
  if (!checked.ok) throw new Error(`The ${PRESET} preset does not load.`);
  const log = generateSession({ players, rounds, config: checked.value.config, seed: 5 });
  say(`replay in the browser: ${PRESET}, ${players} players, ${rounds} rounds, ${log.commands.length} commands; building the client if needed...`);
  await ensureClientBundle(say);
  const key = randomBytes(18).toString("base64url");
  const server = await startServer("product", {
    async prepare(dataDir) {
      const store = new SqliteStore(dataDir);
      await store.createSession({
        code: CODE,
        hostKeyHash: hashHostKey(key),
        createdAt: log.meta.createdAt,
        endedAt: null,
        seed: log.meta.seed,
        rulesVersion: log.meta.rulesVersion,
        config: log.meta.config,
      });
      await store.appendMany(CODE, log.commands);
      await store.markEnded(CODE, log.commands.at(-1)!.command.at);
      await store.close();
    },
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const result: ReplayBrowserResult = { players, rounds, commands: log.commands.length, openMs: [], seekMs: [], whatIfMs: [] };
  try {
    const fresh = async () => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      await context.addInitScript(([code, k]) => sessionStorage.setItem("citizen-score:replay-keys", JSON.stringify({ [code]: k })), [CODE, key]);
      return { context, page: await context.newPage() };
    };
    for (let i = 1; i <= Math.max(opens, whatIfs); i++) {
      const { context, page } = await fresh();
      const ms = await open(page, server.url);
      if (i <= opens) {
        result.openMs.push(ms);
        say(`  open ${i}/${opens}: ${ms.toFixed(0)} ms from the log fetched to the replay drawn`);
      }
      if (i === 1) {
        for (let k = 0; k < seeks; k++) result.seekMs.push(await seek(page, (k % rounds) + 1));
        say(`  ${seeks} seeks: median ${median(result.seekMs).toFixed(0)} ms, max ${Math.max(...result.seekMs).toFixed(0)} ms`);
      }
      if (i <= whatIfs) {
        const w = await whatIf(page);
        result.whatIfMs.push(w);
        say(`  what-if ${i}/${whatIfs} (friend weight 0): ${w.toFixed(0)} ms to both worlds drawn`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return result;
}

if (process.argv[1] && import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1]).href) {
  const r = await runReplayBrowserBench();
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
