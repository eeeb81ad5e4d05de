import type { FacilitateMessage } from "../../../shared/messages/messages.ts";
import { ACTION_NAMES } from "../../../shared/rules/config.ts";
import { EFFECT_FIELDS, THRESHOLDS, type EffectField, type RuleChange, type ThresholdName } from "../../../shared/rules/live/types.ts";
import { actionLabel } from "../../../shared/text/actions.ts";
import { settingChange } from "../../../shared/text/live.ts";
import { blacklistName } from "../../../shared/text/score.ts";
import { EFFECT_TEXT, NUMBER_TEXT } from "../../../shared/text/settings.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";
import { numberInput } from "../../ui/number-input.ts";

type Send = (msg: FacilitateMessage) => void;

export interface EventForm {
  el: HTMLElement;
  /** Refills defaults from the session's rules and enables what can happen now. */
  render(): void;
}

function card(title: string, testid: string, ...children: Node[]): HTMLElement {
  return h("section", { class: "event-card", testid }, h("h3", {}, title), ...children);
}

function select(id: string, options: [string, string][]): HTMLSelectElement {
  return h("select", { id, testid: id }, ...options.map(([value, label]) => h("option", { value }, label)));
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
}

const divisorOf = (model: ClassroomModel) => model.config.scenario.labels.scoreDivisor ?? 1;

/** Who sees scores: hidden, their owners (voluntary), everyone with a leaderboard (mandatory). */
export function visibilityForm(model: ClassroomModel, send: Send): EventForm {
  const modes = [
    ["hidden", "Hidden", "nobody sees a score"],
    ["owner", "Owners only", "voluntary: each may show theirs"],
    ["public", "Public", "mandatory, with a leaderboard"],
  ] as const;
  const buttons = modes.map(([mode, label, sub]) =>
    h("button", { class: "segment", type: "button", testid: `visibility-${mode}`, onclick: () => send({ type: "visibility", mode }) }, h("b", {}, label), h("small", {}, sub)),
  );
  return {
    el: card("Who sees scores", "event-visibility", h("div", { class: "segments" }, ...buttons)),
    render() {
      buttons.forEach((b, i) => b.setAttribute("aria-pressed", String(model.info.visibility === modes[i][0])));
    },
  };
}

/** Change a rule: the friend weight, a threshold, or one number of an action. */
export function ruleChangeForm(model: ClassroomModel, send: Send): EventForm {
  const kind = select("rule-kind", [
    ["friend-weight", "Friend weight"],
    ["threshold", "A threshold"],
    ["action", "An action's effect"],
  ]);
  const threshold = select("rule-threshold", THRESHOLDS.map((t) => [t, NUMBER_TEXT[t].label]));
  const action = select("rule-action", []);
  const effect = select("rule-field", EFFECT_FIELDS.map((f) => [f, EFFECT_TEXT[f]]));
  const valueHost = h("div", { class: "field" });
  const preview = h("p", { class: "help", testid: "rule-preview" });
  const apply = h("button", { class: "btn btn-primary", type: "submit", testid: "rule-apply" }, "Change the rule");
  const parts = { threshold: field("Threshold", threshold), action: field("Action", action), effect: field("Number", effect) };
  const form = h("form", { class: "event-form" }, field("What", kind), parts.threshold, parts.action, parts.effect, valueHost, preview, apply);
  let input = numberInput("weight", 1, { id: "rule-value", testid: "rule-value", required: true });

  const change = (): RuleChange => {
    const value = input.get();
    if (kind.value === "threshold") return { rule: "threshold", threshold: threshold.value as ThresholdName, value };
    if (kind.value === "action") return { rule: "action", action: action.value as (typeof ACTION_NAMES)[number], field: effect.value as EffectField, value };
    return { rule: "friend-weight", value };
  };
  const current = (c: RuleChange): number => {
    const config = model.config;
    if (c.rule === "friend-weight") return config.friendWeight;
    if (c.rule === "threshold") return config[c.threshold];
    return config.actions[c.action][c.field];
  };
  const settingOf = (c: RuleChange) => (c.rule === "friend-weight" ? "friendWeight" : c.rule === "threshold" ? c.threshold : `actions.${c.action}.${c.field}`);
  const renderPreview = () => {
    const c = change();
    const same = c.value === current(c);
    apply.disabled = !Number.isFinite(c.value) || same;
    if (!Number.isFinite(c.value)) setText(preview, "Enter a number.");
    else if (same) setText(preview, "That is the rule now: enter a new value.");
    else setText(preview, `Players will read: ${settingChange(settingOf(c), current(c), c.value, model.config).headline}.`);
  };
  /** A new kind of number needs a field in its own units, filled with today's value. */
  const refill = () => {
    const probe = change();
    const units = probe.rule === "friend-weight" ? "weight" : probe.rule === "action" && probe.field === "cost" ? "count" : probe.rule === "threshold" ? "score" : "points";
    input = numberInput(units, divisorOf(model), { id: "rule-value", testid: "rule-value", required: true });
    input.set(current(probe));
    input.el.addEventListener("input", renderPreview);
    valueHost.replaceChildren(h("label", { for: "rule-value" }, "New value"), input.el);
    parts.threshold.hidden = kind.value !== "threshold";
    parts.action.hidden = parts.effect.hidden = kind.value !== "action";
    renderPreview();
  };
  for (const s of [kind, threshold, action, effect]) s.addEventListener("change", refill);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (Number.isFinite(input.get())) send({ type: "rule-change", change: change() });
  });
  let builtFor = "";
  return {
    el: card("Change a rule", "event-rule", form),
    render() {
      const key = JSON.stringify(model.config.scenario);
      if (key !== builtFor) {
        builtFor = key;
        const chosen = action.value;
        action.replaceChildren(...ACTION_NAMES.filter((a) => model.config.actions[a].enabled).map((a) => h("option", { value: a }, actionLabel(a, model.config))));
        if (chosen) action.value = chosen;
        refill();
      }
      renderPreview();
    },
  };
}

