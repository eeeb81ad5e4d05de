import { describe, expect, it } from "vitest";
import { ACTION_NAMES, DEFAULT_CONFIG } from "../../shared/rules/config.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import { scenarioConfig } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { actionSentence, didPhrase, ownLabel } from "../../shared/text/actions.ts";
import { groupFeed, groupLine } from "../../shared/text/feed-groups.ts";
import { feedEntry, feedRecord } from "../../shared/text/feed-record.ts";
import { signed } from "../../shared/text/reasons.ts";
import { ACTION_TEXT, SOLO_ACTIONS, TARGETED_ACTIONS, effectText, feedLine, scoreSentence, tierText, whyNot, type FeedEntry } from "../../shared/text/index.ts";
import { replayOf } from "../helpers/replay.ts";

const names: Record<string, string> = { p1: "Ana", p2: "Bo", p3: "Cy" };
const nameOf = (id: string) => names[id] ?? "someone";
const entry = (over: Partial<FeedEntry>): FeedEntry => ({ seq: 1, type: "acted", actor: "", target: "", action: "", rule: "", delta: 0, round: 1, ...over });

describe("score sentences", () => {
  it("says whose action moved my score and by how much", () => {
    expect(scoreSentence({ delta: -10, rule: "friend-spillover", actor: "p1", action: "post-opinion" }, "p2", nameOf)).toBe(
      "-10: your friend Ana posted an unapproved opinion",
    );
    expect(scoreSentence({ delta: 10, rule: "action", actor: "p2", action: "share-approved" }, "p2", nameOf)).toBe("+10: you shared an approved post");
    expect(scoreSentence({ delta: -25, rule: "reported", actor: "p3", action: "report" }, "p2", nameOf)).toBe("-25: Cy reported you");
    expect(scoreSentence({ delta: 5, rule: "action", actor: "p2", action: "brag" }, "p2", nameOf)).toBe("+5: you bragged about your score");
  });

  it("tells the round-end pull and vouching apart from actions", () => {
    expect(scoreSentence({ delta: -4, rule: "guilt-by-association", actor: "", action: "" }, "p2", nameOf)).toMatch(
      /^-4: your friends' scores dragged you down/,
    );
    expect(scoreSentence({ delta: 5, rule: "vouch", actor: "p1", action: "vouch" }, "p2", nameOf)).toBe("+5: Ana vouched for you");
    expect(scoreSentence({ delta: 5, rule: "vouch", actor: "p2", action: "vouch" }, "p2", nameOf)).toBe("+5: you vouched for a friend in good standing");
    expect(scoreSentence({ delta: 40, rule: "appeal-upheld", actor: "p2", action: "appeal" }, "p2", nameOf)).toBe("+40: your appeal was upheld");
  });
});

describe("feed lines", () => {
  it("names actor and target and gives a tone", () => {
    expect(feedLine(entry({ actor: "p1", target: "p2", action: "report" }), nameOf)).toEqual({ text: "Ana reported Bo", tone: "bad" });
    expect(feedLine(entry({ actor: "p1", action: "volunteer" }), nameOf)).toEqual({ text: "Ana volunteered", tone: "good" });
    expect(feedLine(entry({ type: "friends", actor: "p1", target: "p3" }), nameOf).text).toBe("Ana and Cy are now friends");
    expect(feedLine(entry({ type: "score", actor: "p1", target: "p2", action: "post-opinion", rule: "friend-spillover", delta: -10 }), nameOf)).toEqual({
      text: "Bo -10: friend Ana posted an unapproved opinion",
      tone: "bad",
    });
  });

  it("tells the game's pacing", () => {
    expect(feedLine(entry({ type: "phase", action: "round-started", round: 2 }), nameOf).text).toBe("Round 2 has started");
    expect(feedLine(entry({ type: "blacklisted", target: "p3", delta: 1 }), nameOf).text).toBe("Cy is blacklisted");
    expect(feedLine(entry({ type: "appeal", actor: "p3", delta: 0 }), nameOf).text).toBe("Cy's appeal was rejected");
  });
});

