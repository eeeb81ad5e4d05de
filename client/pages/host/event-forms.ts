import type { FacilitateMessage } from "../../../shared/messages/messages.ts";
import { ACTION_NAMES } from "../../../shared/rules/config.ts";
import { EFFECT_FIELDS, THRESHOLDS, type EffectField, type RuleChange, type ThresholdName } from "../../../shared/rules/live/types.ts";
import { actionLabel } from "../../../shared/text/actions.ts";
import { changedSetting, currentValue } from "../../../shared/rules/live/rule-change.ts";
import { settingChange } from "../../../shared/text/live.ts";
import { EFFECT_TEXT, NUMBER_TEXT } from "../../../shared/text/settings.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";
import { numberInput } from "../../ui/number-input.ts";
import { t } from "../../../shared/i18n/index.ts";

export type Send = (msg: FacilitateMessage) => void;

export interface EventForm {
  el: HTMLElement;
  /** Refills defaults from the session's rules and enables what can happen now. */
  render(): void;
}

export function card(title: string, testid: string, ...children: Node[]): HTMLElement {
  return h("section", { class: "event-card", testid }, h("h3", {}, title), ...children);
}

function select(id: string, options: [string, string][]): HTMLSelectElement {
  return h("select", { id, testid: id }, ...options.map(([value, label]) => h("option", { value }, label)));
}

export function field(label: string, input: HTMLElement): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
}

export const divisorOf = (model: ClassroomModel) => model.config.scenario.labels.scoreDivisor ?? 1;

/** Who sees scores: hidden, their owners (voluntary), everyone with a leaderboard (mandatory). */
export function visibilityForm(model: ClassroomModel, send: Send): EventForm {
  const modes = ["hidden", "owner", "public"] as const;
  const buttons = modes.map((mode) =>
    h(
      "button",
      { class: "segment", type: "button", testid: `visibility-${mode}`, onclick: () => send({ type: "visibility", mode }) },
      h("b", {}, t(`host.events.visibility.${mode}`)),
      h("small", {}, t(`host.events.visibility.${mode}Sub`)),
    ),
  );
  return {
    el: card(t("host.events.visibility.title"), "event-visibility", h("div", { class: "segments" }, ...buttons)),
    render() {
      buttons.forEach((b, i) => b.setAttribute("aria-pressed", String(model.info.visibility === modes[i])));
    },
  };
}

/** Change a rule: the friend weight, a threshold, or one number of an action. */
export function ruleChangeForm(model: ClassroomModel, send: Send): EventForm {
  const kind = select("rule-kind", [
    ["friend-weight", t("host.events.rule.friendWeight")],
    ["threshold", t("host.events.rule.aThreshold")],
    ["action", t("host.events.rule.anAction")],
  ]);
  const threshold = select(
    "rule-threshold",
    THRESHOLDS.map((t) => [t, NUMBER_TEXT[t].label]),
  );
  const action = select("rule-action", []);
  const effect = select(
    "rule-field",
    EFFECT_FIELDS.map((f) => [f, EFFECT_TEXT[f]]),
  );
  const valueHost = h("div", { class: "field" });
  const preview = h("p", { class: "help", testid: "rule-preview" });
  const apply = h("button", { class: "btn btn-primary", type: "submit", testid: "rule-apply" }, t("host.events.rule.apply"));
  const parts = {
    threshold: field(t("host.events.rule.threshold"), threshold),
    action: field(t("host.events.rule.action"), action),
    effect: field(t("host.events.rule.number"), effect),
  };
  const form = h(
    "form",
    { class: "event-form" },
    field(t("host.events.rule.what"), kind),
    parts.threshold,
    parts.action,
    parts.effect,
    valueHost,
    preview,
    apply,
  );
  let input = numberInput("weight", 1, { id: "rule-value", testid: "rule-value", required: true });

  const change = (): RuleChange => {
    const value = input.get();
    if (kind.value === "threshold") return { rule: "threshold", threshold: threshold.value as ThresholdName, value };
    if (kind.value === "action") return { rule: "action", action: action.value as (typeof ACTION_NAMES)[number], field: effect.value as EffectField, value };
    return { rule: "friend-weight", value };
  };
  const current = (c: RuleChange): number => currentValue(model.config, c);
  const renderPreview = () => {
    const c = change();
    const same = c.value === current(c);
    apply.disabled = !Number.isFinite(c.value) || same;
    if (!Number.isFinite(c.value)) setText(preview, t("host.events.rule.enterNumber"));
    else if (same) setText(preview, t("host.events.rule.same"));
    else setText(preview, t("host.events.rule.preview", { headline: settingChange(changedSetting(c), current(c), c.value, model.config).headline }));
  };
  /** A new kind of number needs a field in its own units, filled with today's value. */
  const refill = () => {
    const probe = change();
    const units =
      probe.rule === "friend-weight" ? "weight" : probe.rule === "action" && probe.field === "cost" ? "count" : probe.rule === "threshold" ? "score" : "points";
    input = numberInput(units, divisorOf(model), { id: "rule-value", testid: "rule-value", required: true });
    input.set(current(probe));
    input.el.addEventListener("input", renderPreview);
    valueHost.replaceChildren(h("label", { for: "rule-value" }, t("host.events.rule.newValue")), input.el);
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
    el: card(t("host.events.rule.title"), "event-rule", form),
    render() {
      const key = JSON.stringify(model.config.scenario);
      if (key !== builtFor) {
        builtFor = key;
        const chosen = action.value;
        action.replaceChildren(
          ...ACTION_NAMES.filter((a) => model.config.actions[a].enabled).map((a) => h("option", { value: a }, actionLabel(a, model.config))),
        );
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
  const button = h("button", { class: "btn btn-primary", type: "submit", testid: "ban-apply" }, t("host.events.ban.apply"));
  const none = h("p", { class: "help" }, t("host.events.ban.none"));
  const form = h(
    "form",
    { class: "event-form" },
    field(t("host.events.ban.topic"), topic),
    field(t("host.events.ban.penalty"), penalty.el),
    h("label", { class: "check" }, retroactive, " ", t("host.events.ban.retroactive")),
    button,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (topic.value) send({ type: "ban-topic", topic: topic.value, retroactive: retroactive.checked, penalty: penalty.get() });
  });
  let builtFor = "";
  return {
    el: card(t("host.events.ban.title"), "event-ban", none, form),
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