/** Ban a topic, optionally reaching back to earlier posts. */
export function topicBanForm(model: ClassroomModel, send: Send): EventForm {
  const topic = select("ban-topic", []);
  const retroactive = h("input", { type: "checkbox", id: "ban-retroactive", testid: "ban-retroactive", checked: true });
  let penalty = numberInput("points", 1, { id: "ban-penalty", testid: "ban-penalty", min: 0, required: true });
  const button = h("button", { class: "btn btn-primary", type: "submit", testid: "ban-apply" }, "Ban the topic");
  const none = h("p", { class: "help" }, "This scenario has no topics to ban.");
  const form = h(
    "form",
    { class: "event-form" },
    field("Topic", topic),
    field("Penalty per post", penalty.el),
    h("label", { class: "check" }, retroactive, " Retroactive: earlier posts on it are penalised now"),
    button,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (topic.value) send({ type: "ban-topic", topic: topic.value, retroactive: retroactive.checked, penalty: penalty.get() });
  });
  let builtFor = "";
  return {
    el: card("Ban a topic", "event-ban", none, form),
    render() {
      const open = model.config.topics.filter((t) => !model.info.bannedTopics.includes(t.id));
      none.hidden = model.config.topics.length > 0;
      form.hidden = !none.hidden;
      button.disabled = open.length === 0;
      const key = JSON.stringify([open, divisorOf(model)]);
      if (key === builtFor) return;
      builtFor = key;
      topic.replaceChildren(...open.map((t) => h("option", { value: t.id }, t.label)));
      const fresh = numberInput("points", divisorOf(model), { id: "ban-penalty", testid: "ban-penalty", min: 0, required: true });
      penalty.el.replaceWith(fresh.el);
      penalty = fresh;
      penalty.set(model.config.topicBanPenalty);
    },
  };
}

/** A random audit, a blacklist shock, and the final round: events of a running round with one or two numbers. */
export function shockForms(model: ClassroomModel, send: Send): EventForm {
  let share = numberInput("share", 1, { id: "audit-share", testid: "audit-share", min: 1, max: 100, required: true });
  let points = numberInput("points", 1, { id: "audit-points", testid: "audit-points", min: 0, required: true });
  let below = numberInput("score", 1, { id: "shock-below", testid: "shock-below", required: true });
  const auditButton = h("button", { class: "btn btn-primary", type: "submit", testid: "audit-apply" }, "Run the audit");
  const shockButton = h("button", { class: "btn btn-primary", type: "submit", testid: "shock-apply" }, "Blacklist them");
  const finalButton = h("button", { class: "btn btn-primary", type: "button", testid: "final-apply", onclick: () => send({ type: "final-round" }) }, "Announce the final round");
  const audit = h("form", { class: "event-form" }, h("div", { class: "form-grid" }, field("Share of players (%)", share.el), field("Points taken", points.el)), auditButton);
  const shock = h("form", { class: "event-form" }, field("Everyone below", below.el), shockButton);
  audit.addEventListener("submit", (e) => (e.preventDefault(), send({ type: "audit", share: share.get(), points: points.get() })));
  shock.addEventListener("submit", (e) => (e.preventDefault(), send({ type: "blacklist-shock", below: below.get() })));
  const shockTitle = h("h3", {}, "Blacklist shock");
  const el = h(
    "div",
    { class: "event-group" },
    card("Random audit", "event-audit", h("p", { class: "help" }, "A seeded sample loses points; one deduction is a deliberate mistake that an appeal always undoes."), audit),
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
  form.addEventListener("submit", (e) => (e.preventDefault(), send({ type: "vote-open", share: share.get() })));
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
      setText(progress, v.open ? `${v.cast} of ${v.eligible} have voted. It closes by itself when all have, or when the round ends.` : `${model.config.voteMenu.length} changes on the menu; the majority's choice applies at once.`);
      if (builtFor === model.config.voteShare) return;
      builtFor = model.config.voteShare;
      const fresh = numberInput("share", 1, { id: "vote-share", testid: "vote-share", min: 1, max: 100, required: true });
      share.el.replaceWith(fresh.el);
      share = fresh;
      share.set(model.config.voteShare);
    },
  };
}
