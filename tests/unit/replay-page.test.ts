import { describe, expect, it } from "vitest";
import { buildReplay, generateSession, isReplayProblem, keyMoments, stateAtTime, timeRange, type Replay, type ReplayLog } from "../../shared/replay/index.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { leaderboard, RULES_VERSION } from "../../shared/rules/state.ts";
import { scenarioConfig } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { ClassroomModel } from "../../client/view/classroom-model.ts";
import { FrameDriver } from "../../client/pages/replay/drive-view.ts";
import { Cursor } from "../../client/pages/replay/frames.ts";
import { momentText } from "../../client/pages/replay/moment-text.ts";
import { playBotGame } from "../helpers/bot-game.ts";

function built(log: ReplayLog): Replay {
  const r = buildReplay(log);
  if (isReplayProblem(r)) throw new Error(r.message);
  return r;
}

const session = built(generateSession({ players: 24, rounds: 3, seed: 3 }));

/** Times to visit: forward in small steps (playing), then jumps both ways (scrubbing). */
function visits(r: Replay): number[] {
  const { from, to } = timeRange(r);
  const rnd = seededRandom(9);
  const times: number[] = [];
  for (let t = from; t < from + (to - from) / 3; t += 700) times.push(t);
  for (let i = 0; i < 40; i++) times.push(from + rnd() * (to - from));
  times.push(to, from);
  return times;
}

describe("the replay page's frames", () => {
  it("a cursor played forward and jumped about describes exactly the state a fresh seek gives", () => {
    const cursor = new Cursor(session);
    for (const at of visits(session)) {
      const frame = cursor.frameAt(at);
      const s = stateAtTime(session, at);
      expect(frame.leaderboard).toEqual(leaderboard(s));
      expect(Object.fromEntries(frame.players.map((p) => [p.id, p.score]))).toEqual(Object.fromEntries(Object.values(s.players).map((p) => [p.id, p.score])));
      expect(frame.friendships.length).toBe(Object.keys(s.friendships).length);
      expect(frame.session.round).toBe(s.round);
    }
  });

  it("the driver leaves the view holding the frame's game, telling it only what changed", () => {
    const model = new ClassroomModel();
    const driver = new FrameDriver(model);
    const cursor = new Cursor(session);
    let calls = 0;
    model.subscribe({ playerJoined: () => calls++, playerChanged: () => calls++, playerLeft: () => calls++, friendship: () => calls++ });
    for (const at of visits(session)) {
      const frame = cursor.frameAt(at);
      driver.show(frame, false);
      expect([...model.players.keys()].sort()).toEqual(frame.players.map((p) => p.id).sort());
      expect(model.order).toEqual(frame.leaderboard);
      expect(model.friendships.size).toBe(frame.friendships.length);
      for (const p of frame.players) expect(model.players.get(p.id)?.score).toBe(p.score);
    }
    const last = cursor.frameAt(timeRange(session).to);
    driver.show(last, false);
    calls = 0;
    driver.show(last, true);
    expect(calls).toBe(0);
  });

  it("every key moment of a scenario with live events reads as a sentence", () => {
    const config = { ...scenarioConfig(presetById("citizen-score-2015")!), roundSeconds: 60 };
    const game = playBotGame(config, 5, 16);
    const r = built({
      meta: { config, seed: 5, rulesVersion: RULES_VERSION, createdAt: 0 },
      commands: game.log.map((command, i) => ({ seq: i + 1, command })),
    });
    const moments = keyMoments(r);
    expect(moments.some((m) => m.kind === "live")).toBe(true);
    expect(moments.some((m) => m.kind === "rule-change")).toBe(true);
    for (const m of moments) {
      const text = momentText(m, config, (id) => r.players[id]?.nickname ?? id).text;
      expect(text.length, m.kind).toBeGreaterThan(8);
      expect(text, m.kind).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});
