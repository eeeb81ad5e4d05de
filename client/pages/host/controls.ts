import type { FacilitateMessage } from "../../../shared/messages/messages.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

/** The facilitator's pacing buttons; each one shows only when it can do something. */
export function hostControls(model: ClassroomModel, send: (msg: FacilitateMessage) => void, openSettings: () => void) {
  const start = h(
    "button",
    { class: "btn btn-primary btn-start", type: "button", testid: "start-button", onclick: () => send({ type: "start" }) },
    t("host.controls.start"),
  );
  const pause = h("button", { class: "btn", type: "button", testid: "pause-button" }, t("host.controls.pause"));
  pause.addEventListener("click", () => send({ type: model.info.paused ? "resume" : "pause" }));
  const next = h("button", { class: "btn", type: "button", testid: "next-round-button", onclick: () => send({ type: "next-round" }) }, t("host.controls.next"));
  const end = h("button", { class: "btn btn-danger", type: "button", testid: "end-button" }, t("host.controls.end"));
  let armed: ReturnType<typeof setTimeout> | undefined;
  // Ending cannot be undone: the first press asks, the second (within a few seconds) ends.
  end.addEventListener("click", () => {
    if (armed) {
      clearTimeout(armed);
      armed = undefined;
      end.textContent = t("host.controls.end");
      return send({ type: "end" });
    }
    end.textContent = t("host.controls.sure");
    armed = setTimeout(() => {
      armed = undefined;
      end.textContent = t("host.controls.end");
    }, 4000);
  });
  const settings = h(
    "button",
    { class: "btn btn-ghost", type: "button", testid: "settings-button", onclick: openSettings, title: t("host.controls.settingsTitle") },
    t("host.controls.settings"),
  );
  const el = h("div", { class: "controls", role: "toolbar", "aria-label": t("host.controls.label") }, pause, next, end, settings);

  return {
    el,
    start,
    render() {
      const { phase, paused, round, rounds } = model.info;
      start.hidden = phase !== "lobby";
      start.disabled = model.players.size === 0;
      start.title = start.disabled ? t("host.controls.waitPlayer") : "";
      pause.hidden = phase !== "round";
      pause.textContent = paused ? t("host.controls.resume") : t("host.controls.pause");
      pause.classList.toggle("btn-primary", paused);
      next.hidden = phase !== "round";
      next.textContent = round >= rounds ? t("host.controls.finish") : t("host.controls.next");
      end.hidden = phase === "ended";
    },
  };
}
