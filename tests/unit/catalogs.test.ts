import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { flatten, type LoadedCatalog, loadCatalog } from "../../shared/i18n/catalog.ts";
import { LANGUAGES } from "../../shared/i18n/locales.ts";
import { pseudoMessage } from "../../shared/i18n/pseudo.ts";

/**
 * The catalogs as a translator and a reviewer would check them: every language has every
 * English key and no other, each message says the same placeholders as its English, and every
 * key is used by some screen (a key built from a code, like `errors.code.${code}`, counts as
 * used when code builds that prefix).
 */
const catalogs = new Map<string, Map<string, string>>();
for (const language of LANGUAGES) catalogs.set(language, flatten((await loadCatalog(language)) as LoadedCatalog));
const english = catalogs.get("en")!;

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(`${el.value}:${el.type}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.value}:${el.type}`);
      for (const option of Object.values(el.options)) placeholders(option.value, into);
    }
  }
  return into;
}

function sourceFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, into);
    else if (/\.(ts|json)$/.test(name) && !path.includes(`${join("i18n", "catalogs")}`)) into.push(path);
  }
  return into;
}

describe("message catalogs", () => {
  it("every message parses as ICU MessageFormat, and its pseudo form too", () => {
    for (const [language, messages] of catalogs)
      for (const [key, message] of messages) {
        expect(() => parse(message, { ignoreTag: true }), `${language} ${key}`).not.toThrow();
        if (language === "en") expect(() => parse(pseudoMessage(message), { ignoreTag: true }), key).not.toThrow();
      }
  });

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s has every English key and no other", (language) => {
    const messages = catalogs.get(language)!;
    expect(
      [...english.keys()].filter((k) => !messages.has(k)),
      "missing",
    ).toEqual([]);
    expect(
      [...messages.keys()].filter((k) => !english.has(k)),
      "not in English",
    ).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s uses the same placeholders as English", (language) => {
    const differ: string[] = [];
    for (const [key, message] of catalogs.get(language)!) {
      const source = english.get(key);
      if (source === undefined) continue;
      const ours = [...placeholders(parse(message, { ignoreTag: true }))].sort();
      const theirs = [...placeholders(parse(source, { ignoreTag: true }))].sort();
      if (ours.join() !== theirs.join()) differ.push(`${key}: ${ours.join()} vs ${theirs.join()}`);
    }
    expect(differ).toEqual([]);
  });

  it("every English key is used", () => {
    const code = ["shared", "client", "server"].flatMap((dir) => sourceFiles(dir)).map((f) => readFileSync(f, "utf8"));
    const text = code.join("\n");
    const prefixes = [...text.matchAll(/`([a-z0-9]+\.[\w.-]+\.)\$\{/g)].map((m) => m[1]);
    const unused = [...english.keys()].filter((key) => !text.includes(`"${key}"`) && !text.includes(`'${key}'`) && !prefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });
});
