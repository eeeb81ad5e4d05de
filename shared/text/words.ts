import { currentLocale, formatList as listOf, t } from "../i18n/index.ts";

/** "Ana", "Ana and Bo", "Ana, Bo and Cy", "Ana, Bo and 4 others": at most `most` names, the rest counted, as the language lists. */
export function nameList(names: readonly string[], most = 3): string {
  const unique = [...new Set(names)];
  if (unique.length <= most) return listOf(unique);
  const shown = most - 1;
  return listOf([...unique.slice(0, shown), t("feed.names.others", { count: unique.length - shown })]);
}

/** Whole sentences one after another: a space between them, none in Chinese (its full stop carries the gap). */
export function sentences(parts: readonly string[]): string {
  return parts.filter((p) => p !== "").join(currentLocale() === "zh-Hans" ? "" : " ");
}
