import { LANGUAGES, type Language, type Locale, PSEUDO } from "../i18n/locales.ts";
import { pseudoText } from "../i18n/pseudo.ts";
import type { GameConfig } from "../rules/config.ts";
import type { BallotConfig, Labels, ScenarioInfo, ScenarioTexts, ScenarioTranslations, Topic, VoteOption } from "../rules/live/types.ts";
import type { FieldIssue } from "./load.ts";
import { fieldIssue } from "./issues.ts";
import type { ScenarioFile } from "./schema.ts";

/** Language names as the checker's (English) sentences say them. */
const NAMES: Record<Language, string> = { en: "English", es: "Spanish", de: "German", "zh-Hans": "Simplified Chinese" };

interface Parts {
  title: string;
  description: string;
  sources: string[];
  debriefPrompts: string[];
  labels: Labels;
  topics: Topic[];
  ballot: BallotConfig | null;
  voteMenu: VoteOption[];
  survey?: { id: string; question: string; options: string[] }[];
}

/** Every text of a scenario in the shape of a translation, so the two can be compared path by path. */
function textsOf(p: Parts): ScenarioTexts {
  const { score, tiers, blacklisted, actions } = p.labels;
  return {
    title: p.title,
    description: p.description,
    sources: p.sources,
    debriefPrompts: p.debriefPrompts,
    labels: { score, tiers, blacklisted, actions },
    topics: Object.fromEntries(p.topics.map((t) => [t.id, t.label])),
    ...(p.ballot ? { ballot: { question: p.ballot.question, options: p.ballot.options } } : {}),
    voteMenu: Object.fromEntries(p.voteMenu.map((o) => [o.id, o.label])),
    survey: Object.fromEntries((p.survey ?? []).map((q) => [q.id, { question: q.question, options: q.options }])),
  };
}

function fileTexts(file: ScenarioFile): ScenarioTexts {
  const debriefPrompts = file.debriefPrompts.map((p) => (typeof p === "string" ? p : p.question));
  const lessons = file.guide?.lessons;
  const guide = file.guide && {
    objectives: file.guide.objectives,
    lessons: lessons && { "45": lessons["45"], "90": lessons["90"] },
  };
  return { ...textsOf({ ...file, debriefPrompts }), ...(guide ? { guide } : {}) };
}

function configTexts(c: GameConfig): ScenarioTexts {
  return textsOf({ ...c.scenario, topics: c.topics, ballot: c.ballot, voteMenu: c.voteMenu });
}

/** Each text by its dotted path ("labels.actions.volunteer", "survey.sesame.options.1"). */
function leaves(value: unknown, path = "", out = new Map<string, string>()): Map<string, string> {
  if (typeof value === "string") out.set(path, value);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

function mapLeaves<T>(value: T, f: (s: string) => string): T {
  if (typeof value === "string") return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapLeaves(v, f)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, f)])) as T;
  return value;
}

/** Problems, not warnings: a translation in the file's own language, or of a text the scenario does not have. */
export function translationIssues(file: ScenarioFile): FieldIssue[] {
  const own = leaves(fileTexts(file));
  const language = file.language ?? "en";
  return Object.entries(file.translations ?? {}).flatMap(([lang, texts]) => {
    if (lang === language) return [fieldIssue(`translations.${lang}`, "scenario.issue.own-language", { language })];
    return [...leaves(texts).keys()].filter((path) => !own.has(path)).map((path) => fieldIssue(`translations.${lang}.${path}`, "scenario.issue.not-a-text"));
  });
}

/**
 * What a device in each other shipped language would still read in the scenario's own
 * language: one warning for a language with no translation at all, else one per missing text.
 * A scenario without translations stays valid.
 */
export function missingTranslations(file: ScenarioFile): FieldIssue[] {
  const own = leaves(fileTexts(file));
  const language = file.language ?? "en";
  return LANGUAGES.filter((l) => l !== language).flatMap((lang) => {
    const texts = file.translations?.[lang];
    if (!texts)
      return [{ path: `translations.${lang}`, message: `is missing: devices set to ${NAMES[lang]} show all ${own.size} texts in ${NAMES[language]}` }];
    const have = leaves(texts);
    return [...own.keys()]
      .filter((path) => !have.has(path))
      .map((path) => ({ path: `translations.${lang}.${path}`, message: `is missing: devices set to ${NAMES[lang]} show it in ${NAMES[language]}` }));
  });
}

/** The texts a screen in `locale` shows instead of the scenario's own, if any: its translation, or the pseudo-locale's accents over English. */
function textsFor(translations: ScenarioTranslations | undefined, language: Language | undefined, locale: Locale, own: () => ScenarioTexts) {
  if (locale === PSEUDO) return (language ?? "en") === "en" ? mapLeaves(own(), pseudoText) : undefined;
  return locale === language ? undefined : translations?.[locale];
}

