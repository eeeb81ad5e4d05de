import type { FacilitateMessage } from "../../../shared/messages/messages.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h } from "../../ui/dom.ts";

/** The facilitator's pacing buttons; each one shows only when it can do something. */
export function hostControls(model: ClassroomModel, send: (msg: FacilitateMessage) => void, openSettings: () => void) {
  const start = h(
    "button",
    { class: "btn btn-primary btn-start", type: "button", testid: "start-button", onclick: () => send({ type: "start" }) },
    "▶ Start the game",
  );
  const pause = h("button", { class: "btn", type: "button", testid: "pause-button" }, "❚❚ Pause");
  pause.addEventListener("click", () => send({ type: model.info.paused ? "resume" : "pause" }));
  const next = h("button", { class: "btn", type: "button", testid: "next-round-button", onclick: () => send({ type: "next-round" }) }, "Next round »");
  const end = h("button", { class: "btn btn-danger", type: "button", testid: "end-button" }, "■ End");
  let armed: ReturnType<typeof setTimeout> | undefined;
  // Ending cannot be undone: the first press asks, the second (within a few seconds) ends.
  end.addEventListener("click", () => {
    if (armed) {
      clearTimeout(armed);
      armed = undefined;
      end.textContent = "■ End";
      return send({ type: "end" });
    }
    end.textContent = "Sure? Press again";
    armed = setTimeout(() => {
      armed = undefined;
      end.textContent = "■ End";
    }, 4000);
  });
  const settings = h(
    "button",
    { class: "btn btn-ghost", type: "button", testid: "settings-button", onclick: openSettings, title: "Round settings" },
    "⚙ Settings",
  );
  const el = h("div", { class: "controls", role: "toolbar", "aria-label": "Facilitator controls" }, pause, next, end, settings);

  return {
    el,
    start,
    render() {
      const { phase, paused, round, rounds } = model.info;
      start.hidden = phase !== "lobby";
      start.disabled = model.players.size === 0;
      start.title = start.disabled ? "Wait until at least one player has joined." : "";
      pause.hidden = phase !== "round";
      pause.textContent = paused ? "▶ Resume" : "❚❚ Pause";
      pause.classList.toggle("btn-primary", paused);
      next.hidden = phase !== "round";
      next.textContent = round >= rounds ? "Finish last round »" : "Next round »";
      end.hidden = phase === "ended";
    },
  };
}
