import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../shared/i18n/locales.ts";
import { checkScenario, describeIssues, scenarioConfig } from "../../shared/scenarios/load.ts";
import { PRESETS } from "../../shared/scenarios/presets.ts";
import { localizeConfig, localizeScenario, missingTranslations } from "../../shared/scenarios/translations.ts";
import { actionLabel } from "../../shared/text/actions.ts";
import { scoreName } from "../../shared/text/score.ts";

/** A small custom scenario with one text of every kind a translation may carry. */
const file = () => ({
  id: "school-points",
  title: "School points",
  description: "Every pupil has a points total the whole school can see, and friends share it.",
  sources: ["A made-up school, for practice"],
  debriefPrompts: ["Who lost points for a friend?", { question: "When did the board start to matter?", answer: "visibility" }],
  labels: { score: "Points", tiers: { visa: "Honour roll" }, actions: { volunteer: "Help in the library" } },
  topics: [{ id: "canteen", label: "The canteen food" }],
  ballot: { question: "Should a school rank its pupils in public?", options: ["No", "Yes"] },
  voteMenu: [{ id: "double", label: "Friends count twice", change: { rule: "friend-weight", value: 0.2 } }],
  survey: [{ id: "fair", question: "Was the ranking fair?", options: ["Yes", "No"] }],
  guide: { objectives: ["Pupils can explain how a shared score spreads blame."] },
});

const german = {
  title: "Schulpunkte",
  description: "Alle sehen den Punktestand jedes Schülers, und Freunde teilen ihn.",
  sources: ["Eine erfundene Schule, zum Üben"],
  debriefPrompts: ["Wer hat wegen eines Freundes Punkte verloren?", "Ab wann war die Rangliste wichtig?"],
  labels: { score: "Punkte", tiers: { visa: "Ehrenliste" }, actions: { volunteer: "In der Bibliothek helfen" } },
  topics: { canteen: "Das Mensaessen" },
  ballot: { question: "Soll eine Schule ihre Schüler öffentlich einstufen?", options: ["Nein", "Ja"] },
  voteMenu: { double: "Freunde zählen doppelt" },
  survey: { fair: { question: "War die Rangliste fair?", options: ["Ja", "Nein"] } },
  guide: { objectives: ["Die Klasse kann erklären, wie eine geteilte Punktzahl Schuld verteilt."] },
};

function checked(raw: unknown) {
  const c = checkScenario(raw);
  if (!c.ok) throw new Error(describeIssues(c.issues));
  return c.value;
}

