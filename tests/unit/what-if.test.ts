import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRESET_CHANGES, runCounterfactual, type Counterfactual } from "../../shared/replay/counterfactual.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import type { ReplayLog } from "../../shared/replay/log.ts";
import { apply } from "../../shared/rules/apply.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import { roundActionPoints } from "../../shared/rules/round.ts";
import { initialState } from "../../shared/rules/state.ts";
import { eventIndex, stateAfter } from "../../shared/replay/seek.ts";
import { scenarioConfig } from "../../shared/scenarios/load.ts";
import { PRESETS } from "../../shared/scenarios/presets.ts";
import { whatIfText, worldLabel } from "../../shared/text/what-if.ts";
import { replayOf, scripted } from "../helpers/replay.ts";

const sessions = new Map(PRESETS.map((p) => [p.id, replayOf(generateSession({ players: 16, seed: 5, roundSeconds: 40, config: scenarioConfig(p) }))]));
const recorded = (id: string) => sessions.get(id)!;
const isPull = (e: GameEvent) => e.type === "score" && e.cause.rule === "guilt-by-association";

/** Folds a log and notes what each audit picked and how each appeal went, keyed as the rules key their luck. */
function luckOf(log: ReplayLog) {
  const s = initialState(log.meta.config, log.meta.seed, log.meta.rulesVersion);
  const audits = new Map<string, string[]>();
  const appeals = new Map<string, boolean>();
  for (const { command } of log.commands) {
    const out = apply(s, command);
    if ("code" in out) continue;
    for (const e of out.events) {
      if (e.type === "live" && e.detail.kind === "audit") {
        const n = s.live.filter((x) => x.round === e.round && x.detail.kind === "audit" && x.seq <= e.seq).length;
        audits.set(
          `${e.round}:${n}`,
          e.detail.players.map((p) => s.players[p]?.nickname ?? p),
        );
      }
      if (e.type === "appeal") {
        const d = s.players[e.player].deductions.find((x) => x.id === e.deduction)!;
        if (!d.wrong) appeals.set(d.luck!, e.reversed);
      }
    }
  }
  return {
    audits,
    appeals,
    players: Object.values(s.players)
      .map((p) => p.nickname)
      .sort(),
  };
}

/** Every accepted appeal in a log, as the deduction it judged: whose, by which rule, when (the deduction's own luck key). */
function appealsOf(log: ReplayLog): string[] {
  const s = initialState(log.meta.config, log.meta.seed, log.meta.rulesVersion);
  const out: string[] = [];
  for (const { command } of log.commands) {
    const result = apply(s, command);
    if ("code" in result) continue;
    for (const e of result.events) if (e.type === "appeal") out.push(s.players[e.player].deductions.find((x) => x.id === e.deduction)!.luck!);
  }
  return out.sort();
}

/** The same log with its appeals naming no deduction, as the bots recorded them before they named one. */
function unnamed(log: ReplayLog): ReplayLog {
  return {
    ...log,
    commands: log.commands.map((e) =>
      e.command.kind === "act" && e.command.action === "appeal" ? { ...e, command: { ...e.command, deduction: undefined } } : e,
    ),
  };
}

