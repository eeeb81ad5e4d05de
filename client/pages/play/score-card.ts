import { DEFAULT_CONFIG } from "../../../shared/rules/config.ts";
import { scoreSentence, signed } from "../../../shared/text/reasons.ts";
import { BLACKLIST_TEXT, tierText } from "../../../shared/text/tiers.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { PlayerInfo } from "../../view/classroom-view.ts";
import { announce, h, setText } from "../../ui/dom.ts";

/** My score, large, with its last change and the reason, my tier and its privileges. */
export function scoreCard(model: ClassroomModel, me: () => string, canvasHost: HTMLElement, onTier: (text: string, detail: string, up: boolean) => void) {
  const score = h("div", { class: "my-score mono", testid: "my-score", "aria-label": "Your score" }, "—");
  const delta = h("div", { class: "my-delta mono", testid: "my-delta", "aria-hidden": "true" });
  const reason = h("p", { class: "my-reason", testid: "my-reason" }, "Your score starts at 600. Every move counts.");
  const tier = h("div", { class: "my-tier", testid: "my-tier" });
  const perks = h("ul", { class: "perks" });
  const blacklist = h("div", { class: "blacklist-flag", hidden: true }, `${BLACKLIST_TEXT.glyph} ${BLACKLIST_TEXT.name}: ${BLACKLIST_TEXT.perks.join(". ")}.`);
  const rank = h("div", { class: "my-rank mono" });
  const history = h("ol", { class: "my-history", testid: "my-history", "aria-label": "Recent changes to your score" });
  let shown = NaN;
  let counter = 0;

  const countTo = (target: number) => {
    const from = Number.isNaN(shown) ? target : shown;
    shown = target;
    const started = performance.now();
    const id = ++counter;
    const step = (now: number) => {
      if (id !== counter) return;
      const t = Math.min(1, (now - started) / 700);
      const eased = 1 - (1 - t) ** 3;
      score.textContent = String(Math.round(from + (target - from) * eased));
      if (t < 1) requestAnimationFrame(step);
    };
    // The final value is set at once for readers and tests; the frames only animate the digits up to it.
    score.textContent = String(from);
    score.dataset.value = String(target);
    score.setAttribute("aria-label", `Your score: ${target}`);
    requestAnimationFrame(step);
    setTimeout(() => id === counter && (score.textContent = String(target)), 800);
  };

  const render = (p: PlayerInfo, before?: PlayerInfo) => {
    if (!before || before.score !== p.score) countTo(p.score);
    const t = tierText(p.tier, DEFAULT_CONFIG);
    tier.className = `my-tier tier-${p.tier}`;
    tier.replaceChildren(h("span", { class: "glyph", "aria-hidden": "true" }, t.glyph), h("b", {}, t.name), h("span", { class: "range mono" }, t.range));
    perks.className = `perks ${t.restricted ? "restrictions" : ""}`;
    perks.replaceChildren(...t.perks.map((x) => h("li", {}, x)));
    blacklist.hidden = !p.blacklisted;
    if (before && before.score !== p.score && p.last.delta !== 0) {
      const sentence = scoreSentence(p.last, p.id, model.nameOf);
      setText(reason, sentence);
      reason.dataset.tone = p.last.delta < 0 ? "down" : "up";
      setText(delta, signed(p.score - before.score));
      delta.dataset.dir = p.score > before.score ? "up" : "down";
      delta.classList.remove("pop");
      void delta.offsetWidth;
      delta.classList.add("pop");
      score.dataset.dir = delta.dataset.dir;
      announce(`Your score is ${p.score}. ${sentence}.`);
      history.prepend(h("li", { class: p.last.delta < 0 ? "down" : "up" }, sentence));
      while (history.childElementCount > 4) history.lastElementChild?.remove();
      if (before.tier !== p.tier) {
        const up = p.score > before.score;
        announce(`You are now in the ${t.name} tier.`);
        onTier(`${t.glyph} ${t.name}`, up ? t.perks.join(" · ") : `You lost ${tierText(before.tier, DEFAULT_CONFIG).name}. ${t.perks.join(" · ")}`, up);
      }
    }
  };

  const el = h(
    "section",
    { class: "score-card", "aria-label": "Your score" },
    canvasHost,
    h("div", { class: "score-center" }, score, delta, rank),
    reason,
    h("div", { class: "tier-line" }, tier, perks),
    history,
    blacklist,
  );
  return {
    el,
    update(before?: PlayerInfo) {
      const p = model.players.get(me());
      if (p) render(p, before);
    },
    /** Others joining or moving change my rank without changing me. */
    renderRank() {
      const p = model.players.get(me());
      setText(rank, p?.rank ? `#${p.rank} of ${model.players.size}` : "");
    },
  };
}
