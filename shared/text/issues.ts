import { currentLocale, isMessageKey, t } from "../i18n/index.ts";
import { WHOLE_FILE, WHOLE_REQUEST } from "../scenarios/issues.ts";
import type { FieldIssue } from "../scenarios/load.ts";

/** A checker problem's sentence in this screen's language; English screens keep the checker's own words. */
export function issueText(i: FieldIssue): string {
  if (currentLocale() === "en" || !i.key || !isMessageKey(i.key)) return i.message;
  return t(i.key, i.params);
}

/** A problem's place: a field's dotted path as the file writes it, or the whole file or request in words. */
export function issuePath(path: string): string {
  if (path === WHOLE_FILE) return t("scenario.issue.path.file");
  if (path === WHOLE_REQUEST) return t("scenario.issue.path.request");
  return path;
}
