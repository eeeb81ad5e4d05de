import { describe, expect, it } from "vitest";
import { Script } from "../../helpers/game.ts";
import { ballotResults, openBallot } from "../../../shared/rules/ballot.ts";

const ballot = { question: "Should a society score its citizens?", options: ["No", "Not sure", "Yes"] };

function game() {
  const g = new Script({ ballot, rounds: 3, roundSeconds: 30 });
  const ids = g.join("Ana", "Bo", "Cy", "Di");
  return { g, ids };
}

const answer = (g: Script, player: string, stage: "start" | "end", a: number) => g.try({ kind: "ballot", at: g.at, player, stage, answer: a });

describe("the secret ballot", () => {
  it("asks the opening question in the lobby and round 1, the closing one from the final round on", () => {
    const { g } = game();
    expect(openBallot(g.s)).toBe("start");
    g.host({ type: "start" });
    expect(openBallot(g.s)).toBe("start");
    g.advance(30_000);
    expect(openBallot(g.s)).toBeUndefined();
    g.advance(30_000);
    expect(openBallot(g.s)).toBe("end");
    g.advance(30_000);
    expect(g.s.phase).toBe("ended");
    expect(openBallot(g.s)).toBe("end");
  });

  it("counts one answer each and keeps only the totals; results appear only in the debrief", () => {
    const { g, ids } = game();
    const [ana, bo, cy, di] = ids;
    expect(answer(g, ana, "start", 0)).toMatchObject({ events: [{ type: "ballot-answered", player: ana, stage: "start" }] });
    expect(answer(g, ana, "start", 2)).toMatchObject({ code: "already-answered" });
    expect(answer(g, bo, "start", 3)).toMatchObject({ code: "bad-option" });
    expect(answer(g, bo, "end", 1)).toMatchObject({ code: "ballot-closed" });
    answer(g, bo, "start", 0);
    answer(g, cy, "start", 2);
    expect(g.s.ballots.start).toEqual({ voters: [ana, bo, cy], counts: [2, 0, 1] });
    expect(JSON.stringify(g.s.ballots)).not.toContain('"answer"');
    expect(ballotResults(g.s, "start")).toBeNull();
    g.host({ type: "start" });
    g.host({ type: "end" });
    expect(ballotResults(g.s, "start")).toEqual([2, 0, 1]);
    answer(g, di, "end", 2);
    answer(g, ana, "end", 2);
    expect(ballotResults(g.s, "end")).toBeNull();
    answer(g, bo, "end", 1);
    expect(ballotResults(g.s, "end")).toEqual([0, 1, 2]);
  });

  it("a session without a question refuses answers", () => {
    const g = new Script();
    const [ana] = g.join("Ana");
    expect(answer(g, ana, "start", 0)).toMatchObject({ code: "ballot-closed" });
  });
});
