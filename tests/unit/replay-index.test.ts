import { describe, expect, it } from "vitest";
import { fold } from "../../shared/rules/fold.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import { buildReplay } from "../../shared/replay/replay-index.ts";
import { countThroughTime, eventsOfCommand, scorePointAt, stateAfter, stateAtSeq, stateAtTime } from "../../shared/replay/seek.ts";
import { replayOf, scripted } from "../helpers/replay.ts";

describe("the replay index", () => {
  const log = generateSession({ players: 25, rounds: 4, seed: 3 });
  const commands = log.commands.map((e) => e.command);

  it("seeking to any point equals folding that prefix of the log", () => {
    const r = replayOf(log, { snapshotEvery: 37 });
    const rnd = seededRandom(5);
    const points = [0, 1, 36, 37, 38, commands.length - 1, commands.length];
    for (let i = 0; i < 60; i++) points.push(Math.floor(rnd() * (commands.length + 1)));
    for (const k of points) {
      const seeked = stateAfter(r, k);
      expect(seeked).toEqual(fold(log.meta.config, log.meta.seed, commands.slice(0, k)));
      // The copy is the caller's: changing it must not reach the snapshots.
      for (const p of Object.values(seeked.players)) p.score = -1;
    }
    expect(stateAfter(r, commands.length)).toEqual(r.final);
  });

  it("seeks by log sequence number and by time", () => {
    const r = replayOf(log);
    const mid = log.commands[Math.floor(commands.length / 2)];
    expect(stateAtSeq(r, mid.seq)).toEqual(
      fold(
        log.meta.config,
        log.meta.seed,
        commands.filter((_, i) => log.commands[i].seq <= mid.seq),
      ),
    );
    const at = mid.command.at;
    expect(stateAtTime(r, at)).toEqual(
      fold(
        log.meta.config,
        log.meta.seed,
        commands.filter((c) => c.at <= at),
      ),
    );
    expect(stateAtTime(r, 0).phase).toBe("lobby");
    expect(countThroughTime(r, Number.MAX_SAFE_INTEGER)).toBe(commands.length);
  });

  it("keeps every event with the command that caused it", () => {
    const r = replayOf(log);
    let n = 0;
    fold(log.meta.config, log.meta.seed, commands, (events) => (n += events.length));
    expect(r.events.length).toBe(n);
    expect(r.events.every((e, i) => e.seq === i + 1)).toBe(true);
    for (let i = 0; i < commands.length; i += 13) {
      const out = fold(log.meta.config, log.meta.seed, commands.slice(0, i)).nextEvent;
      expect(eventsOfCommand(r, i)[0]?.seq ?? out).toBe(out);
    }
  });

  it("draws each player's score line and the rounds from a scripted game", () => {
    const { g, log: logOf } = scripted({ roundSeconds: 30, rounds: 2, actionPoints: 10 });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    g.act(bo, "volunteer");
    g.act(ana, "post-opinion");
    g.advance(30_000);
    const r = replayOf(logOf());
    const line = (id: string) => r.trajectories[id].map((p) => [p.score, p.delta, p.rule]);
    // Bo: 600, +20, -10 from Ana's opinion; at the round end 0.1 * (560 - 650) = -9.
    expect(line(bo)).toEqual([
      [600, 0, "joined"],
      [620, 20, "action"],
      [610, -10, "friend-spillover"],
      [601, -9, "guilt-by-association"],
    ]);
    // Ana: 600, -40; at the round end 0.1 * (610 - 650) = -4.
    expect(line(ana)).toEqual([
      [600, 0, "joined"],
      [560, -40, "action"],
      [556, -4, "guilt-by-association"],
    ]);
    expect(r.rounds.map((s) => [s.round, s.startAt, s.endAt])).toEqual([
      [1, 1_000, 31_000],
      [2, 31_000, undefined],
    ]);
    expect(r.players[bo]).toMatchObject({ nickname: "Bo", startScore: 600, joinedAt: 1_000 });
    expect(scorePointAt(r, bo, r.rounds[1].startEvent)?.score).toBe(601);
  });

  it("refuses a log recorded under other rules rather than showing it wrongly", () => {
    const out = buildReplay({ ...log, meta: { ...log.meta, rulesVersion: 999 } });
    expect(out).toMatchObject({ code: "rules-version" });
  });
});

describe("the replay code stays portable", () => {
  it("imports only the rules, the messages, the session core, itself, the debrief's polls and browser-safe CSV writing: no DOM, no Node, no server", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const files = readdirSync("shared/replay", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const outside: string[] = [];
    for (const f of files) {
      const depth = f.split("/").length - 1;
      const up = "../".repeat(depth + 1);
      for (const [, spec] of readFileSync(`shared/replay/${f}`, "utf8").matchAll(/from "([^"]+)"/g)) {
        // csv-stringify's sync entry has no Node import, so exports can be built in the browser too.
        // The export labels debrief answers with the polls' own words (two files that import only each other).
        const poll = spec === `${up}debrief/polls.ts` || spec === `${up}debrief/types.ts`;
        const ok =
          poll ||
          spec === "csv-stringify/sync" ||
          spec.startsWith("./") ||
          spec.startsWith(`${up}rules/`) ||
          spec.startsWith(`${up}messages/`) ||
          spec.startsWith(`${up}session/`) ||
          // The export's English text column: the feed's own wording functions and their catalog (pure, no DOM, no Node).
          spec.startsWith(`${up}text/`) ||
          spec.startsWith(`${up}i18n/`) ||
          (depth > 0 && spec.startsWith("../") && !spec.startsWith(up));
        if (!ok) outside.push(`${f}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
    // The session core runs in the replay's worker too: the rules alone.
    const core = readFileSync("shared/session/core.ts", "utf8");
    expect([...core.matchAll(/from "([^"]+)"/g)].map(([, spec]) => spec).filter((spec) => !spec.startsWith("../rules/"))).toEqual([]);
    for (const f of ["polls.ts", "types.ts"]) {
      for (const [, spec] of readFileSync(`shared/debrief/${f}`, "utf8").matchAll(/from "([^"]+)"/g))
        if (spec !== "./types.ts" && !spec.startsWith("../rules/")) outside.push(`debrief/${f}: ${spec}`);
    }
    expect(outside).toEqual([]);
  });
});