describe("actions and tiers", () => {
  it("labels every action and offers each one somewhere on the play page", () => {
    for (const name of ACTION_NAMES) expect(ACTION_TEXT[name].label.length).toBeGreaterThan(0);
    const offered = new Set([...SOLO_ACTIONS, ...TARGETED_ACTIONS, "accept-friend", "decline-friend"]);
    expect(ACTION_NAMES.filter((a) => !offered.has(a))).toEqual([]);
  });

  it("describes effects from the session's numbers", () => {
    expect(effectText("post-opinion", DEFAULT_CONFIG)).toBe("-40 you · -10 each friend");
    expect(effectText("report", DEFAULT_CONFIG)).toBe("+15 you · -25 them");
    expect(effectText("volunteer", DEFAULT_CONFIG)).toBe("+20");
  });

  it("gives every tier a shape and a name, not only a colour", () => {
    const shapes = (["visa", "travel", "standard", "restricted"] as const).map((t) => tierText(t, DEFAULT_CONFIG).shape);
    expect(new Set(shapes).size).toBe(4);
    expect(tierText("restricted", DEFAULT_CONFIG).perks.join(" ")).toMatch(/No travel/);
  });
});

describe("why a button is disabled", () => {
  const me = { phase: "round", paused: false, actionPoints: 2, blacklisted: false, score: 600 };
  it("explains the phase, the points and the blacklist", () => {
    expect(whyNot("volunteer", me, DEFAULT_CONFIG)).toBeUndefined();
    expect(whyNot("volunteer", { ...me, phase: "lobby" }, DEFAULT_CONFIG)).toMatch(/start the round/);
    expect(whyNot("volunteer", { ...me, paused: true }, DEFAULT_CONFIG)).toMatch(/paused/);
    expect(whyNot("volunteer", { ...me, actionPoints: 0 }, DEFAULT_CONFIG)).toMatch(/No action points/);
    expect(whyNot("accept-friend", { ...me, actionPoints: 0 }, DEFAULT_CONFIG)).toBeUndefined();
    expect(whyNot("buy-games", { ...me, blacklisted: true }, DEFAULT_CONFIG)).toMatch(/Blacklisted/);
    expect(whyNot("brag", me, DEFAULT_CONFIG)).toMatch(/700/);
  });
});

describe("actions in a scenario's own words", () => {
  const config = scenarioConfig(presetById("ratings-at-work")!);
  const log = generateSession({ players: 16, seed: 5, roundSeconds: 40, config });
  const r = replayOf(log);
  const nick = (id: string) => r.players[id]?.nickname ?? "someone";
  const entries = r.events.flatMap((e) => {
    const f = feedRecord(e, 0, true);
    // Live events are told in the banner's words (liveText), not by feedLine.
    return f && f.type !== "live" ? [feedEntry(f)] : [];
  });
  const lines = [...entries.map((e) => feedLine(e, nick, config).text), ...groupFeed(entries).map((g) => groupLine(g, nick, undefined, config).text)];

  it("tells a driver's session with its buttons' labels, never with the 2015 deeds they stand in for", () => {
    const renamed = ACTION_NAMES.filter((a) => ownLabel(a, config));
    expect(renamed).toContain("buy-games");
    for (const line of lines) for (const a of renamed) expect(line, line).not.toContain(ACTION_TEXT[a].did);
    expect(lines.some((l) => l.includes("chose “Decline a long unpaid pickup”"))).toBe(true);
    expect(lines.some((l) => /: .+ chose “Leave a colleague a bad review” on them$/.test(l))).toBe(true);
    // Deactivation is this scenario's blacklist, and is called so.
    expect(lines.some((l) => l.endsWith(": Deactivated"))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/blacklist/i);
    expect(actionSentence("Ana", "report", "Bo", config)).toBe("Ana chose “Leave a colleague a bad review” on Bo");
    expect(scoreSentence({ delta: -15, rule: "reported", actor: "p3", action: "report" }, "p2", nameOf, signed, config)).toBe(
      "-15: Cy chose “Leave a colleague a bad review” on you",
    );
  });

  it("keeps the game's own words where the scenario keeps the game's labels", () => {
    const c2015 = scenarioConfig(presetById("citizen-score-2015")!);
    expect(actionSentence("Ana", "buy-games", undefined, c2015)).toBe("Ana bought video games");
    expect(didPhrase("report", c2015, "Bo")).toBe("reported Bo");
    // 2015 words this one its own way, and is told in them.
    expect(didPhrase("buy-responsible", c2015)).toBe("chose “Buy nappies and other 'responsible' goods”");
  });
});
