import { describe, expect, it } from "vitest";
import { apply } from "../../../shared/rules/apply.ts";
import type { Command, FacilitatorCommand } from "../../../shared/rules/commands.ts";
import { ACTION_NAMES } from "../../../shared/rules/config.ts";
import { fold } from "../../../shared/rules/fold.ts";
import { seededRandom } from "../../../shared/rules/rng.ts";
import { initialState } from "../../../shared/rules/state.ts";
import { checkScenario } from "../../../shared/scenarios/load.ts";
import { presetById } from "../../../shared/scenarios/presets.ts";

const checked = checkScenario(presetById("citizen-score-2015"), { roundSeconds: 20, rounds: 12 });
if (!checked.ok) throw new Error("preset does not validate");
const CONFIG = checked.value.config;

const LIVE: FacilitatorCommand[] = [
  { type: "visibility", mode: "hidden" },
  { type: "visibility", mode: "owner" },
  { type: "visibility", mode: "public" },
  { type: "rule-change", change: { rule: "friend-weight", value: 0.3 } },
  { type: "rule-change", change: { rule: "threshold", threshold: "visaAt", value: 700 } },
  { type: "ban-topic", topic: "food-safety", retroactive: true },
  { type: "ban-topic", topic: "celebrities" },
  { type: "audit" },
  { type: "blacklist-shock", below: 580 },
  { type: "vote-open" },
  { type: "vote-close" },
  { type: "final-round" },
  { type: "start" },
  { type: "pause" },
  { type: "resume" },
  { type: "next-round" },
];

function randomCommands(seed: number, n: number): Command[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const player = () => `p${1 + Math.floor(rnd() * 12)}`;
  const out: Command[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += Math.floor(rnd() * 2500);
    const r = rnd();
    if (r < 0.06) out.push({ kind: "join", at, nickname: `n${Math.floor(rnd() * 12)}` });
    else if (r < 0.12) out.push({ kind: "facilitate", at, command: pick(LIVE) });
    else if (r < 0.18) out.push({ kind: "tick", at });
    else if (r < 0.22) out.push({ kind: "vote", at, player: player(), option: pick(["double-guilt", "visa-harder", "nope"]) });
    else if (r < 0.26) out.push({ kind: "ballot", at, player: player(), stage: pick(["start", "end"] as const), answer: Math.floor(rnd() * 6) });
    else if (r < 0.28) out.push({ kind: "show-score", at, player: player(), on: rnd() < 0.5 });
    else {
      const topic = rnd() < 0.5 ? pick(CONFIG.topics).id : undefined;
      out.push({ kind: "act", at, player: player(), action: pick(ACTION_NAMES), target: player(), ...(topic ? { topic } : {}) });
    }
  }
  return out;
}

describe("live-event invariants under random command sequences", () => {
  it("a refused command changes nothing, scores stay in range, ballots stay secret, and the log replays exactly", () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 15; seed++) {
      const s = initialState(CONFIG, seed);
      const accepted: Command[] = [];
      for (const [i, c] of randomCommands(seed, 700).entries()) {
        const before = JSON.stringify(s);
        const out = apply(s, c);
        if ("code" in out) {
          if (JSON.stringify(s) !== before) problems.push(`seed ${seed}, command ${i} (${c.kind}): a refusal changed the state`);
          continue;
        }
        accepted.push(c);
        for (const p of Object.values(s.players)) if (p.score < 350 || p.score > 950) problems.push(`seed ${seed}, ${i}: ${p.id} scored ${p.score}`);
        for (const box of Object.values(s.ballots))
          if (box.counts.reduce((a, b) => a + b, 0) !== box.voters.length) problems.push(`seed ${seed}, ${i}: ballot count mismatch`);
      }
      expect(fold(CONFIG, seed, accepted)).toEqual(s);
    }
    expect(problems).toEqual([]);
  });
});
