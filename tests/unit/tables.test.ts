import { useLanguage } from "../../shared/i18n/index.ts";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { Script } from "../helpers/game.ts";
import { fold } from "../../shared/rules/fold.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import { COLUMNS, tableCsv, tidyTables, type TableLog, type Tables } from "../../shared/replay/tables.ts";

const CREATED = 500;

function logOf(g: Script, code = "ABCDE"): TableLog {
  return {
    meta: { code, createdAt: CREATED, seed: g.s.seed, rulesVersion: g.s.rulesVersion, config: g.s.config },
    commands: g.log.map((command, i) => ({ seq: i + 1, command })),
  };
}

function tables(log: TableLog, pseudonymize = false): Tables {
  const t = tidyTables(log, { pseudonymize });
  if ("code" in t) throw new Error(t.message);
  return t;
}

function csvRows(t: Tables, table: keyof Tables): Record<string, string>[] {
  return parse(tableCsv(t, table), { columns: true });
}

/** Two rounds: friends made, cut and made again, a report, a removal with open friendships. */
function classGame() {
  const g = new Script({ rounds: 2, roundSeconds: 30, actionPoints: 10 });
  const [ana, bo, cy, dee] = g.join("Ana", "Bo", "Cy", "Dee");
  g.host({ type: "start" });
  g.befriend(ana, bo);
  g.at += 1_000;
  g.act(ana, "unfriend", bo);
  g.befriend(bo, ana);
  g.befriend(cy, dee);
  g.act(cy, "report", ana);
  g.act(ana, "post-opinion");
  g.advance(30_000);
  g.befriend(dee, ana);
  g.host({ type: "remove", player: dee });
  g.act(bo, "appeal");
  g.advance(30_000);
  return { g, ana, bo, cy, dee };
}

describe("the export's text column", () => {
  it("stays English on a device that speaks German", async () => {
    const { g } = classGame();
    await useLanguage("de");
    try {
      expect(tables(logOf(g)).events.find((r) => r.type === "player-joined")?.text).toBe("Ana joined");
    } finally {
      await useLanguage("en");
    }
  });
});

