import { describe, expect, it } from "vitest";
import { ACTION_FACTS, DISPUTED_NOTE, DISPUTED_SOURCES, FACTS } from "../../shared/content/real-vs-myth.ts";
import { SOURCES, type Source, type SourceId } from "../../shared/content/sources.ts";
import { ACTION_NAMES, DEFAULT_CONFIG } from "../../shared/rules/config.ts";

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
    expect(DISPUTED_NOTE).toMatch(/accuracy/);
    expect(DISPUTED_SOURCES).toContain("S1");
  });
});
