import type { ScenarioSummary } from "../../net/scenarios-api.ts";
import { h, setText } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

/** A mark per preset, so the list reads at a glance. */
const MARK: Record<string, string> = { "citizen-score-2015": "★", "rongcheng-pilot": "▦", "blacklist-only": "⊘", "ratings-at-work": "✦", "free-play": "◎" };

/** The presets as a list to choose from, and a place to upload a scenario file (click or drop). */
export function scenarioPicker(onPreset: (s: ScenarioSummary) => void, onFile: (file: File) => void) {
  const list = h("div", { class: "preset-list", role: "radiogroup", "aria-label": t("host.picker.label"), testid: "preset-list" });
  const file = h("input", { type: "file", accept: ".json,application/json", id: "scenario-file", testid: "scenario-file", class: "visually-hidden" });
  const fileName = h("small", { class: "upload-name" }, t("host.picker.uploadHint"));
  const upload = h(
    "label",
    { class: "preset upload", for: "scenario-file", role: "radio", "aria-checked": "false", testid: "upload-card" },
    h("span", { class: "preset-icon", "aria-hidden": "true" }, "⇪"),
    h("span", { class: "preset-text" }, h("b", {}, t("host.picker.upload")), fileName),
  );
  const cards = new Map<string, HTMLElement>();
  const el = h("div", { class: "picker" }, list, file, upload);

  const select = (key: string) => {
    for (const [k, card] of cards) card.setAttribute("aria-checked", String(k === key));
    upload.setAttribute("aria-checked", String(key === "(file)"));
  };
  const take = (f: File | undefined) => {
    if (!f) return;
    setText(fileName, f.name);
    select("(file)");
    onFile(f);
  };
  file.addEventListener("change", () => {
    take(file.files?.[0]);
    // The same file chosen again (after fixing it) must still be read.
    file.value = "";
  });
  upload.addEventListener("dragover", (e) => {
    e.preventDefault();
    upload.classList.add("dragging");
  });
  upload.addEventListener("dragleave", () => upload.classList.remove("dragging"));
  upload.addEventListener("drop", (e) => {
    e.preventDefault();
    upload.classList.remove("dragging");
    take(e.dataTransfer?.files[0]);
  });

  return {
    el,
    select,
    show(presets: ScenarioSummary[]) {
      cards.clear();
      list.replaceChildren(
        ...presets.map((s) => {
          const card = h(
            "button",
            { class: "preset", type: "button", role: "radio", "aria-checked": "false", testid: `preset-${s.id}`, onclick: () => (select(s.id), onPreset(s)) },
            h("span", { class: "preset-icon", "aria-hidden": "true" }, MARK[s.id] ?? "◆"),
            h(
              "span",
              { class: "preset-text" },
              h("b", {}, s.title),
              h("small", {}, t("host.picker.summary", { rounds: s.numbers.rounds, events: s.schedule.length })),
            ),
          );
          cards.set(s.id, card);
          return card;
        }),
      );
    },
  };
}
