import { type MessageKey, t } from "../i18n/index.ts";
import { settingNow, topicLabel, type LiveRules } from "./live.ts";
import { NUMBER_TEXT, type NumberName } from "./settings.ts";

const SWITCH_TEXT: Record<string, MessageKey> = { allowLateJoin: "feed.changed.late-joining" };

/**
 * The settings a change set, as the host page names them: "Rounds 6 · Friend weight 0.2 ·
 * “Report”: points to you +30 · topic banned: Air pollution". Scores are in the scenario's
 * units. Keys are a settings event's (`rounds`, `visaAt`) or a rule change's (`report.self`,
 * `banned:topic`).
 */
export function changedText(changed: Record<string, number | boolean>, c: LiveRules): string {
  return Object.entries(changed)
    .map(([key, value]) => {
      if (key.startsWith("banned:")) return t("feed.changed.banned", { topic: topicLabel(key.slice(7), c) });
      if (typeof value === "boolean") return t("feed.changed.switch", { label: key in SWITCH_TEXT ? t(SWITCH_TEXT[key]) : key, on: value ? "yes" : "no" });
      const now = settingNow(key.includes(".") ? `actions.${key}` : key, value, c);
      const label = key in NUMBER_TEXT ? NUMBER_TEXT[key as NumberName].label : now.label;
      return t("feed.changed.number", { label, value: now.value });
    })
    .join(" · ");
}
