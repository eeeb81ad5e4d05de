import { GRADE_LABEL } from "../../../shared/content/real-vs-myth.ts";
import { ACTION_NAMES, type ActionName } from "../../../shared/rules/config.ts";
import { SETTING_LIMITS, type LimitedSetting } from "../../../shared/rules/limits.ts";
import { EFFECT_FIELDS } from "../../../shared/rules/live/types.ts";
import type { FieldIssue } from "../../../shared/scenarios/load.ts";
import { issueText } from "../../../shared/text/issues.ts";
import { actionLabel } from "../../../shared/text/actions.ts";
import { NUMBER_GROUPS, NUMBER_TEXT, type NumberName } from "../../../shared/text/settings.ts";
import { summaryConfig, type ScenarioSummary } from "../../net/scenarios-api.ts";
import { h, setText } from "../../ui/dom.ts";
import { numberInput } from "../../ui/number-input.ts";
import { t } from "../../../shared/i18n/index.ts";

/** One editable value: where its problems are reported ("overrides.visaAt"), its value, and the scenario's. */
interface Entry {
  path: string;
  field: HTMLElement;
  error: HTMLElement;
  value(): number | boolean | string;
  base: number | boolean | string;
}

const VISIBILITY_OPTIONS = [
  ["hidden", "host.numbers.visibility.hidden"],
  ["owner", "host.numbers.visibility.owner"],
  ["public", "host.numbers.visibility.public"],
] as const;

/** The table's column heads, one per number of an action. */
const EFFECT_HEADS = {
  self: "host.numbers.col.self",
  friends: "host.numbers.col.friends",
  target: "host.numbers.col.target",
  cost: "host.numbers.col.cost",
} as const;

/**
 * The scenario's numbers as fields the host may change before starting. What differs from the
 * scenario goes into `overrides` (the shape of a scenario's "rules"); problems the server finds
 * are shown under the field they name.
 */
