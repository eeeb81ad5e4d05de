/**
 * The languages Citizen Score ships, and how a device's preferences pick one. The pseudo-locale
 * is English made longer and accented, for finding text that skipped the catalogs; it is chosen
 * only by name (`?lang=en-XA`), never from a browser's preferences.
 */
export const LANGUAGES = ["en", "es", "de", "zh-Hans"] as const;
export type Language = (typeof LANGUAGES)[number];

export const PSEUDO = "en-XA";
export type Locale = Language | typeof PSEUDO;

/** Each language named in itself, as a picker shows it. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  de: "Deutsch",
  "zh-Hans": "简体中文",
  [PSEUDO]: "Ƥšéûðö",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (value === PSEUDO || (LANGUAGES as readonly string[]).includes(value));
}

/**
 * The first shipped language among a browser's preferences ("de-AT" is German, any Chinese is
 * Simplified Chinese, the only Chinese shipped), or English.
 */
export function matchLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const lower = tag.toLowerCase();
    const exact = LANGUAGES.find((l) => l.toLowerCase() === lower);
    if (exact) return exact;
    const base = lower.split("-")[0];
    if (base === "zh") return "zh-Hans";
    const byBase = LANGUAGES.find((l) => l === base);
    if (byBase) return byBase;
  }
  return "en";
}

/** The BCP 47 tag for Intl and for `<html lang>`. */
export function intlTag(locale: Locale): string {
  return locale === PSEUDO ? "en" : locale;
}
