import type { CreateOptions } from "../../../shared/messages/messages.ts";
import type { FieldIssue } from "../../../shared/scenarios/load.ts";
import { issuePath, issueText } from "../../../shared/text/issues.ts";
import { checkScenario, loadPresets, type ScenarioSummary } from "../../net/scenarios-api.ts";
import { h, setText } from "../../ui/dom.ts";
import { CUSTOM_GUIDE, customScenario } from "../../net/guides-api.ts";
import { scenarioDetails } from "./scenario-details.ts";
import { scenarioNumbers } from "./scenario-numbers.ts";
import { translationNote } from "./translation-note.ts";
import { reopenCard } from "./reopen-card.ts";
import { scenarioPicker } from "./scenario-picker.ts";
import { displaySettings } from "../../ui/display-settings.ts";
import "./setup.css";
import { t } from "../../../shared/i18n/index.ts";
import { languagePicker } from "../../ui/language.ts";

/** The preset picked at first: the one the server plays when none is named (shared/scenarios/presets.ts). */
const DEFAULT_SCENARIO = "free-play";

/** `create` rejects with the server's sentence when the session could not be opened. */
export type Actions = { create: (o: CreateOptions) => Promise<void>; reopen: (code: string, key: string) => Promise<void> };

function field(label: string, input: HTMLInputElement) {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
}

/**
 * Before a session: choose a preset or upload a scenario file, adjust its numbers, see what
 * will happen, and create it once the server agrees it can be played; or reopen a session this
 * browser (or a host key) can host.
 */
