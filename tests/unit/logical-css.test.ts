import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Layout in logical properties (inline start/end), never physical left/right, so that a
 * right-to-left language can follow by setting `dir="rtl"`. Checked over every stylesheet and
 * every inline style the client sets.
 */
const PHYSICAL = [
  /(?<![\w-])(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right)(?![\w-])/,
  /(?<![\w-])(left|right)\s*:/,
  /(?<![\w-])(text-align|float|clear)\s*:\s*(left|right)\b/,
  /border-(top|bottom)-(left|right)-radius/,
];
const INLINE = [
  /\.style\.(left|right|marginLeft|marginRight|paddingLeft|paddingRight|borderLeft\w*|borderRight\w*)\b/,
  /style:\s*[`"'][^`"']*(?<![\w-])(left|right|margin-left|margin-right|padding-left|padding-right)\s*:/,
];

function files(dir: string, ext: RegExp, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, ext, into);
    else if (ext.test(name)) into.push(path);
  }
  return into;
}

function offending(path: string, patterns: RegExp[]): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .flatMap((line, i) => (patterns.some((p) => p.test(line.replace(/\/\*.*?\*\//g, ""))) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
}

describe("logical CSS", () => {
  it("no stylesheet uses a physical left/right property", () => {
    expect(files("client", /\.css$/).flatMap((f) => offending(f, PHYSICAL))).toEqual([]);
  });

  it("no script sets a physical left/right inline style", () => {
    expect(files("client", /\.ts$/).flatMap((f) => offending(f, INLINE))).toEqual([]);
  });
});
