import { currentLocale, intlTag, isLocale, LANGUAGE_NAMES, LANGUAGES, type Locale, matchLanguage, PSEUDO, t, useLanguage } from "../../shared/i18n/index.ts";
import { loadCjkFont, loadCjkFontWhenShown } from "./cjk-font.ts";
import { h } from "./dom.ts";

/**
 * Each device its own language: a `?lang=` in the address (kept from then on), else the one
 * chosen here before, else the browser's preference. The projector's is the facilitator's
 * choice, made on the projector. Chinese text needs its own font: it is bundled, loads at once
 * on a device set to Chinese, and elsewhere once Chinese text (a nickname, a title) shows.
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
  const font = locale === "zh-Hans" ? loadCjkFont() : undefined;
  await Promise.all([useLanguage(locale), font]);
  document.documentElement.lang = intlTag(locale);
  loadCjkFontWhenShown();
}

const SVG = "http://www.w3.org/2000/svg";

/** A globe drawn in lines: many devices' fonts lack the emoji. */
function globe(): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "language-picker-icon language-globe");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.4 3.8 5.4 3.8 9s-1.3 6.6-3.8 9M12 3C9.5 5.4 8.2 8.4 8.2 12s1.3 6.6 3.8 9");
  svg.append(path);
  return svg;
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
  return h("label", { class: className }, globe(), select);
}