const at = (own: string[], other: string[] | undefined) => own.map((x, i) => other?.[i] ?? x);

function over<K extends string>(own: Partial<Record<K, string>>, other: Partial<Record<K, string>> | undefined): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(own).map(([k, v]) => [k, other?.[k as K] ?? v])) as Partial<Record<K, string>>;
}

function localLabels<L extends Labels>(l: L, tr: ScenarioTexts["labels"]): L {
  return {
    ...l,
    ...(l.score === undefined ? {} : { score: tr?.score ?? l.score }),
    ...(l.blacklisted === undefined ? {} : { blacklisted: tr?.blacklisted ?? l.blacklisted }),
    ...(l.tiers ? { tiers: over(l.tiers, tr?.tiers) } : {}),
    ...(l.actions ? { actions: over(l.actions, tr?.actions) } : {}),
  };
}

/** The parts a file and a config share in the same shape: topics, the ballot, the vote menu, the survey. */
function localLists<P extends Pick<Parts, "topics" | "ballot" | "voteMenu">>(p: P, tr: ScenarioTexts) {
  return {
    topics: p.topics.map((t) => ({ ...t, label: tr.topics?.[t.id] ?? t.label })),
    ballot: p.ballot && { ...p.ballot, question: tr.ballot?.question ?? p.ballot.question, options: at(p.ballot.options, tr.ballot?.options) },
    voteMenu: p.voteMenu.map((o) => ({ ...o, label: tr.voteMenu?.[o.id] ?? o.label })) as P["voteMenu"],
  };
}

function localSurvey<Q extends { id: string; question: string; options: string[] }>(survey: Q[], tr: ScenarioTexts): Q[] {
  return survey.map((q) => ({ ...q, question: tr.survey?.[q.id]?.question ?? q.question, options: at(q.options, tr.survey?.[q.id]?.options) }));
}

/**
 * A session's config as a screen in `locale` shows it: the scenario's texts in that language
 * where its file translated them, its own words elsewhere. Ids, numbers and order are
 * untouched, so every rule, vote and answer still matches. The result carries no translations:
 * it is for showing, never for logging.
 */
export function localizeConfig(c: GameConfig, locale: Locale): GameConfig {
  const { translations, ...info } = c.scenario;
  const tr = textsFor(translations, info.language, locale, () => configTexts(c));
  if (!tr) return { ...c, scenario: info };
  const scenario: ScenarioInfo = {
    ...info,
    title: tr.title ?? info.title,
    description: tr.description ?? info.description,
    sources: at(info.sources, tr.sources),
    debriefPrompts: at(info.debriefPrompts, tr.debriefPrompts),
    labels: localLabels(info.labels, tr.labels),
    ...(info.survey ? { survey: localSurvey(info.survey, tr) } : {}),
  };
  return { ...c, ...localLists(c, tr), scenario };
}

/** A scenario file as a screen in `locale` shows it (the lesson kit's objectives and plans too); see localizeConfig. */
export function localizeScenario(file: ScenarioFile, locale: Locale): ScenarioFile {
  const { translations, ...own } = file;
  const tr = textsFor(translations, own.language, locale, () => fileTexts(file));
  if (!tr) return own;
  const prompts = tr.debriefPrompts;
  const guide = own.guide && {
    ...(own.guide.objectives ? { objectives: at(own.guide.objectives, tr.guide?.objectives) } : {}),
    ...(own.guide.lessons && {
      lessons: Object.fromEntries(
        Object.entries(own.guide.lessons).map(([length, steps]) => [
          length,
          steps.map((s, i) => {
            const step = tr.guide?.lessons?.[length as "45" | "90"]?.[i];
            return { ...s, activity: step?.activity ?? s.activity, ...(s.detail === undefined ? {} : { detail: step?.detail ?? s.detail }) };
          }),
        ]),
      ),
    }),
  };
  return {
    ...own,
    title: tr.title ?? own.title,
    description: tr.description ?? own.description,
    sources: at(own.sources, tr.sources),
    debriefPrompts: own.debriefPrompts.map((p, i) => (typeof p === "string" ? (prompts?.[i] ?? p) : { ...p, question: prompts?.[i] ?? p.question })),
    labels: localLabels(own.labels, tr.labels),
    ...localLists(own, tr),
    survey: localSurvey(own.survey, tr),
    ...(guide ? { guide } : {}),
  };
}

/** A file's translations as its config keeps them: the lesson kit's own texts stay with the file. */
export function configTranslations(translations: ScenarioTranslations): ScenarioTranslations {
  return Object.fromEntries(Object.entries(translations).map(([lang, { guide: _guide, ...texts }]) => [lang, texts]));
}
