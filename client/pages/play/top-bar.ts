import { t } from "../../../shared/i18n/index.ts";
import { blacklistName, scoreName } from "../../../shared/text/score.ts";
import { tierText } from "../../../shared/text/tiers.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { displaySettings } from "../../ui/display-settings.ts";
import { formatClock, h, setText } from "../../ui/dom.ts";
import { languageButton } from "../../ui/language-button.ts";

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
    h(
      "div",
      { class: "me-row" },
      h("span", { class: "brand-mark", "aria-hidden": "true" }),
      nickname,
      h("span", { class: "spacer" }),
      tier,
      score,
      languageButton(true),
      displaySettings(),
    ),
    h("div", { class: "round-row" }, code, round, h("span", { class: "spacer" }), points, timer),
  );

  const renderClock = () => {
    const { phase, paused } = model.info;
    const left = model.secondsLeft;
    setText(timer, phase === "round" ? (paused ? t("phone.top.paused") : formatClock(left)) : phase === "ended" ? t("phone.top.over") : t("phone.top.lobby"));
    timer.classList.toggle("urgent", phase === "round" && !paused && left <= 10);
    timer.setAttribute(
      "aria-label",
      phase === "round" ? (paused ? t("phone.top.paused") : t("phone.top.seconds-left", { seconds: left })) : t("phone.top.no-round"),
    );
  };

  const renderMe = () => {
    const p = model.players.get(me());
    setText(nickname, p?.nickname ?? "");
    const sight = model.mySight();
    const name = scoreName(model.config);
    setText(score, sight ? model.fmt(sight.score) : t("phone.top.hidden"));
    score.classList.toggle("is-hidden", !sight);
    score.setAttribute("aria-label", sight ? t("phone.top.score-label", { name, score: model.fmt(sight.score) }) : t("phone.top.score-hidden-label", { name }));
    tier.hidden = !sight && !p?.blacklisted;
    if (p?.blacklisted) {
      tier.className = "me-tier is-blacklisted";
      setText(tier, `⊘ ${blacklistName(model.config)}`);
    } else if (sight) {
      const info = tierText(sight.tier, model.config);
      tier.className = `me-tier tier-${sight.tier}`;
      setText(tier, `${info.glyph} ${info.name}`);
    }
  };

  const render = () => {
    const { phase, round: r, rounds, code: c } = model.info;
    setText(code, c);
    setText(round, phase === "lobby" ? t("phone.top.waiting") : phase === "ended" ? t("phone.top.game-over") : t("phone.top.round", { round: r, rounds }));
    const p = model.players.get(me());
    const n = p?.actionPoints ?? 0;
    points.replaceChildren(...Array.from({ length: Math.min(Math.max(n, 0), 5) }, () => h("i", { class: "pip", "aria-hidden": "true" })));
    points.setAttribute("aria-label", t("phone.top.points-label", { points: n }));
    points.title = t("phone.top.points-title", { points: n });
    points.append(h("span", { class: "pip-count mono" }, t("phone.top.points-short", { points: n })));
    points.hidden = phase !== "round";
    renderMe();
    renderClock();
  };
  return { el, render, renderClock };
}