export function scenarioNumbers(onChange: () => void) {
  const el = h("div", { class: "numbers", testid: "scenario-numbers" });
  const changes = h("span", { class: "changes-badge", testid: "changes-badge", hidden: true });
  const reset = h("button", { class: "btn btn-ghost btn-small", type: "button", hidden: true }, t("host.numbers.reset"));
  let entries: Entry[] = [];
  let shown: ScenarioSummary | undefined;

  const changed = () => {
    const n = entries.filter((e) => e.value() !== e.base).length;
    for (const e of entries) e.field.classList.toggle("changed", e.value() !== e.base);
    changes.hidden = reset.hidden = n === 0;
    setText(changes, t("host.numbers.changes", { count: n }));
    onChange();
  };

  const entry = (
    path: string,
    label: string,
    input: HTMLInputElement | HTMLSelectElement,
    value: () => number | boolean | string,
    base: number | boolean | string,
    help?: string,
  ): Entry => {
    const error = h("p", { class: "field-error", role: "alert" });
    const field = h("div", { class: "field" }, h("label", { for: input.id, title: help ?? "" }, label), input, error);
    input.addEventListener("input", changed);
    input.addEventListener("change", changed);
    return { path, field, error, value, base };
  };

  const numberEntry = (name: NumberName, s: ScenarioSummary): Entry => {
    const text = NUMBER_TEXT[name];
    // The settings every session bounds alike carry their range, so the browser flags a number outside it as it is typed.
    const limits = name in SETTING_LIMITS ? SETTING_LIMITS[name as LimitedSetting] : undefined;
    const range: Record<string, number> = limits ? { min: limits.min, max: limits.max } : {};
    const input = numberInput(text.kind, s.labels.scoreDivisor ?? 1, { id: `create-${name}`, testid: `create-${name}`, ...range });
    input.set(s.numbers[name]);
    const label = text.kind === "share" ? t("host.numbers.percent", { label: text.label }) : text.label;
    return entry(`overrides.${name}`, label, input.el, () => input.get(), input.get(), text.help);
  };

  const actionsTable = (s: ScenarioSummary): { el: HTMLElement; entries: Entry[] } => {
    const config = summaryConfig(s);
    const out: Entry[] = [];
    const cell = (a: ActionName, f: (typeof EFFECT_FIELDS)[number]) => {
      const input = numberInput(f === "cost" ? "count" : "points", s.labels.scoreDivisor ?? 1, {
        id: `create-${a}-${f}`,
        testid: `create-${a}-${f}`,
        "aria-label": t("host.numbers.cell", { action: actionLabel(a, config), number: t(EFFECT_HEADS[f]) }),
      });
      input.set(s.actions[a][f]);
      const e = entry(`overrides.actions.${a}.${f}`, "", input.el, () => input.get(), input.get());
      e.field.className = "cell";
      e.field.firstElementChild?.remove();
      out.push(e);
      return h("td", {}, e.field);
    };
    const rows = ACTION_NAMES.map((a) => {
      const on = h("input", { type: "checkbox", id: `create-${a}-enabled`, testid: `create-${a}-enabled`, checked: s.actions[a].enabled });
      const e = entry(`overrides.actions.${a}.enabled`, "", on, () => on.checked, s.actions[a].enabled);
      e.field.className = "cell cell-check";
      e.field.firstElementChild?.remove();
      e.field.prepend(h("label", { for: on.id, class: "visually-hidden" }, t("host.numbers.offer", { action: actionLabel(a, config) })));
      out.push(e);
      return h(
        "tr",
        {},
        h("td", {}, e.field),
        h("th", { scope: "row" }, actionLabel(a, config), h("small", { class: `truth truth-${s.actions[a].truth}` }, GRADE_LABEL[s.actions[a].truth])),
        ...EFFECT_FIELDS.map((f) => cell(a, f)),
      );
    });
    const head = h(
      "tr",
      {},
      h("th", {}, t("host.numbers.col.on")),
      h("th", {}, t("host.numbers.col.action")),
      ...EFFECT_FIELDS.map((f) => h("th", {}, t(EFFECT_HEADS[f]))),
    );
    return { el: h("table", { class: "actions-table" }, h("thead", {}, head), h("tbody", {}, ...rows)), entries: out };
  };

  const build = (s: ScenarioSummary) => {
    shown = s;
    entries = [];
    const groups = NUMBER_GROUPS.map((g, i) => {
      const fields = g.names.map((name) => numberEntry(name, s));
      entries.push(...fields);
      if (i === 0) {
        const visibility = h(
          "select",
          { id: "create-visibility", testid: "create-visibility" },
          ...VISIBILITY_OPTIONS.map(([v, label]) => h("option", { value: v }, t(label))),
        );
        visibility.value = s.numbers.visibility;
        const late = h("input", { type: "checkbox", id: "create-allowLateJoin", testid: "create-allowLateJoin", checked: s.numbers.allowLateJoin });
        const vis = entry("overrides.visibility", t("host.numbers.startVisibility"), visibility, () => visibility.value, s.numbers.visibility);
        const lateEntry = entry("overrides.allowLateJoin", "", late, () => late.checked, s.numbers.allowLateJoin);
        lateEntry.field.className = "check-field";
        lateEntry.field.replaceChildren(h("label", { class: "check" }, late, " ", t("host.numbers.lateJoin")), lateEntry.error);
        entries.push(vis, lateEntry);
        return h("div", { class: "number-group" }, h("div", { class: "form-grid" }, ...fields.map((f) => f.field), vis.field), lateEntry.field);
      }
      return h("details", { class: "number-group" }, h("summary", {}, g.title), h("div", { class: "form-grid" }, ...fields.map((f) => f.field)));
    });
    const table = actionsTable(s);
    entries.push(...table.entries);
    el.replaceChildren(
      h("div", { class: "numbers-head" }, h("h3", {}, t("host.numbers.title")), changes, reset),
      ...groups,
      h("details", { class: "number-group" }, h("summary", {}, t("host.numbers.actionsTable")), h("div", { class: "table-scroll" }, table.el)),
    );
    changed();
  };

  reset.addEventListener("click", () => shown && build(shown));

  return {
    el,
    show: build,
    /** What the host changed, in the shape `create` takes; undefined while a field is not a number. */
    overrides(): Record<string, unknown> | undefined {
      const out: Record<string, unknown> = {};
      const actions: Record<string, Record<string, unknown>> = {};
      for (const e of entries) {
        const v = e.value();
        if (typeof v === "number" && !Number.isFinite(v)) return undefined;
        if (v === e.base) continue;
        const [, key, action, field] = e.path.split(".");
        if (key === "actions") (actions[action] ??= {})[field] = v;
        else out[key] = v;
      }
      if (Object.keys(actions).length) out.actions = actions;
      return out;
    },
    /** Fields left empty, as problems of their own. */
    blanks(): FieldIssue[] {
      return entries
        .filter((e) => typeof e.value() === "number" && !Number.isFinite(e.value() as number))
        .map((e) => ({ path: e.path, message: t("host.numbers.mustBeNumber") }));
    },
    /** Shows each problem under its field; returns the ones no field here answers for. */
    mark(issues: FieldIssue[]): FieldIssue[] {
      const rest: FieldIssue[] = [];
      for (const e of entries) {
        setText(e.error, "");
        e.field.classList.remove("invalid");
      }
      for (const issue of issues) {
        const e = entries.find((x) => x.path === issue.path);
        if (!e) {
          rest.push(issue);
          continue;
        }
        e.field.classList.add("invalid");
        const said = issueText(issue);
        setText(e.error, e.error.textContent ? t("host.numbers.moreIssues", { before: e.error.textContent, issue: said }) : said);
        e.field.closest("details")?.setAttribute("open", "");
      }
      return rest;
    },
  };
}