describe("tidy tables from a log", () => {
  it("events: one row per event the rules emitted, with who, why and the score after", () => {
    const { g, ana, cy } = classGame();
    const all: GameEvent[] = [];
    fold(g.config, g.s.seed, g.log, (events) => all.push(...events));
    const t = tables(logOf(g));
    expect(t.events.map((r) => r.seq)).toEqual(all.map((e) => e.seq));
    expect(Object.keys(t.events[0])).toEqual(expect.arrayContaining(COLUMNS.events as string[]));
    const reported = t.events.find((r) => r.type === "score" && r.rule === "reported")!;
    expect(reported).toMatchObject({
      player: ana,
      player_name: "Ana",
      actor: cy,
      actor_name: "Cy",
      action: "report",
      truth: "partly",
      delta: -25,
      score_after: 570,
      round: 1,
      // The feed's sentence in English beside the codes.
      text: "Ana -25: reported by Cy",
    });
    expect(t.events.find((r) => r.type === "player-joined")?.text).toBe("Ana joined");
    expect(t.events.find((r) => r.type === "friend-requested")?.text ?? null).toBeNull();
    const pull = t.events.filter((r) => r.rule === "guilt-by-association");
    expect(pull.length).toBeGreaterThan(0);
    // The round-end pull belongs to the round that ended, not to the one that starts with it.
    expect(new Set(pull.map((r) => r.round))).toEqual(new Set([1, 2]));
    expect(t.events.find((r) => r.type === "appeal")).toMatchObject({
      action: "appeal",
      ref: expect.any(Number),
      detail: expect.stringMatching(/reversed|denied/),
    });
    const csv = csvRows(t, "events");
    expect(Object.keys(csv[0])).toEqual(COLUMNS.events);
    expect(csv).toHaveLength(all.length);
    expect(csv.find((r) => r.rule === "reported")).toMatchObject({ delta: "-25", target: "", at: new Date(reported.t * 1000 + CREATED).toISOString() });
  });

  it("scores: every player at the end of every round, matching the replayed state", () => {
    const { g, dee } = classGame();
    const t = tables(logOf(g));
    const roundOne = t.scores.filter((r) => r.round === 1);
    const roundTwo = t.scores.filter((r) => r.round === 2);
    expect(roundOne).toHaveLength(4);
    expect(roundTwo).toHaveLength(3);
    expect(roundTwo.some((r) => r.player === dee)).toBe(false);
    for (const r of roundTwo) {
      expect(r.score).toBe(g.s.players[r.player].score);
      const first = roundOne.find((x) => x.player === r.player)!;
      expect(first.score - 600 + r.change).toBe(r.score - 600);
    }
    expect(roundOne.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(roundOne.every((r) => r.complete && r.actions > 0)).toBe(true);
    const csv = csvRows(t, "scores");
    expect(Object.keys(csv[0])).toEqual(COLUMNS.scores);
    expect(csv).toHaveLength(7);
    expect(csv[0].complete).toBe("true");
    expect(csv[0].blacklisted).toBe("false");
  });

  it("friendships: one row per friendship, with its start, its end and who ended it", () => {
    const { g, ana, bo, cy, dee } = classGame();
    const t = tables(logOf(g));
    const anaBo = t.friendships.filter((f) => [f.a, f.b].sort().join() === [ana, bo].sort().join());
    expect(anaBo).toHaveLength(2);
    expect(anaBo[0]).toMatchObject({ reason: "unfriended", ended_by: ana, ended_by_name: "Ana", duration_s: 1, started_round: 1, ended_round: 1 });
    expect(anaBo[1]).toMatchObject({ reason: null, ended_at: null, a: bo, b: ana });
    const ofDee = t.friendships.filter((f) => f.a === dee || f.b === dee);
    expect(ofDee.map((f) => f.reason)).toEqual(["player-removed", "player-removed"]);
    expect(ofDee.find((f) => f.a === cy)).toMatchObject({ ended_by: null, ended_round: 2 });
    const csv = csvRows(t, "friendships");
    expect(Object.keys(csv[0])).toEqual(COLUMNS.friendships);
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatchObject({ ended_at: "", reason: "" });
  });

  it("a round still running at the end of the log is marked incomplete", () => {
    const g = new Script({ rounds: 3, roundSeconds: 30 });
    g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.act("p1", "volunteer");
    const t = tables(logOf(g));
    expect(t.scores).toEqual([
      expect.objectContaining({ round: 1, complete: false, player: "p1", score: 620, change: 20, actions: 1 }),
      expect.objectContaining({ player: "p2", rank: 2 }),
    ]);
  });

  it("pseudonyms replace every nickname, stable across tables, numbered by join order", () => {
    const { g } = classGame();
    const t = tables(logOf(g), true);
    const text = (["events", "scores", "friendships"] as const).map((k) => tableCsv(t, k)).join("\n");
    for (const nick of ["Ana", "Bo", "Cy", "Dee"]) expect(text).not.toMatch(new RegExp(`\\b${nick}\\b`));
    expect(t.scores.find((r) => r.player === "p3")!.name).toBe("Player 03");
    expect(t.events.find((r) => r.type === "player-joined" && r.player === "p3")!.player_name).toBe("Player 03");
    expect(t.friendships.find((f) => f.a === "p3")!.a_name).toBe("Player 03");
  });

  it("nicknames with commas, quotes and formula characters survive as data, never as formulas", () => {
    const g = new Script();
    g.join('Ana, "the" Great', "=1+1", "-Bo");
    g.host({ type: "start" });
    const rows = csvRows(tables(logOf(g)), "events").filter((r) => r.type === "player-joined");
    expect(rows.map((r) => r.player_name)).toEqual(['Ana, "the" Great', "'=1+1", "'-Bo"]);
  });

  it("refuses a log recorded under other rules rather than exporting it wrongly", () => {
    const { g } = classGame();
    const log = logOf(g);
    const out = tidyTables({ ...log, meta: { ...log.meta, rulesVersion: 999 } });
    expect(out).toMatchObject({ code: "rules-version", message: expect.stringContaining("rules version 999") });
  });
});
