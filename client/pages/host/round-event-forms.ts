import { blacklistName } from "../../../shared/text/score.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";
import { numberInput } from "../../ui/number-input.ts";
import { card, divisorOf, field, type EventForm, type Send } from "./event-forms.ts";

/** A random audit, a blacklist shock, and the final round: events of a running round with one or two numbers. */
export function shockForms(model: ClassroomModel, send: Send): EventForm {
  let share = numberInput("share", 1, { id: "audit-share", testid: "audit-share", min: 1, max: 100, required: true });
  let points = numberInput("points", 1, { id: "audit-points", testid: "audit-points", min: 0, required: true });
  let below = numberInput("score", 1, { id: "shock-below", testid: "shock-below", required: true });
  const auditButton = h("button", { class: "btn btn-primary", type: "submit", testid: "audit-apply" }, "Run the audit");
  const shockButton = h("button", { class: "btn btn-primary", type: "submit", testid: "shock-apply" }, "Blacklist them");
  const finalButton = h(
    "button",
    { class: "btn btn-primary", type: "button", testid: "final-apply", onclick: () => send({ type: "final-round" }) },
    "Announce the final round",
  );
  const audit = h(
    "form",
    { class: "event-form" },
    h("div", { class: "form-grid" }, field("Share of players (%)", share.el), field("Points taken", points.el)),
    auditButton,
  );
  const shock = h("form", { class: "event-form" }, field("Everyone below", below.el), shockButton);
  audit.addEventListener("submit", (e) => {
    e.preventDefault();
    send({ type: "audit", share: share.get(), points: points.get() });
  });
  shock.addEventListener("submit", (e) => {
    e.preventDefault();
    send({ type: "blacklist-shock", below: below.get() });
  });
  const shockTitle = h("h3", {}, "Blacklist shock");
  const el = h(
    "div",
    { class: "event-group" },
    card(
      "Random audit",
      "event-audit",
      h("p", { class: "help" }, "A seeded sample loses points; one deduction is a deliberate mistake that an appeal always undoes."),
      audit,
    ),
    h("section", { class: "event-card", testid: "event-shock" }, shockTitle, shock),
    card("Final round", "event-final", h("p", { class: "help" }, "The round under way becomes the last."), finalButton),
  );
  let builtFor = "";
  return {
    el,
    render() {
      const inRound = model.info.phase === "round";
      for (const b of [auditButton, shockButton, finalButton]) {
        b.disabled = !inRound;
        b.title = inRound ? "" : "Only while a round is running.";
      }
      finalButton.disabled ||= model.info.round >= model.info.rounds;
      setText(shockTitle, `${blacklistName(model.config)} shock`);
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
  const open = h("button", { class: "btn btn-primary", type: "submit", testid: "vote-open" }, "Open the vote");
  const close = h("button", { class: "btn", type: "button", testid: "vote-close", onclick: () => send({ type: "vote-close" }) }, "Close it now");
  const progress = h("p", { class: "help", testid: "vote-status" });
  const form = h("form", { class: "event-form" }, field("Share of top players (%)", share.el), h("div", { class: "event-row" }, open, close), progress);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    send({ type: "vote-open", share: share.get() });
  });
  const none = h("p", { class: "help" }, "This scenario has no menu of rule changes to vote on.");
  let builtFor = -1;
  return {
    el: card("Top players propose a rule", "event-vote", none, form),
    render() {
      const v = model.voteState;
      const menu = model.config.voteMenu.length > 0;
      none.hidden = menu;
      form.hidden = !menu;
      open.hidden = v.open;
      close.hidden = !v.open;
      open.disabled = model.info.phase !== "round";
      open.title = open.disabled ? "Only while a round is running." : "";
      setText(
        progress,
        v.open
          ? `${v.cast} of ${v.eligible} have voted. It closes by itself when all have, or when the round ends.`
          : `${model.config.voteMenu.length} changes on the menu; the majority's choice applies at once.`,
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
