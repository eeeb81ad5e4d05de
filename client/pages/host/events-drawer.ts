import type { FacilitateMessage } from "../../../shared/messages/messages.ts";
import type { ScheduledEvent } from "../../../shared/rules/live/types.ts";
import { changedSetting } from "../../../shared/rules/live/rule-change.ts";
import { planText, planTexts, planWhen } from "../../../shared/text/plan.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";
import { ruleChangeForm, topicBanForm, visibilityForm, type EventForm } from "./event-forms.ts";
import { shockForms, voteForm } from "./round-event-forms.ts";
import { t } from "../../../shared/i18n/index.ts";

/**
 * The facilitator's live events, in a drawer off the side of the projector: who sees scores,
 * rule changes, topic bans, audits, shocks, the vote, the final round, the lock on new players,
 * the private view of true scores, and the scenario's plan.
 */
export function eventsDrawer(model: ClassroomModel, send: (msg: FacilitateMessage) => void, onPrivate: (on: boolean) => void) {
  const forms: EventForm[] = [
    visibilityForm(model, send),
    ruleChangeForm(model, send),
    topicBanForm(model, send),
    shockForms(model, send),
    voteForm(model, send),
  ];
  const lock = h("button", { class: "btn", type: "button", testid: "lock-button" });
  lock.addEventListener("click", () => send({ type: model.info.locked ? "unlock" : "lock" }));
  const lockNote = h("p", { class: "help" });
  const clear = h("button", { class: "btn", type: "button", testid: "clear-offline" });
  clear.addEventListener("click", () => send({ type: "clear-offline" }));
  const privateBox = h("input", { type: "checkbox", id: "private-view", testid: "private-view" });
  privateBox.addEventListener("change", () => onPrivate(privateBox.checked));
  const plan = h("ol", { class: "plan", testid: "drawer-plan" });
  const close = h("button", { class: "btn btn-ghost drawer-close", type: "button", "aria-label": t("host.drawer.close"), testid: "drawer-close" }, "✕");
  const session = h(
    "section",
    { class: "event-card", testid: "event-session" },
    h("h3", {}, t("host.drawer.session")),
    h("div", { class: "event-row" }, lock),
    lockNote,
    h("div", { class: "event-row" }, clear),
    h("p", { class: "help" }, t("host.drawer.clearHelp")),
    h("label", { class: "check private-check" }, privateBox, h("span", {}, h("b", {}, t("host.drawer.private")), h("small", {}, t("host.drawer.privateHelp")))),
  );
  const el = h(
    "aside",
    { class: "drawer", "aria-label": t("host.drawer.title"), testid: "events-drawer", hidden: true },
    h("header", { class: "drawer-head" }, h("div", {}, h("h2", {}, t("host.drawer.title")), h("p", { class: "help" }, t("host.drawer.help"))), close),
    h("div", { class: "drawer-body" }, ...forms.map((f) => f.el), session, h("section", { class: "event-card" }, h("h3", {}, t("host.drawer.plan")), plan)),
  );

  /** A planned rule change that has fired, with the value it moved from. */
  const fired = (e: ScheduledEvent) => {
    const ev = e.event;
    if (ev.type !== "rule-change") return undefined;
    return model.live.find(
      (x) => x.scheduled && x.kind === "rule-change" && x.round === e.round && x.setting === changedSetting(ev.change) && Number(x.after) === ev.change.value,
    );
  };
  const renderPlan = () => {
    const { phase, round } = model.info;
    const schedule = model.config.schedule;
    const isPast = (e: ScheduledEvent) => phase === "ended" || e.round < round || fired(e) !== undefined;
    const upcoming = schedule.filter((e) => !isPast(e));
    const ahead = planTexts(upcoming, model.config);
    const items = schedule.map((e) => {
      const past = isPast(e);
      const done = fired(e);
      const text = past ? planText(e.event, model.config, { before: done ? Number(done.before) : undefined }) : ahead[upcoming.indexOf(e)];
      return h(
        "li",
        { class: past ? "is-past" : e.round === round && phase === "round" ? "is-now" : "" },
        h("span", { class: "plan-when mono" }, planWhen(e)),
        h("span", {}, text),
      );
    });
    plan.replaceChildren(...(items.length ? items : [h("li", { class: "help" }, t("host.drawer.nothingPlanned"))]));
  };

  const render = () => {
    if (el.hidden) return;
    for (const f of forms) f.render();
    setText(lock, model.info.locked ? t("host.drawer.unlock") : t("host.drawer.lock"));
    lock.classList.toggle("btn-primary", model.info.locked);
    setText(lockNote, model.info.locked ? t("host.drawer.lockedNote") : t("host.drawer.openNote"));
    const offline = [...model.players.values()].filter((p) => !p.connected).length;
    setText(clear, offline === 0 ? t("host.drawer.noOffline") : t("host.drawer.clear", { count: offline }));
    clear.disabled = offline === 0;
    renderPlan();
  };
  const hide = () => {
    el.hidden = true;
    el.dispatchEvent(new Event("toggle"));
  };
  close.addEventListener("click", hide);
  el.addEventListener("keydown", (e) => e.key === "Escape" && hide());

  return {
    el,
    render,
    toggle() {
      el.hidden = !el.hidden;
      render();
      if (!el.hidden) close.focus();
      el.dispatchEvent(new Event("toggle"));
    },
  };
}
