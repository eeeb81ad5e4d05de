import { describe, expect, it } from "vitest";
import { ACTION_FACTS, DISPUTED_SOURCES, disputedNote, FACTS } from "../../shared/content/real-vs-myth.ts";
import { SOURCES, type Source, type SourceId } from "../../shared/content/sources.ts";
import { actionCards, PRESET_SOURCES } from "../../shared/content/scenario-facts.ts";
import { useLanguage } from "../../shared/i18n/index.ts";
import { ACTION_NAMES, DEFAULT_CONFIG } from "../../shared/rules/config.ts";
import { scenarioConfig } from "../../shared/scenarios/load.ts";
import { PRESETS } from "../../shared/scenarios/presets.ts";
import { localizeConfig } from "../../shared/scenarios/translations.ts";
import { ACTION_TEXT, actionLabel } from "../../shared/text/actions.ts";

const grade = (action: string) => ACTION_FACTS.find((a) => a.action === action)!.truth;
const cited = (list: readonly { sources: readonly SourceId[] }[]) => list.flatMap((f) => f.sources);

describe("the real vs myth panel", () => {
  it("grades every action as the default rules do, with what the sources say and at least one source", () => {
    expect(ACTION_FACTS.map((f) => f.action)).toEqual([...ACTION_NAMES]);
    for (const f of ACTION_FACTS) {
      expect(f.truth).toBe(DEFAULT_CONFIG.actions[f.action].truth);
      expect(f.finding.length).toBeGreaterThan(20);
      expect(f.sources.length, f.action).toBeGreaterThan(0);
    }
  });

  it("grades as strongly as SOURCES.md's evidence allows, no stronger", () => {
    expect(grade("lookup")).toBe("partly");
    expect(grade("buy-games")).toBe("disputed");
    expect(grade("buy-responsible")).toBe("disputed");
    expect(grade("report")).toBe("partly");
    expect(grade("vouch")).toBe("partly");
    expect(grade("unfriend")).toBe("disputed");
    expect(grade("post-opinion")).toBe("myth");
    expect(grade("share-approved")).toBe("myth");
    expect(grade("pay-bill")).toBe("real");
    expect(grade("brag")).toBe("real");
    const grades = new Set([...FACTS.map((f) => f.grade), ...ACTION_FACTS.map((a) => a.truth)]);
    for (const g of ["real", "partly", "disputed", "myth"]) expect(grades).toContain(g);
  });

  it("lets no finding undercut its own grade", () => {
    const appeal = ACTION_FACTS.find((a) => a.action === "appeal")!;
    expect(appeal.finding).toMatch(/Procedures exist/);
    expect(appeal.finding).not.toMatch(/no real way to contest/i);
    // Bill payments count in Sesame's own launch text and Rongcheng's standards, not in the blacklist article.
    expect(ACTION_FACTS.find((a) => a.action === "pay-bill")!.sources).toEqual(expect.arrayContaining(["S6", "S36"]));
    // Reporting: cash bounties, not a national registry of informers.
    expect(ACTION_FACTS.find((a) => a.action === "report")!.sources).toEqual(expect.arrayContaining(["S65"]));
    const lookup = ACTION_FACTS.find((a) => a.action === "lookup")!;
    expect(lookup.sources).not.toContain("S58");
  });

  it("names every source with a title, publisher, year and link, and cites only sources it lists", () => {
    for (const [id, s] of Object.entries(SOURCES) as [SourceId, Source][]) {
      expect(s.title.length, id).toBeGreaterThan(5);
      expect(s.publisher.length, id).toBeGreaterThan(2);
      expect(s.year, id).toMatch(/^(\d{4}|n\.d\.)/);
      expect(s.url, id).toMatch(/^https?:\/\/[^ ]+$/);
    }
    for (const id of [...cited(FACTS), ...cited(ACTION_FACTS), ...DISPUTED_SOURCES]) expect(SOURCES[id], id).toBeDefined();
    for (const f of FACTS) expect(f.sources.length, f.id).toBeGreaterThan(0);
    expect(new Set(FACTS.map((f) => f.id)).size).toBe(FACTS.length);
  });

  it("backs the Sesame card's 2018 licence with licensing sources, and says the 2015 reporting was disputed", () => {
    const sesame = FACTS.find((f) => f.id === "sesame-credit")!;
    expect(sesame.finding).toMatch(/Baihang/);
    expect(sesame.sources).toEqual(expect.arrayContaining(["S25"]));
    expect(sesame.finding).not.toMatch(/never licensed as a credit bureau/);
    expect(disputedNote()).toMatch(/accuracy/);
    expect(DISPUTED_SOURCES).toContain("S1");
  });
});

