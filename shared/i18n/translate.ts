import { IntlMessageFormat } from "intl-messageformat";
import { ENGLISH, flatten, loadCatalog, type MessageKey } from "./catalog.ts";
import { intlTag, type Locale, PSEUDO } from "./locales.ts";
import { pseudoMessage } from "./pseudo.ts";

/**
 * The words of every screen, in the device's language. One language per JavaScript context
 * (a phone, the projector, the replay's worker, the server): `useLanguage` once at start, then
 * `t` anywhere, in shared code too. The server never changes it, so what it writes (logs, the
 * export's text columns) is English.
 */
export type Params = Record<string, string | number | boolean | Date | null | undefined>;

const english = flatten(ENGLISH);
let locale: Locale = "en";
let messages = english;
/** Compiled messages, per language: English's kept for good (the export and the server word in it whatever the device speaks). */
const englishFormats = new Map<string, IntlMessageFormat>();
let formats = englishFormats;
/** Intl formatters by language and options: building one per number drawn is costly, drawing is per frame. */
let intlFormats = new Map<string, Intl.NumberFormat | Intl.ListFormat>();

export function currentLocale(): Locale {
  return locale;
}

/** Loads a language's catalog and makes it the one `t` speaks. */
export async function useLanguage(next: Locale): Promise<void> {
  if (next === PSEUDO) messages = new Map([...english].map(([key, message]) => [key, pseudoMessage(message)]));
  else messages = flatten(await loadCatalog(next));
  locale = next;
  formats = next === "en" ? englishFormats : new Map();
  intlFormats = new Map();
}

function format(key: string, message: string, tag: string): IntlMessageFormat {
  let compiled = formats.get(key);
  if (!compiled) {
    compiled = new IntlMessageFormat(message, tag, undefined, { ignoreTag: true });
    formats.set(key, compiled);
  }
  return compiled;
}

/**
 * The message for `key` with its parameters filled in ({n, plural, …}, {score, number}, …).
 * A key a language lacks falls back to English (the catalog test keeps that from shipping).
 */
export function t(key: MessageKey, params?: Params): string {
  const message = messages.get(key) ?? english.get(key);
  if (message === undefined) return key;
  return String(format(key, message, intlTag(locale)).format(params));
}

/** For keys built from a code the server sent ("errors.code.not-found"): true when it is in the catalog. */
export function isMessageKey(key: string): key is MessageKey {
  return english.has(key);
}

/** The English text of a message, whatever the device speaks: the export's text columns use it. */
export function inEnglish(key: MessageKey, params?: Params): string {
  return inEnglishDuring(() => t(key, params));
}

/**
 * Runs `fn` with `t` speaking English, whatever the device speaks, and returns what it returns:
 * for text built by the shared wording functions that must stay English (the export's text
 * columns, built in a replay's worker too). Synchronous, so nothing else runs in between.
 */
export function inEnglishDuring<T>(fn: () => T): T {
  const saved = { locale, messages, formats, intlFormats };
  locale = "en";
  messages = english;
  formats = englishFormats;
  intlFormats = new Map();
  try {
    return fn();
  } finally {
    ({ locale, messages, formats, intlFormats } = saved);
  }
}

/** 1,234 / 1.234 / 1 234 as the language writes it. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  const id = `n${JSON.stringify(options ?? {})}`;
  let f = intlFormats.get(id) as Intl.NumberFormat | undefined;
  if (!f) intlFormats.set(id, (f = new Intl.NumberFormat(intlTag(locale), options)));
  return f.format(n);
}

/** "Ana, Bo and Cy" / "Ana, Bo y Cy" / "Ana、Bo和Cy". */
export function formatList(items: readonly string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  // English lists as the product's British English does: no comma before "and" (CLDR's "en" adds one).
  let f = intlFormats.get(`l${type}`) as Intl.ListFormat | undefined;
  if (!f) intlFormats.set(`l${type}`, (f = new Intl.ListFormat(intlTag(locale) === "en" ? "en-GB" : intlTag(locale), { style: "long", type })));
  return f.format(items);
}

export function formatDate(date: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return new Intl.DateTimeFormat(intlTag(locale), options).format(date);
}
