import { h } from "../../ui/dom.ts";
import { authorised, refusal } from "./access.ts";
import type { Loaded } from "./worker-protocol.ts";

const TABLES = [
  { table: "events", title: "Events", what: "One row per event the rules emitted: who did what to whom, which rule moved which score, by how much." },
  { table: "scores", title: "Scores per round", what: "One row per player per round: score, change, tier, blacklist, friends, rank, actions taken." },
  { table: "friendships", title: "Friendships", what: "One row per friendship, from when it began to when it ended." },
  { table: "answers", title: "Debrief answers", what: "One row per answer to a debrief poll on a phone: the step, the question and the answer." },
  {
    table: "survey",
    title: "Before and after",
    what: "One row per answer to the scenario's questions before the game and after the debrief: the choice, whether it was right, the confidence and the player's score on that stage.",
  },
] as const;

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
    "⤓ Download the log (JSON)",
  );
  const jsonNote = h("p", { class: "muted" });
  const syncJson = () => {
    jsonButton.disabled = pseudo.checked;
    jsonNote.textContent = pseudo.checked
      ? "The log holds every nickname as typed, so it cannot be pseudonymized: untick the box above to download it."
      : "Every command as the server recorded it, with the settings and seed: it replays to the same game in the browser or with shared/rules.";
  };
  pseudo.addEventListener("change", syncJson);
  syncJson();

  const csvButton = (t: (typeof TABLES)[number]) => {
    const button = h("button", { class: "btn btn-primary", type: "button", testid: `download-${t.table}` }, `⤓ ${t.title} (CSV)`);
    button.addEventListener("click", async () => {
      const label = button.textContent;
      button.disabled = true;
      button.textContent = "Preparing…";
      try {
        const flag = pseudo.checked ? "&pseudonymize=1" : "";
        const res = await fetch(`/api/sessions/${encodeURIComponent(code)}/export.csv?table=${t.table}${flag}`, authorised(key));
        if (!res.ok) throw await refusal(res);
        save(await res.blob(), `citizen-score-${code}-${t.table}${pseudo.checked ? "-pseudonymized" : ""}.csv`);
      } catch (err) {
        showError(err instanceof Error ? err.message : "The download failed.");
      } finally {
        button.disabled = false;
        button.textContent = label;
      }
    });
    return h("li", { class: "download" }, button, h("p", {}, t.what));
  };

  return h(
    "div",
    { class: "data-tab scroll-tab" },
    h(
      "section",
      { class: "panel data-card" },
      h("h2", {}, "Take the data with you"),
      h(
        "p",
        { class: "lede" },
        "Tidy tables for R (readr::read_csv) or pandas (pd.read_csv), one observation per row; docs/PROTOCOL.md describes every column.",
      ),
      h("label", { class: "check pseudo" }, pseudo, " Pseudonymize: replace nicknames with Player 01, Player 02, … by join order (the same in every table)"),
      h("ul", { class: "downloads" }, ...TABLES.map(csvButton)),
      h("div", { class: "download" }, jsonButton, jsonNote),
      h(
        "p",
        { class: "muted privacy" },
        "Downloaded files are copies outside the server: deleting the session later does not delete them. Answers to the secret ballot are in the log beside each player's id; share aggregates only.",
      ),
    ),
    h(
      "section",
      { class: "panel data-card" },
      h("h2", {}, `Session ${code}`),
      h(
        "dl",
        { class: "facts-list" },
        ...(
          [
            ["Recorded", new Date(data.createdAt).toLocaleString()],
            ["Players", String(data.players.length)],
            ["Rounds played", String(data.rounds.length)],
            ["Commands in the log", data.commands.toLocaleString()],
            ["Events they caused", data.events.toLocaleString()],
            ["Scenario", data.config.scenario.title],
          ] as const
        ).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))),
      ),
    ),
  );
}