describe.each(PRESETS.map((p) => [p.id, p] as const))("real or myth for a %s session", (_id, preset) => {
  const config = scenarioConfig(preset);
  const cards = actionCards(config);

  it("has one card per action the session offers, under the session's own button label, graded as its rules grade it", () => {
    expect(cards.map((c) => c.action)).toEqual(ACTION_NAMES.filter((a) => config.actions[a].enabled));
    for (const c of cards) {
      expect(c.label).toBe(actionLabel(c.action, config));
      expect(c.label).toBe(preset.labels.actions?.[c.action] ?? ACTION_TEXT[c.action].label);
      expect(c.grade, c.action).toBe(config.actions[c.action].truth);
    }
  });

  it("gives every card a finding that agrees with its grade, and sources that back it", () => {
    for (const c of cards) {
      const why = `${preset.id} ${c.action} (${c.label}): ${c.grade}`;
      expect(c.finding, why).not.toBeNull();
      const finding = c.finding!;
      if (c.grade === "game") expect(finding, why).toMatch(/^The game's own mechanic: /);
      else expect(c.sources.length, why).toBeGreaterThan(0);
      // A "Real" card never sits beside a finding that says the game's version was not found or works otherwise.
      if (c.grade === "real") expect(finding, why).not.toMatch(/not points|no source found|do not say|not found|no evidence|rests only|Disputed/i);
      if (c.grade === "myth") expect(finding, why).toMatch(/no source found|no credible evidence|no evidence|no scoring system/i);
      // A renamed action's finding is about what the button now means, not about 2015's shopping.
      if (c.label !== ACTION_TEXT[c.action].label) expect(finding, why).not.toMatch(/video games|executive's example/);
      for (const id of c.sources) expect(SOURCES[id]?.url, `${why}: ${id}`).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it("lists the scenario's sources with a title, publisher, year and link, and nothing SOURCES.md flags", () => {
    const cited = PRESET_SOURCES[preset.id];
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) {
      const s: Source = SOURCES[id];
      expect([s.title.length > 5, s.publisher.length > 2, /^(\d{4}|n\.d\.)/.test(s.year), /^https?:\/\/\S+$/.test(s.url)], id).toEqual([
        true,
        true,
        true,
        true,
      ]);
    }
    // Sesame's launch of 28 January 2015 was a beta (SOURCES.md, flag 4).
    for (const text of preset.sources) expect(text).not.toMatch(/launched 28 January/);
  });
});

describe("real or myth in another language", () => {
  it("a preset shown in German or Chinese keeps every finding and grade, in that language", async () => {
    const english = PRESETS.map((p) => actionCards(scenarioConfig(p)));
    try {
      for (const language of ["de", "zh-Hans"] as const) {
        await useLanguage(language);
        PRESETS.forEach((preset, i) => {
          const shown = actionCards(localizeConfig(scenarioConfig(preset), language));
          expect(
            shown.map((a) => a.grade),
            preset.id,
          ).toEqual(english[i].map((a) => a.grade));
          shown.forEach((card, j) => {
            expect(card.finding, `${language} ${preset.id} ${card.action}`).not.toBeNull();
            expect(card.finding).not.toBe(english[i][j].finding);
          });
        });
      }
    } finally {
      await useLanguage("en");
    }
  });
});
