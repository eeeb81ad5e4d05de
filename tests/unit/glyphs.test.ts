import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|css|json)$/.test(name) ? [path] : [];
  });
}

/**
 * Media-control symbols ("⏭"), emoji and the arrows-and-shapes supplement are in neither of
 * the bundled fonts nor the usual system symbol fonts a projector's laptop falls back to: they
 * showed as a missing-glyph box. Two misc-technical symbols that those fonts do carry are kept.
 */
const RISKY = /[\u2300-\u23FF\u2B00-\u2BFF\u{1F000}-\u{1FFFF}]/gu;
const KEPT = new Set(["⌂", "⌕"]);

describe("glyphs on screen", () => {
  it("no text the client shows uses a symbol that may draw as a box", () => {
    const found = [...files(join(ROOT, "client")), ...files(join(ROOT, "shared"))].flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(RISKY)].filter((m) => !KEPT.has(m[0])).map((m) => `${path.slice(ROOT.length + 1)}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