describe.each(PRESETS.map((p) => p.id))("a what-if on a generated %s session", (id) => {
  it.each(Object.keys(PRESET_CHANGES) as (keyof typeof PRESET_CHANGES)[])(
    "%s: every recorded appeal judges the same deduction there, or is left out and said so",
    (world) => {
      // The generator names each appeal's deduction, as phones do; bots and logs before it did not, and the rules then take the latest.
      const named = recorded(id);
      const appeals = named.log.commands.filter(({ command: c }) => c.kind === "act" && c.action === "appeal");
      expect(appeals.every(({ command: c }) => c.kind === "act" && c.deduction !== undefined)).toBe(true);
      const r = replayOf(unnamed(named.log));
      expect(r.events).toEqual(named.events);
      const cf = runCounterfactual(r, PRESET_CHANGES[world].changes);
      const before = appealsOf(r.log);
      const after = appealsOf(cf.log);
      expect(before.length).toBeGreaterThan(0);
      // The bots appeal without naming a deduction: each one still lands on the deduction it judged in the recorded world.
      for (const key of after) expect(before).toContain(key);
      expect(new Set(after).size).toBe(after.length);
      const dropped = cf.refused.byAction.appeal ?? 0;
      expect(after.length + dropped).toBe(before.length);
      const text = whatIfText(cf, worldLabel(PRESET_CHANGES[world].changes));
      if (dropped > 0) {
        expect(text.onlyRules).toBeNull();
        expect(text.caveats.join(" ")).toMatch(/appeals? of (a deduction|deductions) that never happened here/);
      }
    },
  );

  it("with the recorded rules reproduces the recorded world exactly, and says only the rules changed", () => {
    const r = recorded(id);
    const cf = runCounterfactual(r, {});
    expect(replayOf(cf.log).events).toEqual(r.events);
    expect(cf.counterfactual).toEqual(cf.recorded);
    expect(whatIfText(cf, "the recorded rules").onlyRules).toMatch(/^Only the rules changed/);
  });

  it("with friend weight 0 holds it all session: no guilt by association at all, planned and voted changes included", () => {
    const r = recorded(id);
    const cf = runCounterfactual(r, PRESET_CHANGES["no-guilt-by-association"].changes);
    const other = replayOf(cf.log);
    expect(other.events.filter(isPull)).toEqual([]);
    expect(other.final.config.friendWeight).toBe(0);
    const text = whatIfText(cf, worldLabel(PRESET_CHANGES["no-guilt-by-association"].changes));
    expect(text.fixed).toContain("friend weight 0 for the whole session");
    if (r.final.config.friendWeight !== r.config.friendWeight)
      expect(text.caveats.some((c) => c.startsWith("The recorded session changed friend weight later"))).toBe(true);
  });

  it("with no blacklist leaves nobody blacklisted and no action point lost to it, and says what it cannot invent", () => {
    const r = recorded(id);
    const cf = runCounterfactual(r, PRESET_CHANGES["no-blacklist"].changes);
    const other = replayOf(cf.log);
    expect(other.events.filter((e) => e.type === "blacklisted" && e.on)).toEqual([]);
    expect(cf.counterfactual.blacklisted).toBe(0);
    for (const e of other.events) if (e.type === "live" && e.detail.kind === "blacklist-shock") expect(e.detail.players).toEqual([]);
    // Each round's action points are the full ones: nobody loses any to a blacklist there.
    for (const span of other.rounds) {
      const s = stateAfter(other, other.eventCommand[eventIndex(other, span.startEvent)] + 1);
      for (const p of Object.values(s.players)) expect(roundActionPoints(s, p)).toBe(roundActionPoints(s, { ...p, blacklisted: false }));
    }
    const recordedBlacklistings = r.events.filter((e) => e.type === "blacklisted" && e.on).length;
    expect(cf.blacklist).toMatchObject({ blacklistings: recordedBlacklistings });
    // Where the blacklist costs action points (blacklist-only, ratings-at-work), the recorded session lost some to it.
    if (r.config.blacklistPenaltyPoints > 0) expect(cf.blacklist!.pointsLost).toBeGreaterThan(0);
    expect(whatIfText(cf, "no blacklist").caveats.join(" ")).toContain("Choices that blacklisted players were stopped from making are not invented");
  });

  it("draws the same luck for the same audits and appeals in both worlds wherever their subject still exists", () => {
    const r = recorded(id);
    const cf = runCounterfactual(r, { friendWeight: 0 });
    const a = luckOf(r.log);
    const b = luckOf(cf.log);
    expect(b.players).toEqual(a.players);
    for (const [key, picked] of a.audits) if (b.audits.has(key)) expect(b.audits.get(key)).toEqual(picked);
    let common = 0;
    for (const [key, reversed] of a.appeals) {
      if (!b.appeals.has(key)) continue;
      common++;
      expect(b.appeals.get(key)).toBe(reversed);
    }
    expect(common).toBeGreaterThan(0);
    expect(cf.luck).toBe("keyed");
  });
});

