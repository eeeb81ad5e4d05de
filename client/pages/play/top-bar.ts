import { blacklistName, scoreName } from "../../../shared/text/score.ts";
import { tierText } from "../../../shared/text/tiers.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { formatClock, h, setText } from "../../ui/dom.ts";

/**
 * Always in view: who I am, my score and tier as I may see them; the code, the round, the
 * time left and my action points.
 */
export function playTopBar(model: ClassroomModel, me: () => string) {
  const nickname = h("span", { class: "me-name", testid: "header-nickname" });
  const tier = h("span", { class: "me-tier", testid: "header-tier" });
  const score = h("span", { class: "me-score mono", testid: "header-score" });
  const code = h("span", { class: "code mono", testid: "session-code" });
  const round = h("span", { class: "round", testid: "round" });
  const timer = h("span", { class: "timer mono", testid: "timer", role: "timer", "aria-live": "off" });
  const points = h("span", { class: "points", testid: "action-points" });
  const el = h(
    "header",
    { class: "play-top" },
    h("div", { class: "me-row" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), nickname, h("span", { class: "spacer" }), tier, score),
    h("div", { class: "round-row" }, code, round, h("span", { class: "spacer" }), points, timer),
  );

  const renderClock = () => {
    const { phase, paused } = model.info;
    const left = model.secondsLeft;
    setText(timer, phase === "round" ? (paused ? "Paused" : formatClock(left)) : phase === "ended" ? "Over" : "Lobby");
    timer.classList.toggle("urgent", phase === "round" && !paused && left <= 10);
    timer.setAttribute("aria-label", phase === "round" ? (paused ? "Paused" : `${left} seconds left in the round`) : "No round running");
  };

  const renderMe = () => {
    const p = model.players.get(me());
    setText(nickname, p?.nickname ?? "");
    const sight = model.mySight();
    const name = scoreName(model.config);
    setText(score, sight ? model.fmt(sight.score) : "Hidden");
    score.classList.toggle("is-hidden", !sight);
    score.setAttribute("aria-label", sight ? `${name}: ${model.fmt(sight.score)}` : `${name} hidden`);
    tier.hidden = !sight && !p?.blacklisted;
    if (p?.blacklisted) {
      tier.className = "me-tier is-blacklisted";
      setText(tier, `⊘ ${blacklistName(model.config)}`);
    } else if (sight) {
      const t = tierText(sight.tier, model.config);
      tier.className = `me-tier tier-${sight.tier}`;
      setText(tier, `${t.glyph} ${t.name}`);
    }
  };

  const render = () => {
    const { phase, round: r, rounds, code: c } = model.info;
    setText(code, c);
    setText(round, phase === "lobby" ? "Waiting to start" : phase === "ended" ? "Game over" : `Round ${r} of ${rounds}`);
    const p = model.players.get(me());
    const n = p?.actionPoints ?? 0;
    points.replaceChildren(...Array.from({ length: Math.min(Math.max(n, 0), 5) }, () => h("i", { class: "pip", "aria-hidden": "true" })));
    points.setAttribute("aria-label", `${n} action ${n === 1 ? "point" : "points"} left`);
    points.title = `${n} action points left this round`;
    points.append(h("span", { class: "pip-count mono" }, `${n} AP`));
    points.hidden = phase !== "round";
    renderMe();
    renderClock();
  };
  return { el, render, renderClock };
}
