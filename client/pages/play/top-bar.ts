import type { ClassroomModel } from "../../view/classroom-model.ts";
import { formatClock, h, setText } from "../../ui/dom.ts";

/** Code, round, the time left and my action points, always in view. */
export function playTopBar(model: ClassroomModel, me: () => string) {
  const code = h("span", { class: "code mono", testid: "session-code" });
  const round = h("span", { class: "round", testid: "round" });
  const timer = h("span", { class: "timer mono", testid: "timer", role: "timer", "aria-live": "off" });
  const points = h("span", { class: "points", testid: "action-points" });
  const el = h(
    "header",
    { class: "play-top" },
    h("span", { class: "brand" }, h("span", { class: "brand-mark" })),
    code,
    round,
    h("span", { class: "spacer" }),
    points,
    timer,
  );

  const renderClock = () => {
    const { phase, paused } = model.info;
    const left = model.secondsLeft;
    setText(timer, phase === "round" ? (paused ? "Paused" : formatClock(left)) : phase === "ended" ? "Over" : "Lobby");
    timer.classList.toggle("urgent", phase === "round" && !paused && left <= 10);
    timer.setAttribute("aria-label", phase === "round" ? (paused ? "Paused" : `${left} seconds left in the round`) : "No round running");
  };

  const render = () => {
    const { phase, round: r, rounds, code: c } = model.info;
    setText(code, c);
    setText(round, phase === "lobby" ? "Waiting to start" : phase === "ended" ? "Game over" : `Round ${r} of ${rounds}`);
    const p = model.players.get(me());
    const n = p?.actionPoints ?? 0;
    points.replaceChildren(...Array.from({ length: Math.max(n, 0) }, () => h("i", { class: "pip", "aria-hidden": "true" })));
    points.setAttribute("aria-label", `${n} action ${n === 1 ? "point" : "points"} left`);
    points.title = `${n} action points left this round`;
    points.append(h("span", { class: "pip-count mono" }, `${n} AP`));
    points.hidden = phase !== "round";
    renderClock();
  };
  return { el, render, renderClock };
}