describe("what a what-if holds fixed", () => {
  const r = recorded("citizen-score-2015");

  it("holds the rule through planned, voted and hand-made changes, or lets them through when the facilitator ticks it", () => {
    const { g, log } = scripted({
      rounds: 3,
      roundSeconds: 30,
      actionPoints: 10,
      friendWeight: 0.1,
      schedule: [{ round: 2, atSecond: 0, event: { type: "rule-change", change: { rule: "friend-weight", value: 0.2 } } }],
      voteMenu: [{ id: "triple", label: "Friends count triple", change: { rule: "friend-weight", value: 0.3 } }],
    });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    g.act(bo, "volunteer");
    g.advance(30_000); // round 2: the plan sets 0.2
    g.host({ type: "vote-open", share: 1 });
    g.send({ kind: "vote", at: g.at, player: ana, option: "triple" });
    g.send({ kind: "vote", at: g.at, player: bo, option: "triple" }); // 0.3
    g.advance(30_000);
    g.host({ type: "settings", friendWeight: 0.4 });
    g.advance(30_000);
    const rec = replayOf(log());
    expect(rec.final.config.friendWeight).toBe(0.4);
    const held = runCounterfactual(rec, { friendWeight: 0.05 });
    const other = replayOf(held.log);
    expect(other.final.config.friendWeight).toBe(0.05);
    // That world's pulls weigh friends by 0.05: Bo's 620 against the pivot 650 moves Ana by
    // round(0.05 × -30) = round(-1.5) = -1 (JavaScript rounds halves up; Python and R would say -2).
    const firstPull = other.events.find((e) => e.type === "score" && e.cause.rule === "guilt-by-association" && e.player === ana);
    expect(firstPull).toMatchObject({ delta: -1 });
    expect(held.held).toEqual([{ setting: "friendWeight", planned: 1, voted: 1, byHand: 1 }]);
    expect(held.pinnedSettings).toBe(1);
    const vote = other.events.find((e) => e.type === "live" && e.detail.kind === "vote-closed");
    expect(vote).toMatchObject({ detail: { option: "triple", change: null } });
    const text = whatIfText(held, "friend weight 0.05");
    expect(text.fixed).toBe(
      "Held fixed: friend weight 0.05 for the whole session, every recorded choice at its recorded moment, and the luck of each audit and appeal wherever its subject still exists.",
    );
    expect(text.caveats[0]).toBe(
      "The recorded session changed friend weight later (1 planned change, 1 vote result and 1 by the facilitator): left out here, where it stays as set.",
    );
    const through = runCounterfactual(rec, { friendWeight: 0.05 }, { letLaterChanges: true });
    expect(replayOf(through.log).final.config.friendWeight).toBe(0.4);
    expect(whatIfText(through, "friend weight 0.05").fixed).toContain("until the recorded session changed it (later changes let through)");
  });

  it("never says only the rules changed where choices were refused or luck may differ", () => {
    const cf = runCounterfactual(r, PRESET_CHANGES["no-blacklist"].changes);
    expect(whatIfText(cf, "no blacklist").onlyRules).toBeNull();
    const refused: Counterfactual["refused"] = { actions: 3, joins: 0, facilitator: 0, byCode: { "not-eligible": 3 }, byAction: { brag: 3 } };
    const text = whatIfText({ ...runCounterfactual(r, {}), refused }, "x");
    expect(text.onlyRules).toBeNull();
    expect(text.caveats[0]).toBe("3 recorded choices could not be made under these rules and are left out.");
  });

  it("on a version 2 log says that luck was one sequence, and never that only the rules changed", () => {
    const { log } = JSON.parse(readFileSync(new URL("../fixtures/rules-v2.json", import.meta.url), "utf8")) as { log: ReplayLog };
    const cf = runCounterfactual(replayOf(log), {});
    expect(cf.luck).toBe("stream");
    const text = whatIfText(cf, "the recorded rules");
    expect(text.onlyRules).toBeNull();
    expect(text.caveats.some((c) => c.includes("rules version 2"))).toBe(true);
  });
});
