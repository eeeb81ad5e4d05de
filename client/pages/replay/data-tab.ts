import { formatNumber, t } from "../../../shared/i18n/index.ts";
import { h } from "../../ui/dom.ts";
import { authorised, refusal } from "./access.ts";
import type { Loaded } from "./worker-protocol.ts";

/** The export's tables; each is named and explained on the page as `replay.data.table.<table>.title` / `.what`. */
const TABLES = ["events", "scores", "friendships", "answers", "survey"] as const;
type Table = (typeof TABLES)[number];

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads for a class discussion or a research analysis: the tidy CSV tables and the full log. */
export function dataTab(data: Loaded, key: string, log: Blob, showError: (message: string) => void): HTMLElement {
  const code = data.code;
  const pseudo = h("input", { type: "checkbox", id: "pseudonymize", testid: "pseudonymize", checked: true });
  const jsonButton = h(
    "button",
    { class: "btn", type: "button", testid: "download-json", onclick: () => save(log, `citizen-score-${code}-log.json`) },
    t("replay.data.json"),
  );
  const jsonNote = h("p", { class: "muted" });
  const syncJson = () => {
    jsonButton.disabled = pseudo.checked;
    jsonNote.textContent = pseudo.checked ? t("replay.data.json-pseudo") : t("replay.data.json-what");
  };
  pseudo.addEventListener("change", syncJson);
  syncJson();

  const csvButton = (table: Table) => {
    const button = h(
      "button",
      { class: "btn btn-primary", type: "button", testid: `download-${table}` },
      t("replay.data.csv", { title: t(`replay.data.table.${table}.title`) }),
    );
    button.addEventListener("click", async () => {
      const label = button.textContent;
      button.disabled = true;
      button.textContent = t("replay.data.preparing");
      try {
        const flag = pseudo.checked ? "&pseudonymize=1" : "";
        const res = await fetch(`/api/sessions/${encodeURIComponent(code)}/export.csv?table=${table}${flag}`, authorised(key));
        if (!res.ok) throw await refusal(res);
        save(await res.blob(), `citizen-score-${code}-${table}${pseudo.checked ? "-pseudonymized" : ""}.csv`);
      } catch (err) {
        showError(err instanceof Error ? err.message : t("replay.data.failed"));
      } finally {
        button.disabled = false;
        button.textContent = label;
      }
    });
    return h("li", { class: "download" }, button, h("p", {}, t(`replay.data.table.${table}.what`)));
  };

  return h(
    "div",
    { class: "data-tab scroll-tab" },
    h(
      "section",
      { class: "panel data-card" },
      h("h2", {}, t("replay.data.title")),
      h("p", { class: "lede" }, t("replay.data.lede")),
      h("label", { class: "check pseudo" }, pseudo, " ", t("replay.data.pseudonymize")),
      h("ul", { class: "downloads" }, ...TABLES.map(csvButton)),
      h("div", { class: "download" }, jsonButton, jsonNote),
      h("p", { class: "muted privacy" }, t("replay.data.privacy")),
    ),
    h(
      "section",
      { class: "panel data-card" },
      h("h2", {}, t("replay.data.session", { code })),
      h(
        "dl",
        { class: "facts-list" },
        ...(
          [
            [t("replay.data.fact.recorded"), t("replay.data.fact.recorded-at", { at: new Date(data.createdAt) })],
            [t("replay.data.fact.players"), formatNumber(data.players.length)],
            [t("replay.data.fact.rounds"), formatNumber(data.rounds.length)],
            [t("replay.data.fact.commands"), formatNumber(data.commands)],
            [t("replay.data.fact.events"), formatNumber(data.events)],
          ] as const
        ).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))),
        // The scenario's own words, in its own translations.
        h("div", {}, h("dt", {}, t("replay.data.fact.scenario")), h("dd", { class: "scenario-text" }, data.config.scenario.title)),
      ),
    ),
  );
}
