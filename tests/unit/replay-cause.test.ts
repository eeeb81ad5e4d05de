import { describe, expect, it } from "vitest";
import { causeChain } from "../../shared/replay/cause-chain.ts";
import { keyMoments } from "../../shared/replay/key-moments.ts";
import type { Replay } from "../../shared/replay/replay-index.ts";
import { replayOf, scripted } from "../helpers/replay.ts";

function scoreEvent(r: Replay, player: string, rule: string) {
  const e = r.events.find((x) => x.type === "score" && x.player === player && x.cause.rule === rule);
  if (!e) throw new Error(`no ${rule} score event for ${player}`);
  return e.seq;
}

describe("the cause chain of a score change", () => {
  const { g, log } = scripted({ roundSeconds: 30, rounds: 2, actionPoints: 10, appealChance: 1 });
  const [ana, bo, cy] = g.join("Ana", "Bo", "Cy");
  g.host({ type: "start" });
  g.befriend(ana, bo);
  g.befriend(ana, cy);
  g.act(bo, "volunteer");
  g.act(bo, "volunteer"); // Bo 640
  g.act(cy, "default-debt"); // Cy 570
  g.advance(30_000); // Ana: 0.1 * ((640 + 570) / 2 - 650) = -4.5, rounded to -4
  g.act(ana, "post-opinion"); // Bo and Cy lose 10 each
  g.act(cy, "report", bo); // Bo -25
  g.act(bo, "appeal"); // the report's deduction, reversed (appeal chance 1)
  const r = replayOf(log());

  it("names whose action and which rule moved a friend's score", () => {
    const chain = causeChain(r, scoreEvent(r, bo, "friend-spillover"))!;
    expect(chain).toMatchObject({
      player: { id: bo, nickname: "Bo" },
      round: 2,
      rule: "friend-spillover",
      actor: { id: ana, nickname: "Ana" },
      action: "post-opinion",
      truth: "myth",
      event: { delta: -10 },
      command: { command: { kind: "act", player: ana, action: "post-opinion" } },
    });
    expect(chain.pull).toBeUndefined();
  });

  it("shows which friends pulled at the round end, and by how much each", () => {
    const chain = causeChain(r, scoreEvent(r, ana, "guilt-by-association"))!;
    expect(chain).toMatchObject({ round: 1, rule: "guilt-by-association", event: { delta: -4, score: 596 }, command: { command: { kind: "tick" } } });
    expect(chain.actor).toBeUndefined();
    expect(chain.pull).toEqual({
      weight: 0.1,
      pivot: 650,
      friends: [
        { friend: cy, nickname: "Cy", score: 570, part: -4 },
        { friend: bo, nickname: "Bo", score: 640, part: -0.5 },
      ],
    });
  });

  it("follows an upheld appeal back to the deduction it reversed", () => {
    const chain = causeChain(r, scoreEvent(r, bo, "appeal-upheld"))!;
    expect(chain).toMatchObject({ rule: "appeal-upheld", actor: { id: bo }, action: "appeal", truth: "real", event: { delta: 25 } });
    expect(chain.reverses).toMatchObject({ rule: "reported", actor: { id: cy, nickname: "Cy" }, action: "report", event: { player: bo, delta: -25 } });
  });

  it("has nothing to say about an event that is not a score change", () => {
    expect(causeChain(r, 1)).toBeUndefined();
    expect(causeChain(r, 10_000)).toBeUndefined();
  });
});

describe("key moments on the timeline", () => {
  it("marks the facilitator's moves, blacklistings, the biggest drops and a wave of unfriending", () => {
    const { g, log } = scripted({ roundSeconds: 600, rounds: 1, actionPoints: 10, friendWeight: 0 });
    const [a, b, c, d, e, f] = g.join("A", "B", "C", "D", "E", "F");
    g.host({ type: "start" });
    for (const x of [b, c, d, e, f]) g.befriend(a, x);
    g.at += 50_000;
    g.act(b, "default-debt"); // B 570
    g.at += 50_000;
    g.act(a, "unfriend", b); // t = 101 s
    g.at += 100_000;
    g.host({ type: "pause" });
    g.at += 50_000;
    g.host({ type: "resume" });
    g.at += 10_000;
    g.host({ type: "settings", friendWeight: 0.2 });
    g.at += 40_000;
    for (const x of [c, d, e]) {
      g.act(a, "unfriend", x); // t = 301, 303, 305 s
      g.at += 2_000;
    }
    g.at += 200_000;
    g.act(a, "unfriend", f);
    g.at += 50_000;
    g.host({ type: "remove", player: f });
    g.host({ type: "end" });
    const r = replayOf(log());
    const moments = keyMoments(r).map((m) => {
      const { event: _e, at: _at, fromEvent: _f, fromAt: _fa, ...rest } = m as typeof m & { fromEvent?: number; fromAt?: number };
      return rest;
    });
    expect(moments).toEqual([
      { kind: "drop", round: 1, player: b, nickname: "B", from: 600, to: 570 },
      { kind: "blacklisted", round: 1, player: b, nickname: "B" },
      { kind: "pause", round: 1 },
      { kind: "resume", round: 1 },
      { kind: "rule-change", round: 1, changed: { friendWeight: 0.2 } },
      { kind: "unfriending-wave", round: 1, count: 3 },
      { kind: "drop", round: 1, player: a, nickname: "A", from: 600, to: 575 },
      { kind: "removal", round: 1, player: f, nickname: "F", banned: false },
    ]);
    const wave = keyMoments(r).find((m) => m.kind === "unfriending-wave")!;
    expect([wave.kind === "unfriending-wave" && wave.fromAt, wave.at]).toEqual([1_000 + 300_000, 1_000 + 304_000]);
  });
});