export function setupPanel(actions: Actions, presetCode = "") {
  const numbers = scenarioNumbers(() => recheck());
  const details = scenarioDetails(() => (typeof source === "string" ? `/guide/${encodeURIComponent(source)}` : `/guide/${CUSTOM_GUIDE}`));
  const picker = scenarioPicker(pickPreset, (f) => void pickFile(f));
  const note = translationNote();
  const status = h("p", { class: "check-status", testid: "check-status", role: "status" }, t("host.setup.loading"));
  const issueHint = h("p", { class: "help" });
  const issueList = h("ul", {});
  const issueTitle = h("b", {});
  const issues = h("div", { class: "issues", role: "alert", hidden: true }, h("div", { testid: "scenario-issues" }, issueTitle, issueList), issueHint);
  const seed = h("input", {
    id: "create-seed",
    type: "number",
    min: 0,
    max: 4294967295,
    step: 1,
    placeholder: t("host.setup.seedPlaceholder"),
    testid: "create-seed",
  });
  const createButton = h("button", { class: "btn btn-primary btn-big", type: "submit", testid: "create-button", disabled: true }, t("host.setup.create"));
  const seedBox = h(
    "details",
    { class: "number-group" },
    h("summary", {}, t("host.setup.seedTitle")),
    h("p", { class: "help" }, t("host.setup.seedHelp")),
    field(t("host.setup.seed"), seed),
  );
  const retry = h("button", { class: "btn", type: "button", hidden: true, onclick: () => void start() }, t("host.setup.retry"));
  const create = h(
    "form",
    { class: "setup-card scenario-card" },
    details.el,
    note.el,
    numbers.el,
    seedBox,
    issues,
    h("div", { class: "create-bar" }, status, retry, createButton),
  );

  let source: string | object | undefined;
  let base: ScenarioSummary | undefined;
  let origin = "";
  let ok = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;
  /** The overrides last sent to be checked: a field losing focus (its "change") must not check them again. */
  let checked = "";

  const showIssues = (list: FieldIssue[], hint = "") => {
    numbers.mark(list);
    seedBox.hidden = numbers.el.hidden;
    setText(issueHint, hint);
    issueHint.hidden = !hint;
    issues.hidden = list.length === 0;
    setText(issueTitle, t("host.setup.issuesTitle", { count: list.length }));
    issueList.replaceChildren(...list.map((i) => h("li", {}, h("code", {}, issuePath(i.path)), ` ${issueText(i)}`)));
  };
  const ready = (yes: boolean, text: string) => {
    ok = yes;
    createButton.disabled = !yes;
    setText(status, text);
    status.dataset.state = yes ? "ok" : "waiting";
  };

  function pickPreset(s: ScenarioSummary) {
    inflight?.abort();
    checked = "";
    source = s.id;
    base = s;
    origin = t("host.setup.preset");
    details.show(s, origin);
    numbers.el.hidden = false;
    showIssues([]);
    note.show([]);
    numbers.show(s);
  }

  async function pickFile(file: File) {
    inflight?.abort();
    note.show([]);
    checked = "";
    source = undefined;
    base = undefined;
    ready(false, t("host.setup.reading", { file: file.name }));
    numbers.el.hidden = seedBox.hidden = true;
    details.el.replaceChildren(h("div", { class: "scenario-kicker" }, t("host.setup.uploadedFile")), h("h2", {}, file.name));
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      showIssues([{ path: t("host.setup.theFile"), message: t("host.setup.notJson", { error: (err as Error).message }) }], t("host.setup.fixHint"));
      return ready(false, t("host.setup.unplayable"));
    }
    ready(false, t("host.setup.checking"));
    const result = await checkScenario(parsed as object, {}).catch(() => undefined);
    if (!result) return ready(false, t("host.setup.unreachableFile"));
    if (!result.ok) {
      showIssues(result.issues, t("host.setup.fixHint"));
      return ready(false, t("host.setup.unplayable"));
    }
    source = parsed as object;
    customScenario.set(source);
    base = result.scenario;
    origin = t("host.setup.uploaded", { file: file.name });
    details.show(base, origin);
    numbers.el.hidden = false;
    showIssues([]);
    note.show(result.warnings ?? []);
    numbers.show(base);
  }

  /** Every change of a number asks the server, shortly after typing stops, whether the session could start. */
  function recheck() {
    if (source === undefined || !base) return;
    const blanks = numbers.blanks();
    const overrides = numbers.overrides();
    const key = JSON.stringify([blanks, overrides]);
    if (key === checked) return;
    checked = key;
    clearTimeout(timer);
    inflight?.abort();
    if (blanks.length || !overrides) {
      showIssues(blanks);
      return ready(false, t("host.setup.fillIn"));
    }
    if (Object.keys(overrides).length === 0) {
      showIssues([]);
      details.show(base, origin);
      return ready(true, t("host.setup.ready"));
    }
    ready(false, t("host.setup.checkingNumbers"));
    const at = source;
    timer = setTimeout(async () => {
      const controller = (inflight = new AbortController());
      const result = await checkScenario(at, overrides, controller.signal).catch(() => undefined);
      if (controller.signal.aborted) return;
      if (!result) {
        checked = "";
        return ready(false, t("host.setup.unreachableNumbers"));
      }
      showIssues(result.ok ? [] : result.issues);
      if (result.ok && base) details.show(base, origin, result.scenario);
      ready(result.ok, result.ok ? t("host.setup.readyChanged") : t("host.setup.fixRed"));
    }, 300);
  }

  create.addEventListener("submit", async (e) => {
    e.preventDefault();
    const overrides = numbers.overrides();
    if (!ok || source === undefined || !overrides) return;
    createButton.disabled = true;
    setText(createButton, t("host.setup.opening"));
    const seedValue = seed.valueAsNumber;
    await actions
      .create({
        scenario: source as CreateOptions["scenario"],
        ...(Object.keys(overrides).length ? { overrides } : {}),
        ...(Number.isInteger(seedValue) ? { seed: seedValue } : {}),
      })
      .catch((err: Error) => {
        setText(status, err.message);
        status.dataset.state = "error";
      })
      .finally(() => {
        createButton.disabled = !ok;
        setText(createButton, t("host.setup.create"));
      });
  });

  async function start() {
    retry.hidden = true;
    ready(false, t("host.setup.loading"));
    const presets = await loadPresets().catch((err: Error) => err);
    if (presets instanceof Error) {
      retry.hidden = false;
      return ready(false, presets.message);
    }
    picker.show(presets);
    const first = presets.find((p) => p.id === DEFAULT_SCENARIO) ?? presets[0];
    if (first && source === undefined) {
      picker.select(first.id);
      pickPreset(first);
    }
  }
  void start();

  return h(
    "main",
    { class: "setup" },
    h(
      "div",
      { class: "setup-head" },
      h(
        "div",
        { class: "setup-topline" },
        h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"),
        h("span", { class: "page-settings" }, languagePicker(), displaySettings()),
      ),
      h("h1", {}, t("host.setup.title")),
      h("p", { class: "lede" }, t("host.setup.lede")),
    ),
    h(
      "div",
      { class: "setup-layout" },
      h("aside", { class: "setup-side" }, h("h2", { class: "step" }, t("host.setup.scenario")), picker.el, reopenCard(actions, presetCode)),
      create,
    ),
  );
}
