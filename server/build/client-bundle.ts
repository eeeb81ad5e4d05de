import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";

const ROOT = resolve(import.meta.dirname, "../..");
const CLIENT_DIR = join(ROOT, "dist/client");
const STAMP = join(CLIENT_DIR, ".source-stamp");
/** What the bundle is made from: a change to any of these means it must be built again. */
const SOURCES = ["client", "shared", "vite.config.ts", "package-lock.json"];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (!st.isDirectory()) return yield path;
  for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

/** A fingerprint of the sources' names, sizes and modification times. */
function sourceStamp(root = ROOT): string {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for (const file of files(join(root, source))) {
      const st = statSync(file);
      hash.update(`${relative(root, file)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return hash.digest("hex");
}

function bundleIsFresh(): boolean {
  return existsSync(join(CLIENT_DIR, "index.html")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceStamp();
}

/**
 * Builds the browser client when it is missing or older than its sources, printing progress,
 * so that `npm start` on a fresh checkout serves a working game. A production install
 * (`npm install --omit=dev`) has no Vite: it serves what `npm run build` left in dist/client.
 */
export async function ensureClientBundle(log: (line: string) => void = console.log): Promise<string> {
  if (bundleIsFresh()) return CLIENT_DIR;
  const built = existsSync(join(CLIENT_DIR, "index.html"));
  const vite = await loadVite();
  if (!vite) {
    if (!built) {
      throw new Error(
        "dist/client holds no browser client, and Vite (a dev dependency) is not installed to build one. Run `npm install` and `npm run build` first; `npm install --omit=dev` afterwards keeps the built client.",
      );
    }
    log("Serving the browser client `npm run build` left in dist/client (Vite, a dev dependency, is not installed to rebuild it).");
    return CLIENT_DIR;
  }
  log(built ? "The browser client changed; rebuilding it…" : "Building the browser client (first start; this takes a little while)…");
  return buildClientBundle(log, vite);
}

async function loadVite(): Promise<typeof import("vite") | undefined> {
  try {
    return await import("vite");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw err;
  }
}

/** Bundles the client into dist/client and records what it was built from. */
export async function buildClientBundle(log: (line: string) => void = console.log, vite?: typeof import("vite")): Promise<string> {
  const started = Date.now();
  vite ??= await loadVite();
  if (!vite) throw new Error("Vite is not installed, so the browser client cannot be built. Run `npm install` (with dev dependencies) first.");
  const stamp = sourceStamp();
  await vite.build({ configFile: join(ROOT, "vite.config.ts"), customLogger: progressLogger(vite, log) });
  writeFileSync(STAMP, stamp);
  log(`Browser client built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return CLIENT_DIR;
}

/** Vite's own log, cut to a few lines: what it is doing now, warnings and errors in full. */
function progressLogger(vite: typeof import("vite"), log: (line: string) => void) {
  const logger = vite.createLogger("info");
  let last = "";
  return {
    ...logger,
    info(msg: string) {
      const step = /transforming|rendering chunks|computing gzip|modules transformed/.exec(msg)?.[0];
      if (step && step !== last) {
        last = step;
        log(`  … ${stripVTControlCharacters(msg).trim()}`);
      }
    },
    warn: (msg: string) => log(`  ! ${msg}`),
    warnOnce: (msg: string) => log(`  ! ${msg}`),
    error: (msg: string) => log(`  ✗ ${msg}`),
  };
}
