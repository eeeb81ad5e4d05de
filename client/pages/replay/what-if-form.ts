import { t } from "../../../shared/i18n/index.ts";
import { PRESET_CHANGES, type ConfigChanges } from "../../../shared/replay/index.ts";
import type { GameConfig } from "../../../shared/rules/config.ts";
import { h, setText } from "../../ui/dom.ts";

type PresetKey = keyof typeof PRESET_CHANGES;

/**
 * The other world's rules: ready-made presets and a few numbers to set by hand. It says
 * plainly, before anything runs, that the recorded choices stay fixed.
 */
export function whatIfForm(config: GameConfig, run: (changes: ConfigChanges, letLaterChanges: boolean) => void) {
  const num = (id: string, value: number, min: number, max: number, step: number) => h("input", { id, type: "number", value, min, max, step, testid: id });
  const weight = num("wi-friend-weight", config.friendWeight, 0, 1, 0.05);
  const report = num("wi-report", config.actions.report.self, -100, 100, 5);
  const opinion = num("wi-opinion", -config.actions["post-opinion"].self, -100, 200, 5);
  const hasBlacklist = !config.noBlacklist;
  const blacklist = h("input", { id: "wi-blacklist", type: "checkbox", checked: hasBlacklist, testid: "wi-blacklist" });
  const letLater = h("input", { id: "wi-let-later", type: "checkbox", checked: false, testid: "wi-let-later" });
  const error = h("p", { class: "key-error", role: "alert", hidden: true });
  const field = (label: string, input: HTMLInputElement) => h("div", { class: "field" }, h("label", { for: input.id }, label), input);

  const changes = (): ConfigChanges => {
    const out: ConfigChanges = {};
    if (weight.valueAsNumber !== config.friendWeight) out.friendWeight = weight.valueAsNumber;
    if (!blacklist.checked && hasBlacklist) Object.assign(out, PRESET_CHANGES["no-blacklist"].changes);
    const actions: NonNullable<ConfigChanges["actions"]> = {};
    if (report.valueAsNumber !== config.actions.report.self) actions.report = { self: report.valueAsNumber };
    if (-opinion.valueAsNumber !== config.actions["post-opinion"].self) actions["post-opinion"] = { self: -opinion.valueAsNumber };
    if (Object.keys(actions).length) out.actions = actions;
    return out;
  };
  const reset = () => {
    weight.value = String(config.friendWeight);
    report.value = String(config.actions.report.self);
    opinion.value = String(-config.actions["post-opinion"].self);
    blacklist.checked = hasBlacklist;
  };
  const submit = () => {
    const valid = [weight, report, opinion].every((i) => i.checkValidity() && Number.isFinite(i.valueAsNumber));
    const c = changes();
    error.hidden = valid && Object.keys(c).length > 0;
    if (!valid) return setText(error, t("replay.whatif.form.range"));
    if (Object.keys(c).length === 0) return setText(error, t("replay.whatif.form.unchanged"));
    run(c, letLater.checked);
  };
  const submitByHand = () => {
    for (const b of form.querySelectorAll(".preset")) b.setAttribute("aria-pressed", "false");
    submit();
  };
  const preset = (key: PresetKey) => {
    reset();
    for (const b of form.querySelectorAll(".preset")) b.setAttribute("aria-pressed", String(b.getAttribute("data-testid") === `preset-${key}`));
    const c: ConfigChanges = PRESET_CHANGES[key].changes;
    if (c.friendWeight !== undefined) weight.value = String(c.friendWeight);
    if (c.noBlacklist) blacklist.checked = false;
    if (c.actions?.report?.self !== undefined) report.value = String(c.actions.report.self);
    submit();
  };
  const button = h("button", { class: "btn btn-primary", type: "submit", testid: "run-what-if" }, t("replay.whatif.form.run"));
  const form = h(
    "form",
    { class: "panel whatif-form" },
    h("h2", {}, t("replay.whatif.form.title")),
    h("p", { class: "fixed-note", testid: "fixed-choices-note" }, t("replay.whatif.form.fixed-note")),
    h("h3", { class: "sub" }, t("replay.whatif.form.presets")),
    h(
      "div",
      { class: "presets" },
      ...(Object.keys(PRESET_CHANGES) as PresetKey[]).map((k) =>
        h("button", { class: "btn preset", type: "button", testid: `preset-${k}`, onclick: () => preset(k) }, t(`replay.whatif.preset.${k}`)),
      ),
    ),
    h("h3", { class: "sub" }, t("replay.whatif.form.by-hand")),
    h(
      "div",
      { class: "form-grid" },
      field(t("replay.whatif.form.weight"), weight),
      field(t("replay.whatif.form.report"), report),
      field(t("replay.whatif.form.opinion"), opinion),
    ),
    h("label", { class: "check" }, blacklist, " ", t("replay.whatif.form.blacklist")),
    h("label", { class: "check" }, letLater, " ", t("replay.whatif.form.let-later")),
    error,
    button,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submitByHand();
  });
  return {
    el: form,
    busy(on: boolean) {
      for (const b of form.querySelectorAll("button")) b.disabled = on;
    },
    fail(message: string) {
      setText(error, message);
      error.hidden = false;
    },
  };
}
