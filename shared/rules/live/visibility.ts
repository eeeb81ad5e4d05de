import type { Command } from "../commands.ts";
import { reject } from "../commands.ts";
import type { Turn } from "../effects.ts";
import { emit } from "../effects.ts";
import type { GameState } from "../state.ts";
import type { LiveRule } from "./announce.ts";
import { announce } from "./announce.ts";
import type { LiveOf } from "./types.ts";

/** Scores hidden, then visible to their owners ("voluntary"), then public with a leaderboard ("mandatory"). */
export const visibility: LiveRule<LiveOf<"visibility">> = {
  check(s, c) {
    if (s.visibility === c.mode) return reject("bad-change", "visibility-same", { mode: c.mode });
  },
  run(t, c, scheduled) {
    const before = t.s.visibility;
    t.s.visibility = c.mode;
    announce(t, { kind: "visibility", mode: c.mode, before }, scheduled);
  },
};

type ShowScore = Extract<Command, { kind: "show-score" }>;

/** The voluntary opt-in: while scores are visible to owners only, a player may show theirs to everyone. */
export function checkShowScore(s: GameState, c: ShowScore) {
  if (!s.players[c.player]) return reject("unknown-player", "not-a-player");
  if (s.phase === "ended") return reject("game-ended", "game-ended");
  return undefined;
}

export function runShowScore(t: Turn, c: ShowScore): void {
  const p = t.s.players[c.player];
  if (p.showsScore === c.on) return;
  p.showsScore = c.on;
  emit(t, { type: "score-shown", player: c.player, on: c.on });
}
