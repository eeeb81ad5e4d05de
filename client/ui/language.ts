import { currentLocale, intlTag, isLocale, LANGUAGE_NAMES, LANGUAGES, type Locale, matchLanguage, PSEUDO, t, useLanguage } from "../../shared/i18n/index.ts";
import { h } from "./dom.ts";

/**
 * Each device its own language: a `?lang=` in the address (kept from then on), else the one
 * chosen here before, else the browser's preference. The projector's is the facilitator's
 * choice, made on the projector. Chinese text needs its own font; it is bundled and loads only
 * on a device that shows Chinese.
 */
const KEY = "citizen-score.language";

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Private browsing without storage: the choice lasts for this page.
  }
}

function chosenLocale(): Locale {
  const asked = new URLSearchParams(location.search).get("lang");
  if (isLocale(asked)) {
    remember(asked);
    return asked;
  }
  const kept = stored();
  return isLocale(kept) ? kept : matchLanguage(navigator.languages ?? [navigator.language]);
}

export async function startLanguage(): Promise<void> {
  const locale = chosenLocale();
  const font = locale === "zh-Hans" ? import("@fontsource-variable/noto-sans-sc") : undefined;
  await Promise.all([useLanguage(locale), font]);
  document.documentElement.lang = intlTag(locale);
}

/**
 * The language switch every page carries: one select, each language named in itself. A change
 * reloads the page in the new language (a phone keeps its seat over a reload).
 */
export function languagePicker(className = "language-picker"): HTMLElement {
  const current = currentLocale();
  const offered: Locale[] = current === PSEUDO ? [...LANGUAGES, PSEUDO] : [...LANGUAGES];
  const select = h(
    "select",
    {
      "aria-label": t("common.language.choose"),
      testid: "language-picker",
      onchange: () => {
        if (!isLocale(select.value)) return;
        remember(select.value);
        const url = new URL(location.href);
        url.searchParams.delete("lang");
        location.replace(url);
      },
    },
    ...offered.map((locale) => h("option", { value: locale, lang: intlTag(locale), selected: locale === current }, LANGUAGE_NAMES[locale])),
  );
  return h("label", { class: className }, h("span", { class: "language-picker-icon", "aria-hidden": "true" }, "🌐"), select);
}
