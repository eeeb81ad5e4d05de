import { t } from "../../../shared/i18n/index.ts";
import { scoreSentence, type ScoreChange } from "../../../shared/text/reasons.ts";
import { scoreName } from "../../../shared/text/score.ts";
import { blacklistLine, BLACKLIST_TEXT, tierText } from "../../../shared/text/tiers.ts";
import type { ClassroomModel, Sight } from "../../view/classroom-model.ts";
import { reducedMotion } from "../../ui/motion.ts";
import { announce, h, setText } from "../../ui/dom.ts";

const HISTORY_KEPT = 30;

export interface ScoreCardHooks {
  /** A new tier: a big moment worth a flash. */
  onTier: (text: string, detail: string, up: boolean) => void;
  /** The voluntary switch to show my score to everyone. */
  onShow: (on: boolean) => void;
  /** A change I could see, with its cause and the sentence that tells it. */
  onChange: (change: ScoreChange, sentence: string) => void;
}

/**
 * My score, large, with its last change and the reason (`el`, on the Act screen), and my tier,
 * its privileges and the changes so far (`details`, on the Me screen). It shows my own score
 * (the private `ownScore`), which I may see whenever scores are not hidden; in the voluntary
 * phase a switch shows it to everyone.
 */
export function scoreCard(model: ClassroomModel, me: () => string, dialHost: HTMLElement, hooks: ScoreCardHooks) {
  const { onTier, onShow } = hooks;
  const caption = h("div", { class: "score-caption" });
  const score = h("div", { class: "my-score mono", testid: "my-score", "aria-label": t("phone.score.yours") }, "—");
  const delta = h("div", { class: "my-delta mono", testid: "my-delta", "aria-hidden": "true" });
  const reason = h("p", { class: "my-reason", testid: "my-reason" });
  const tier = h("div", { class: "my-tier", testid: "my-tier" });
  const perks = h("ul", { class: "perks" });
  const blacklist = h("div", { class: "blacklist-flag", hidden: true });
  const rank = h("div", { class: "my-rank mono" });
  const history = h("ol", { class: "my-history", testid: "my-history", "aria-label": t("phone.score.history-label") });
  const historyEmpty = h("p", { class: "my-history-empty", testid: "my-history-empty" });
  const tierHidden = h("p", { class: "my-history-empty", testid: "my-tier-hidden" }, t("phone.score.tier-hidden"));
  const showInput = h("input", { type: "checkbox", class: "switch", testid: "show-score", id: "show-score" });
  showInput.addEventListener("change", () => onShow(showInput.checked));
  const showRow = h(
    "label",
    { class: "show-score", for: "show-score", hidden: true },
    showInput,
    h("span", {}, h("b", {}, t("phone.score.show")), h("small", {}, t("phone.score.show-help"))),
  );
  let shown: Sight | null = null;
  let counter = 0;
  let greeted = false;

  const countTo = (target: number, from: number) => {
    const id = ++counter;
    const started = performance.now();
    const step = (now: number) => {
      if (id !== counter) return;
      const k = Math.min(1, (now - started) / 700);
      const eased = 1 - (1 - k) ** 3;
      score.textContent = model.fmt(Math.round(from + (target - from) * eased));
      if (k < 1) requestAnimationFrame(step);
    };
    // The final value is set at once for readers and tests; the frames only animate the digits up to it.
    score.textContent = model.fmt(from);
    score.dataset.value = String(target);
    score.setAttribute("aria-label", t("phone.score.value-label", { name: scoreName(model.config), score: model.fmt(target) }));
    if (reducedMotion()) return void (score.textContent = model.fmt(target));
    requestAnimationFrame(step);
    setTimeout(() => id === counter && (score.textContent = model.fmt(target)), 800);
  };

  const renderTier = (sight: Sight | null, blacklisted: boolean) => {
    tier.hidden = !sight;
    perks.hidden = !sight;
    tierHidden.hidden = !!sight;
    historyEmpty.hidden = history.childElementCount > 0;
    setText(historyEmpty, sight ? t("phone.score.history-empty") : t("phone.score.history-hidden"));
    blacklist.hidden = !blacklisted;
    setText(blacklist, `${BLACKLIST_TEXT.glyph} ${blacklistLine(model.config)}`);
    if (!sight) return;
    const info = tierText(sight.tier, model.config);
    tier.className = `my-tier tier-${sight.tier}`;
    tier.replaceChildren(
      h("span", { class: "glyph", "aria-hidden": "true" }, info.glyph),
      h("b", {}, info.name),
      h("span", { class: "range mono" }, info.range),
    );
    perks.className = `perks ${info.restricted ? "restrictions" : ""}`;
    perks.replaceChildren(...info.perks.map((x) => h("li", {}, x)));
  };

  /** A change I can see: the number moves, and the reason is told. */
  const changed = (sight: Sight, before: Sight) => {
    const d = sight.score - before.score;
    // The inbox that carries my new score carries its cause too.
    const cause = model.private.lastChange;
    const sentence = cause ? scoreSentence({ ...cause, delta: d }, me(), model.nameOf, model.fmtDelta, model.config) : model.fmtDelta(d);
    setText(reason, sentence);
    reason.dataset.tone = d < 0 ? "down" : "up";
    setText(delta, model.fmtDelta(d));
    delta.dataset.dir = d > 0 ? "up" : "down";
    delta.classList.remove("pop");
    void delta.offsetWidth;
    delta.classList.add("pop");
    score.dataset.dir = delta.dataset.dir;
    announce(t("phone.score.changed-announce", { score: model.fmt(sight.score), reason: sentence }));
    history.prepend(h("li", { class: d < 0 ? "down" : "up" }, sentence));
    while (history.childElementCount > HISTORY_KEPT) history.lastElementChild?.remove();
    if (cause) hooks.onChange({ ...cause, delta: d }, sentence);
    if (before.tier !== sight.tier) {
      const info = tierText(sight.tier, model.config);
      const perks = info.perks.join(" · ");
      announce(t("phone.score.tier-announce", { tier: info.name }));
      onTier(`${info.glyph} ${info.name}`, d > 0 ? perks : t("phone.score.tier-lost", { tier: tierText(before.tier, model.config).name, perks }), d > 0);
    }
  };

  const update = () => {
    const p = model.players.get(me());
    if (!p) return;
    const sight = model.mySight();
    if (caption.textContent !== scoreName(model.config)) {
      setText(caption, scoreName(model.config));
      requestAnimationFrame(placeCaption);
    }
    el.dataset.hidden = String(!sight);
    if (!sight) {
      counter++;
      setText(score, "•••");
      score.dataset.value = "";
      score.setAttribute("aria-label", t("phone.score.hidden-label"));
      setText(reason, t("phone.score.hidden-note"));
      reason.dataset.tone = "";
    } else if (!shown) {
      countTo(sight.score, sight.score);
      const lobby = model.info.phase === "lobby";
      setText(
        reason,
        lobby ? t("phone.score.lobby", { score: model.fmt(model.config.startScore) }) : greeted ? t("phone.score.visible-now") : t("phone.score.every-move"),
      );
    } else if (shown.score !== sight.score) {
      countTo(sight.score, shown.score);
      if (model.isReady) changed(sight, shown);
    }
    greeted = true;
    shown = sight;
    renderTier(sight, p.blacklisted);
    showRow.hidden = model.info.visibility !== "owner";
    showInput.checked = p.showsScore;
  };

  const center = h("div", { class: "score-center" }, caption, score, delta, rank);
  const el = h("section", { class: "score-card", "aria-label": t("phone.score.yours"), testid: "score-card" }, dialHost, center, reason);
  /**
   * The score's name sits inside the dial's ring when it fits the ring's opening (about 0.7 of
   * the ring's width at its height); a scenario's longer name ("Savings (only you see them)")
   * goes under the dial instead of across the ring.
   */
  const placeCaption = () => {
    const ring = dialHost.querySelector("path")?.getBoundingClientRect();
    if (!ring || ring.width === 0) return;
    const fits = caption.scrollWidth <= ring.width * 0.7;
    if (fits && caption.parentElement !== center) center.prepend(caption);
    if (!fits && caption.parentElement !== el) el.insertBefore(caption, reason);
  };
  new ResizeObserver(() => placeCaption()).observe(dialHost);
  const details = h(
    "section",
    { class: "panel score-details", "aria-label": t("phone.score.details-label"), testid: "score-details" },
    h("h2", {}, t("phone.score.tier-title")),
    h("div", { class: "tier-line" }, tier, perks),
    tierHidden,
    blacklist,
    showRow,
    h("h2", { class: "history-title" }, t("phone.score.history-title")),
    history,
    historyEmpty,
  );
  return {
    el,
    details,
    update,
    /** Others joining or moving change my rank without changing me. */
    renderRank() {
      const place = model.placeOf(me());
      setText(rank, place ? t("phone.score.rank", { place, count: model.players.size }) : "");
    },
  };
}
