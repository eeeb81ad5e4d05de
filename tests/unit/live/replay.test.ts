import { describe, expect, it } from "vitest";
import type { Command } from "../../../shared/rules/commands.ts";
import type { GameEvent } from "../../../shared/rules/events.ts";
import { fold } from "../../../shared/rules/fold.ts";
import { makeConfig } from "../../../shared/rules/config.ts";
import { LIVE_TYPES } from "../../../shared/rules/live/types.ts";
import { Script } from "../../helpers/game.ts";

const topics = [{ id: "corruption", label: "Corruption" }];
const voteMenu = [{ id: "double-guilt", label: "Double it", change: { rule: "friend-weight" as const, value: 0.2 } }];
const ballot = { question: "Score citizens?", options: ["No", "Yes"] };

const OVERRIDES = { topics, voteMenu, ballot, actionPoints: 20, rounds: 4, roundSeconds: 60, visibility: "hidden" as const };
const CONFIG = makeConfig(OVERRIDES);

/** A session that uses every live event, with play before and after each. */
function session() {
  const g = new Script(OVERRIDES, 9);
  const [ana, bo, cy, di, ed] = g.join("Ana", "Bo", "Cy", "Di", "Ed");
  g.send({ kind: "ballot", at: g.at, player: ana, stage: "start", answer: 0 });
  g.host({ type: "start" });
  g.befriend(ana, bo);
  g.send({ kind: "act", at: g.at, player: ana, action: "post-opinion", topic: "corruption" });
  g.send({ kind: "act", at: g.at, player: cy, action: "share-approved", topic: "corruption" });
  g.host({ type: "visibility", mode: "owner" });
  g.send({ kind: "show-score", at: g.at, player: di, on: true });
  g.act(di, "volunteer");
  g.host({ type: "ban-topic", topic: "corruption", retroactive: true });
  g.advance(60_000);
  g.host({ type: "rule-change", change: { rule: "action", action: "volunteer", field: "self", value: 40 } });
  g.act(ed, "volunteer");
  g.host({ type: "audit", share: 0.4 });
  g.act(bo, "appeal");
  g.host({ type: "blacklist-shock", below: 560 });
  g.host({ type: "vote-open" });
  g.send({ kind: "vote", at: g.at, player: g.s.vote!.eligible[0], option: "double-guilt" });
  g.act(ana, "pay-bill");
  g.advance(60_000);
  g.host({ type: "vote-open" });
  g.host({ type: "vote-close" });
  g.host({ type: "final-round" });
  g.act(cy, "report", ana);
  g.advance(60_000);
  g.send({ kind: "ballot", at: g.at, player: bo, stage: "end", answer: 1 });
  return g;
}

function replay(log: Command[]): { events: GameEvent[][] } & ReturnType<typeof fold> {
  const events: GameEvent[][] = log.map(() => []);
  let i = 0;
  const byCommand = new Map<Command, number>(log.map((c) => [c, i++]));
  const state = fold(CONFIG, 9, log, (evs, c) => events[byCommand.get(c)!].push(...evs));
  return Object.assign(state, { events });
}

describe("live events in the log", () => {
  it("every event type is a command in the log, and folding the log rebuilds the session exactly", () => {
    const g = session();
    const types = new Set(g.log.flatMap((c) => (c.kind === "facilitate" ? [c.command.type] : [])));
    for (const type of LIVE_TYPES) expect(types, type).toContain(type);
    expect(g.log.some((c) => c.kind === "vote") && g.log.some((c) => c.kind === "ballot") && g.log.some((c) => c.kind === "show-score")).toBe(true);
    const { events: _events, ...state } = replay(g.log);
    expect(state).toEqual(g.s);
    expect(g.s.live.map((e) => e.detail.kind)).toEqual([
      "visibility",
      "topic-ban",
      "rule-change",
      "audit",
      "blacklist-shock",
      "vote-opened",
      "vote-closed",
      "vote-opened",
      "vote-closed",
      "final-round",
    ]);
  });

  it("a counterfactual replay with one event removed matches the original up to that event and differs only after", () => {
    const g = session();
    const cut = g.log.findIndex((c) => c.kind === "facilitate" && c.command.type === "rule-change");
    const without = g.log.filter((_, i) => i !== cut);
    const original = replay(g.log);
    const counterfactual = replay(without);
    expect(counterfactual.events.slice(0, cut)).toEqual(original.events.slice(0, cut));
    for (let n = 0; n <= cut; n++) expect(fold(CONFIG, 9, without.slice(0, n))).toEqual(fold(CONFIG, 9, g.log.slice(0, n)));
    // Ed's next volunteering earns 20 instead of 40; everything downstream of it may move.
    const after = (r: typeof original, i: number) => r.events[i].filter((e) => e.type === "score").map((e) => e.type === "score" && e.delta);
    expect(after(original, cut + 1)).toEqual([40]);
    expect(after(counterfactual, cut)).toEqual([20]);
    expect(counterfactual.players.p5.score).not.toBe(original.players.p5.score);
    expect(counterfactual.live.map((e) => e.detail.kind)).not.toContain("rule-change");
  });
});
