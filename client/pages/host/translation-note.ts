import { isLocale, LANGUAGE_NAMES, t } from "../../../shared/i18n/index.ts";
import type { FieldIssue } from "../../../shared/scenarios/load.ts";
import { h } from "../../ui/dom.ts";

/** The check's warnings by language: `translations.de` (none at all) or `translations.de.<text>` (one text missing). */
function byLanguage(warnings: FieldIssue[]): Map<string, string[] | "none"> {
  const out = new Map<string, string[] | "none">();
  for (const w of warnings) {
    const [head, lang, ...rest] = w.path.split(".");
    if (head !== "translations" || !lang) continue;
    const have = out.get(lang);
    if (rest.length === 0) out.set(lang, "none");
    else if (have !== "none") out.set(lang, [...(have ?? []), rest.join(".")]);
  }
  return out;
}

/**
 * Under an uploaded file's details: which languages its texts are not (fully) translated into,
 * each missing text by its field, so its author knows what a class in that language would still
 * read in the file's own words. Hidden when nothing is missing; never stops the file playing.
 */
export function translationNote() {
  const el = h("details", { class: "fold translation-note", testid: "translation-note", hidden: true });
  return {
    el,
    show(warnings: FieldIssue[]) {
      const languages = byLanguage(warnings);
      el.hidden = languages.size === 0;
      el.replaceChildren(
        h("summary", {}, t("scenario.warnings.summary", { count: languages.size })),
        h(
          "ul",
          {},
          ...[...languages].map(([lang, texts]) => {
            const language = isLocale(lang) ? LANGUAGE_NAMES[lang] : lang;
            if (texts === "none") return h("li", {}, t("scenario.warnings.none", { language }));
            return h(
              "li",
              {},
              t("scenario.warnings.missing", { language, count: texts.length }),
              h("ul", {}, ...texts.map((path) => h("li", {}, h("code", {}, path)))),
            );
          }),
        ),
      );
    },
  };
}
