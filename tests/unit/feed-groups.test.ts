import { describe, expect, it } from "vitest";
import { addToGroups, groupFeed, groupLine, nameList, type FeedEntry } from "../../shared/text/index.ts";

const names: Record<string, string> = {};
const nameOf = (id: string) => names[id] ?? id;
let seq = 0;
const entry = (over: Partial<FeedEntry>): FeedEntry => ({
  seq: ++seq,
  type: "acted",
  actor: "",
  target: "",
  action: "",
  rule: "",
  delta: 0,
  round: 1,
  ...over,
});
const lines = (entries: FeedEntry[]) => groupFeed(entries).map((g) => groupLine(g, nameOf).text);

describe("the ticker's groups", () => {
  it("26 joins in a row are one line that counts them and names the latest", () => {
    const joins = Array.from({ length: 26 }, (_, i) => entry({ type: "player-joined", actor: `P${i + 1}`, round: 0 }));
    expect(lines(joins)).toEqual(["26 players joined: P26, P25 and 24 others"]);
  });

  it("a lone line reads as the feed's own line", () => {
    expect(lines([entry({ type: "player-joined", actor: "Ana", round: 0 })])).toEqual(["Ana joined"]);
  });

  it("an unfriending is told once, not as an action and again as a cut friendship", () => {
    const out = lines([entry({ type: "acted", actor: "Ana", target: "Bo", action: "unfriend" }), entry({ type: "unfriended", actor: "Ana", target: "Bo" })]);
    expect(out).toEqual(["Ana unfriended Bo"]);
  });

  it("an accepted request is told once, as the new friendship", () => {
    const out = lines([entry({ type: "acted", actor: "Bo", target: "Ana", action: "accept-friend" }), entry({ type: "friends", actor: "Bo", target: "Ana" })]);
    expect(out).toEqual(["Bo and Ana are now friends"]);
  });

  it("an appeal is told once, by its verdict", () => {
    const out = lines([
      entry({ type: "acted", actor: "Kai", action: "appeal" }),
      entry({ type: "appeal", actor: "Kai", delta: 1 }),
      entry({ type: "score", actor: "Kai", target: "Kai", action: "appeal", rule: "appeal-upheld", delta: 10 }),
    ]);
    expect(out).toEqual(["Kai's appeal was upheld"]);
  });

  it("one action's spillover onto several friends is one line with the amount they each lost", () => {
    const out = lines([
      entry({ type: "acted", actor: "Ana", action: "post-opinion" }),
      entry({ type: "score", actor: "Ana", target: "Bo", action: "post-opinion", rule: "friend-spillover", delta: -5 }),
      entry({ type: "score", actor: "Ana", target: "Cy", action: "post-opinion", rule: "friend-spillover", delta: -5 }),
    ]);
    expect(out).toEqual(["Ana posted an unapproved opinion", "Cy and Bo -5: friend Ana posted an unapproved opinion"]);
  });

  it("the same action by several players is one line; by one player it says how often", () => {
    expect(
      lines([entry({ actor: "Ana", action: "volunteer" }), entry({ actor: "Bo", action: "volunteer" }), entry({ actor: "Cy", action: "volunteer" })]),
    ).toEqual(["Cy, Bo and Ana volunteered"]);
    expect(lines([entry({ actor: "Ana", action: "volunteer" }), entry({ actor: "Ana", action: "volunteer" })])).toEqual(["Ana volunteered (2 times)"]);
  });

  it("a different kind of line, or a new round, starts a new group", () => {
    const groups = groupFeed([
      entry({ type: "player-joined", actor: "Ana", round: 0 }),
      entry({ type: "phase", action: "round-started", round: 1 }),
      entry({ type: "phase", action: "round-started", round: 1 }),
      entry({ actor: "Ana", action: "volunteer", round: 1 }),
      entry({ actor: "Bo", action: "volunteer", round: 2 }),
    ]);
    expect(groups.map((g) => g.entries.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it("reports whether an entry started a group, so the ticker knows to add a line or update one", () => {
    const groups = groupFeed([]);
    expect(addToGroups(groups, entry({ type: "player-joined", actor: "Ana" }))?.added).toBe(true);
    expect(addToGroups(groups, entry({ type: "player-joined", actor: "Bo" }))?.added).toBe(false);
    expect(addToGroups(groups, entry({ type: "acted", actor: "Bo", target: "Ana", action: "unfriend" }))).toBeUndefined();
    expect(groups).toHaveLength(1);
  });

  it("names a crowd briefly", () => {
    expect(nameList(["Ana"])).toBe("Ana");
    expect(nameList(["Ana", "Bo"])).toBe("Ana and Bo");
    expect(nameList(["Ana", "Bo", "Cy"])).toBe("Ana, Bo and Cy");
    expect(nameList(["Ana", "Bo", "Cy", "Di", "Ed"])).toBe("Ana, Bo and 3 others");
  });
});
