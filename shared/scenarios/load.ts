import type { GameConfig } from "../rules/config.ts";
import { DEFAULT_CONFIG, makeConfig } from "../rules/config.ts";
import { changeBounds } from "../rules/live/rule-change.ts";
import type { RuleChange } from "../rules/live/types.ts";
import { scenarioFile, scenarioRules, type ScenarioFile, type ScenarioRules } from "./schema.ts";
import { configTranslations, missingTranslations, translationIssues } from "./translations.ts";
import { fieldIssue, zodIssues } from "./issues.ts";
import type { MessageKey, Params } from "../i18n/index.ts";

/** One problem with a scenario: where (a dotted path such as "rules.visaAt") and what. */
export interface FieldIssue {
  path: string;
  /** In English: the API's and English screens' words. */
  message: string;
  /** The catalog key and params other screens word it from (shared/text/issues.ts). */
  key?: string;
  params?: Params;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** All issues as one text for a person, each naming its field. */
export function describeIssues(issues: FieldIssue[], limit = 8): string {
  const shown = issues.slice(0, limit).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : "";
  return `The scenario is not valid. ${shown.join("; ")}${more}.`;
}

/** The file's numbers with the host's overrides on top; actions merge one level deep. */
function withOverrides(rules: ScenarioRules, overrides: ScenarioRules): ScenarioRules {
  const actions = { ...rules.actions };
  for (const [name, effect] of Object.entries(overrides.actions ?? {})) {
    const key = name as keyof typeof actions;
    actions[key] = { ...actions[key], ...effect };
  }
  return { ...rules, ...overrides, actions };
}

export function scenarioConfig(file: ScenarioFile): GameConfig {
  const { actions, ...numbers } = file.rules;
  const schedule = file.schedule.map((e, i) => ({ e, i })).sort((a, b) => a.e.round - b.e.round || a.e.atSecond - b.e.atSecond || a.i - b.i);
  return makeConfig({
    ...numbers,
    ...(actions ? { actions } : {}),
    topics: file.topics,
    ballot: file.ballot,
    voteMenu: file.voteMenu,
    schedule: schedule.map(({ e }) => e),
    scenario: {
      id: file.id,
      title: file.title,
      description: file.description,
      sources: file.sources,
      debriefPrompts: file.debriefPrompts.map((p) => (typeof p === "string" ? p : p.question)),
      promptAnswers: file.debriefPrompts.map((p) => (typeof p === "string" ? null : p.answer)),
      labels: file.labels,
      ...(file.survey.length ? { survey: file.survey } : {}),
      ...(file.language ? { language: file.language } : {}),
      ...(file.translations ? { translations: configTranslations(file.translations) } : {}),
    },
  });
}

/** Checks that need more than one field: ranges that depend on other numbers, references between sections. */
function crossCheck(file: ScenarioFile, c: GameConfig, roundsOverridden: boolean): FieldIssue[] {
  const out: FieldIssue[] = [];
  const add = (path: string, key: MessageKey, params?: Params) => out.push(fieldIssue(path, key, params));
  if (c.scoreMin >= c.scoreMax) add("rules.scoreMax", "scenario.issue.above-min", { min: c.scoreMin });
  if (c.startScore < c.scoreMin || c.startScore > c.scoreMax) add("rules.startScore", "scenario.issue.start-range", { min: c.scoreMin, max: c.scoreMax });
  for (const key of ["visaAt", "travelAt", "restrictedBelow", "bragMinScore", "vouchBothAt", "vouchRiskBelow", "shockBelow", "friendPivot"] as const) {
    if (c[key] < c.scoreMin || c[key] > c.scoreMax + 1)
      add(`rules.${key}`, "scenario.issue.threshold-range", { min: c.scoreMin, top: c.scoreMax + 1, value: c[key] });
  }
  if (c.travelAt > c.visaAt) add("rules.travelAt", "scenario.issue.not-above", { field: "visaAt", value: c.visaAt });
  if (c.restrictedBelow > c.travelAt) add("rules.restrictedBelow", "scenario.issue.not-above", { field: "travelAt", value: c.travelAt });
  duplicates(file.topics.map((t) => t.id)).forEach((i) => add(`topics.${i}.id`, "scenario.issue.duplicate", { kind: "topic" }));
  duplicates(file.voteMenu.map((o) => o.id)).forEach((i) => add(`voteMenu.${i}.id`, "scenario.issue.duplicate", { kind: "option" }));
  duplicates(file.survey.map((q) => q.id)).forEach((i) => add(`survey.${i}.id`, "scenario.issue.duplicate", { kind: "question" }));
  file.survey.forEach(
    (q, i) =>
      q.correct !== undefined &&
      q.correct >= q.options.length &&
      add(`survey.${i}.correct`, "scenario.issue.correct-index", { count: q.options.length, last: q.options.length - 1 }),
  );
  file.voteMenu.forEach((o, i) => checkChangeRange(c, o.change, `voteMenu.${i}.change.value`, add));
  file.schedule.forEach((entry, i) => {
    const at = `schedule.${i}`;
    if (entry.round > c.rounds && !roundsOverridden) add(`${at}.round`, "scenario.issue.after-last-round", { rounds: c.rounds });
    const e = entry.event;
    if (e.type === "ban-topic" && !file.topics.some((t) => t.id === e.topic)) add(`${at}.event.topic`, "scenario.issue.unknown-topic", { topic: e.topic });
    if (e.type === "vote-open" && file.voteMenu.length === 0) add(`${at}.event`, "scenario.issue.vote-needs-menu");
    if (e.type === "rule-change") checkChangeRange(c, e.change, `${at}.event.change.value`, add);
    if (e.type === "blacklist-shock" && e.below !== undefined && (e.below < c.scoreMin || e.below > c.scoreMax + 1)) {
      add(`${at}.event.below`, "scenario.issue.shock-range", { min: c.scoreMin, top: c.scoreMax + 1 });
    }
  });
  for (const length of ["45", "90"] as const) {
    const steps = file.guide?.lessons?.[length];
    const total = steps?.reduce((sum, s) => sum + s.minutes, 0);
    if (total !== undefined && total !== Number(length)) add(`guide.lessons.${length}`, "scenario.issue.lesson-minutes", { total, length: Number(length) });
  }
  return [...out, ...translationIssues(file)];
}

function checkChangeRange(c: GameConfig, change: RuleChange, path: string, add: (path: string, key: MessageKey, params?: Params) => void): void {
  const { min, max, whole } = changeBounds(c, change);
  if (change.value < min || change.value > max) add(path, "scenario.issue.change-range", { min, max });
  else if (whole && !Number.isInteger(change.value)) add(path, "scenario.issue.whole");
}

function duplicates(ids: string[]): number[] {
  return ids.flatMap((x, i) => (ids.indexOf(x) < i ? [i] : []));
}

/**
 * The plan fitted to the host's changes: shorter rounds keep each event at the same point of
 * its round (halfway stays halfway), and fewer rounds drop the plan for the rounds that no
 * longer exist.
 */
function fitSchedule(file: ScenarioFile, rules: ScenarioRules, overridden: Set<string>): ScenarioFile["schedule"] {
  const rounds = rules.rounds ?? DEFAULT_CONFIG.rounds;
  const planned = file.rules.roundSeconds ?? DEFAULT_CONFIG.roundSeconds;
  const scale = overridden.has("roundSeconds") ? (rules.roundSeconds ?? planned) / planned : 1;
  return file.schedule
    .filter((e) => !overridden.has("rounds") || e.round <= rounds)
    .map((e) => (scale === 1 ? e : { ...e, atSecond: Math.floor(e.atSecond * scale) }));
}

/**
 * Validates a scenario file and the host's number overrides, and builds the session's config.
 * Problems an override caused are reported under "overrides", the rest under the file's own
 * paths. Warnings (texts not yet translated) leave the file valid.
 */
export function checkScenario(raw: unknown, rawOverrides: unknown = {}): Checked<{ file: ScenarioFile; config: GameConfig; warnings: FieldIssue[] }> {
  const parsed = scenarioFile.safeParse(raw);
  const over = scenarioRules.safeParse(rawOverrides ?? {});
  const issues = [...(parsed.success ? [] : zodIssues(parsed.error)), ...(over.success ? [] : zodIssues(over.error, ["overrides"]))];
  if (!parsed.success || !over.success) return { ok: false, issues };
  const overridden = new Set(Object.keys(over.data));
  const rules = withOverrides(parsed.data.rules, over.data);
  const file = { ...parsed.data, rules, schedule: fitSchedule(parsed.data, rules, overridden) };
  const config = scenarioConfig(file);
  const cross = crossCheck(file, config, overridden.has("rounds")).map((i) => {
    const [head, key, ...rest] = i.path.split(".");
    return head === "rules" && overridden.has(key) ? { ...i, path: ["overrides", key, ...rest].join(".") } : i;
  });
  return cross.length ? { ok: false, issues: cross } : { ok: true, value: { file, config, warnings: missingTranslations(file) } };
}
