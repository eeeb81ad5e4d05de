import { blacklistName } from "../../../shared/text/score.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";
import { numberInput } from "../../ui/number-input.ts";
import { card, divisorOf, field, type EventForm, type Send } from "./event-forms.ts";
import { t } from "../../../shared/i18n/index.ts";

/** A random audit, a blacklist shock, and the final round: events of a running round with one or two numbers. */
export function shockForms(model: ClassroomModel, send: Send): EventForm {
  let share = numberInput("share", 1, { id: "audit-share", testid: "audit-share", min: 1, max: 100, required: true });
  let points = numberInput("points", 1, { id: "audit-points", testid: "audit-points", min: 0, required: true });
  let below = numberInput("score", 1, { id: "shock-below", testid: "shock-below", required: true });
  const auditButton = h("button", { class: "btn btn-primary", type: "submit", testid: "audit-apply" }, t("host.events.audit.apply"));
  const shockButton = h("button", { class: "btn btn-primary", type: "submit", testid: "shock-apply" }, t("host.events.shock.apply"));
  const finalButton = h(
    "button",
    { class: "btn btn-primary", type: "button", testid: "final-apply", onclick: () => send({ type: "final-round" }) },
    t("host.events.final.apply"),
  );
  const audit = h(
    "form",
    { class: "event-form" },
    h("div", { class: "form-grid" }, field(t("host.events.audit.share"), share.el), field(t("host.events.audit.points"), points.el)),
    auditButton,
  );
  const shock = h("form", { class: "event-form" }, field(t("host.events.shock.below"), below.el), shockButton);
  audit.addEventListener("submit", (e) => {
    e.preventDefault();
    send({ type: "audit", share: share.get(), points: points.get() });
  });
  shock.addEventListener("submit", (e) => {
    e.preventDefault();
    send({ type: "blacklist-shock", below: below.get() });
  });
  const shockTitle = h("h3", {});
  const el = h(
    "div",
    { class: "event-group" },
    card(t("host.events.audit.title"), "event-audit", h("p", { class: "help" }, t("host.events.audit.help")), audit),
    h("section", { class: "event-card", testid: "event-shock" }, shockTitle, shock),
    card(t("host.events.final.title"), "event-final", h("p", { class: "help" }, t("host.events.final.help")), finalButton),
  );
  let builtFor = "";
  return {
    el,
    render() {
      const inRound = model.info.phase === "round";
      for (const b of [auditButton, shockButton, finalButton]) {
        b.disabled = !inRound;
        b.title = inRound ? "" : t("host.events.onlyInRound");
      }
      finalButton.disabled ||= model.info.round >= model.info.rounds;
      setText(shockTitle, t("host.events.shock.title", { blacklist: blacklistName(model.config) }));
      const c = model.config;
      const key = JSON.stringify([c.auditShare, c.auditPoints, c.shockBelow, divisorOf(model)]);
      if (key === builtFor) return;
      builtFor = key;
      const d = divisorOf(model);
      const swap = (old: ReturnType<typeof numberInput>, kind: "share" | "points" | "score", id: string, extra: Record<string, number> = {}) => {
        const fresh = numberInput(kind, d, { id, testid: id, required: true, ...extra });
        old.el.replaceWith(fresh.el);
        return fresh;
      };
      share = swap(share, "share", "audit-share", { min: 1, max: 100 });
      points = swap(points, "points", "audit-points", { min: 0 });
      below = swap(below, "score", "shock-below");
      share.set(c.auditShare);
      points.set(c.auditPoints);
      below.set(c.shockBelow);
    },
  };
}

/** "The top players propose a rule": open the vote, follow it, close it early. */
export function voteForm(model: ClassroomModel, send: Send): EventForm {
  let share = numberInput("share", 1, { id: "vote-share", testid: "vote-share", min: 1, max: 100, required: true });
  const open = h("button", { class: "btn btn-primary", type: "submit", testid: "vote-open" }, t("host.events.vote.open"));
  const close = h("button", { class: "btn", type: "button", testid: "vote-close", onclick: () => send({ type: "vote-close" }) }, t("host.events.vote.close"));
  const progress = h("p", { class: "help", testid: "vote-status" });
  const form = h("form", { class: "event-form" }, field(t("host.events.vote.share"), share.el), h("div", { class: "event-row" }, open, close), progress);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    send({ type: "vote-open", share: share.get() });
  });
  const none = h("p", { class: "help" }, t("host.events.vote.none"));
  let builtFor = -1;
  return {
    el: card(t("host.events.vote.title"), "event-vote", none, form),
    render() {
      const v = model.voteState;
      const menu = model.config.voteMenu.length > 0;
      none.hidden = menu;
      form.hidden = !menu;
      open.hidden = v.open;
      close.hidden = !v.open;
      open.disabled = model.info.phase !== "round";
      open.title = open.disabled ? t("host.events.onlyInRound") : "";
      setText(
        progress,
        v.open ? t("host.events.vote.progress", { cast: v.cast, eligible: v.eligible }) : t("host.events.vote.menu", { count: model.config.voteMenu.length }),
      );
      if (builtFor === model.config.voteShare) return;
      builtFor = model.config.voteShare;
      const fresh = numberInput("share", 1, { id: "vote-share", testid: "vote-share", min: 1, max: 100, required: true });
      share.el.replaceWith(fresh.el);
      share = fresh;
      share.set(model.config.voteShare);
    },
  };
}
