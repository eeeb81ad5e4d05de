import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";

/** A long step a person waits for: what is happening, and how far it has got. */
export function progressBar() {
  const stage = h("p", { class: "progress-stage" });
  const fill = h("div", { class: "progress-fill" });
  const count = h("p", { class: "progress-count mono" });
  const el = h(
    "div",
    { class: "progress", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100, testid: "progress" },
    stage,
    h("div", { class: "progress-track" }, fill),
    count,
  );
  return {
    el,
    set(text: string, done: number, total: number, unit: "commands" | "kB" = "commands") {
      const share = total > 0 ? Math.min(1, done / total) : 0;
      setText(stage, text);
      fill.style.width = `${Math.round(share * 100)}%`;
      el.setAttribute("aria-valuenow", String(Math.round(share * 100)));
      setText(count, total > 1 ? t(unit === "kB" ? "replay.progress.kb" : "replay.progress.commands", { done, total }) : "");
    },
  };
}