describe("a scenario file's translations", () => {
  it("are optional: a file without them is valid, and the checker warns once per language that its texts show in English", () => {
    const { warnings } = checked(file());
    expect(warnings.map((w) => w.path)).toEqual(["translations.es", "translations.de", "translations.zh-Hans"]);
    expect(warnings[1].message).toBe("is missing: devices set to German show all 17 texts in English");
  });

  it("warn of each text a partial translation leaves out, by its field", () => {
    const partial = { ...german, labels: { score: "Punkte", tiers: {} }, survey: { fair: { question: "War die Rangliste fair?", options: ["Ja"] } } };
    const { warnings } = checked({ ...file(), translations: { de: partial } });
    expect(warnings.filter((w) => w.path.startsWith("translations.de"))).toEqual([
      { path: "translations.de.labels.tiers.visa", message: "is missing: devices set to German show it in English" },
      { path: "translations.de.labels.actions.volunteer", message: "is missing: devices set to German show it in English" },
      { path: "translations.de.survey.fair.options.1", message: "is missing: devices set to German show it in English" },
    ]);
  });

  it("may only name texts the scenario has, and not its own language", () => {
    const result = checkScenario({
      ...file(),
      translations: {
        en: { title: "School points" },
        de: { ...german, labels: { blacklisted: "Gesperrt" }, topics: { weather: "Das Wetter" }, ballot: { options: ["Nein", "Ja", "Vielleicht"] } },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      "translations.en",
      "translations.de.labels.blacklisted",
      "translations.de.topics.weather",
      "translations.de.ballot.options.2",
    ]);
    expect(result.issues[1].message).toBe("is not a text of this scenario, so there is nothing to translate");
  });

  it("are checked by the schema too: a language not shipped, or a field no scenario has, is refused", () => {
    const result = checkScenario({ ...file(), translations: { fr: { title: "Points" }, de: { subtitle: "Punkte" } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(["translations.de", "translations"]);
  });

  it("of a file written in German warn of English instead", () => {
    const { warnings } = checked({ ...file(), language: "de" });
    expect(warnings.map((w) => w.path)).toEqual(["translations.en", "translations.es", "translations.zh-Hans"]);
  });
});

describe("localizeConfig", () => {
  const { config } = checked({ ...file(), translations: { de: german } });

  it("gives every text function the scenario's words in the device's language, ids, numbers and answers unchanged", () => {
    const de = localizeConfig(config, "de");
    expect(de.scenario.title).toBe("Schulpunkte");
    expect(de.scenario.debriefPrompts).toEqual(german.debriefPrompts);
    expect(de.scenario.promptAnswers).toEqual([null, "visibility"]);
    expect(de.topics).toEqual([{ id: "canteen", label: "Das Mensaessen" }]);
    expect(de.voteMenu[0]).toEqual({ id: "double", label: "Freunde zählen doppelt", change: { rule: "friend-weight", value: 0.2 } });
    expect(de.ballot?.options).toEqual(["Nein", "Ja"]);
    expect(de.scenario.survey?.[0]).toEqual({ id: "fair", question: "War die Rangliste fair?", options: ["Ja", "Nein"] });
    expect(scoreName(de)).toBe("Punkte");
    expect(actionLabel("volunteer", de)).toBe("In der Bibliothek helfen");
    expect({ ...de, scenario: undefined, topics: undefined, voteMenu: undefined, ballot: undefined }).toEqual({
      ...config,
      scenario: undefined,
      topics: undefined,
      voteMenu: undefined,
      ballot: undefined,
    });
    expect(de.scenario.translations).toBeUndefined();
  });

  it("keeps the scenario's own words where a language has no translation, and in the scenario's own language", () => {
    for (const locale of ["es", "en"] as const) {
      const shown = localizeConfig(config, locale);
      expect(shown.scenario.title).toBe("School points");
      expect(actionLabel("volunteer", shown)).toBe("Help in the library");
    }
  });

  it("falls back text by text: a translated title with an untranslated label", () => {
    const { config: partial } = checked({ ...file(), translations: { es: { title: "Puntos escolares" } } });
    const es = localizeConfig(partial, "es");
    expect([es.scenario.title, es.scenario.labels.score, es.topics[0].label]).toEqual(["Puntos escolares", "Points", "The canteen food"]);
  });

  it("accents an English scenario's own texts in the pseudo-locale, so a screen test sees they were localized", () => {
    const pseudo = localizeConfig(config, "en-XA");
    expect(pseudo.scenario.title).toMatch(/^⟦Šçĥööĺ þöíñţš·+⟧$/);
    expect(pseudo.topics[0].label.startsWith("⟦")).toBe(true);
  });

  it("leaves an older session's config, logged without translations, as it was", () => {
    const { translations: _, ...older } = config.scenario;
    expect(localizeConfig({ ...config, scenario: older }, "de")).toEqual({ ...config, scenario: older });
  });
});

describe("localizeScenario", () => {
  it("translates the file itself, the lesson kit's own words included", () => {
    const { file: f } = checked({ ...file(), translations: { de: german } });
    const de = localizeScenario(f, "de");
    expect(de.guide?.objectives).toEqual(german.guide.objectives);
    expect(de.debriefPrompts).toEqual([german.debriefPrompts[0], { question: german.debriefPrompts[1], answer: "visibility" }]);
    expect(scenarioConfig(de)).toEqual(localizeConfig(scenarioConfig(f), "de"));
  });
});
describe("the five presets", () => {
  it("carry every text in Spanish, German and Simplified Chinese", () => {
    for (const preset of PRESETS) expect(missingTranslations(preset), preset.id).toEqual([]);
    expect(LANGUAGES).toEqual(["en", "es", "de", "zh-Hans"]);
  });

  it("keep the numbers of their descriptions, vote options and tiers in every translation", () => {
    for (const preset of PRESETS)
      for (const lang of ["es", "de", "zh-Hans"] as const) {
        const shown = localizeConfig(scenarioConfig(preset), lang);
        const own = scenarioConfig(preset);
        const numbers = (s: string) => (s.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(",", ".")).sort();
        // Chinese writes 14.5 million as 1450万 and July 2019 as 2019年7月: its descriptions are read, not counted.
        const pairs: [string, string][] = [
          ...(lang === "zh-Hans" ? [] : [[own.scenario.description, shown.scenario.description] as [string, string]]),
          ...own.voteMenu.map((o, i): [string, string] => [o.label, shown.voteMenu[i].label]),
          ...Object.entries(own.scenario.labels.tiers ?? {}).map(([k, v]): [string, string] => [v, shown.scenario.labels.tiers?.[k as "visa"] ?? ""]),
        ];
        for (const [en, other] of pairs) expect(numbers(other), `${preset.id} ${lang}: ${other}`).toEqual(numbers(en));
      }
  });
});
