import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, makeConfig, type GameConfig } from "../../shared/rules/config.ts";
import { checkScenario } from "../../shared/scenarios/load.ts";
import { changedText } from "../../shared/text/changes.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import {
  effectText,
  feedLine,
  formatDelta,
  formatScore,
  gapSentences,
  blacklistLine,
  liveText,
  listNames,
  optionNow,
  planText,
  planTexts,
  planWhen,
  reachableTiers,
  scoreSentence,
  tierText,
  whyNot,
  type FeedEntry,
  type LiveEntry,
} from "../../shared/text/index.ts";

function preset(id: string): GameConfig {
  const checked = checkScenario(presetById(id));
  if (!checked.ok) throw new Error(id);
  return checked.value.config;
}

const citizen = preset("citizen-score-2015");
const ratings = preset("ratings-at-work");
const names: Record<string, string> = { p1: "Ana", p2: "Bo", p3: "Cy", p4: "Di", p5: "Ed" };
const nameOf = (id: string) => names[id] ?? "someone";
const live = (over: Partial<LiveEntry>): LiveEntry => ({
  seq: 9,
  at: 0,
  round: 2,
  kind: "visibility",
  scheduled: false,
  setting: "",
  before: "",
  after: "",
  topic: "",
  option: "",
  amount: 0,
  retroactive: false,
  count: 0,
  players: [],
  options: [],
  tally: [],
  revealed: "",
  ...over,
});
const banner = (over: Partial<LiveEntry>, c: GameConfig = citizen) => {
  const t = liveText(live(over), c, nameOf);
  return `${t.title} | ${t.detail}`;
};

describe("live event banners", () => {
  it("say who sees scores now, in the voluntary and mandatory phases", () => {
    expect(banner({ setting: "visibility", before: "hidden", after: "owner" })).toBe(
      "Scores are now visible to their owners (voluntary) | You see your own score, and you may choose to show it to everyone.",
    );
    expect(liveText(live({ setting: "visibility", before: "owner", after: "public" }), citizen, nameOf)).toMatchObject({
      title: "Scores are now public (mandatory)",
      name: "Who sees scores",
    });
    expect(banner({ after: "hidden" })).toMatch(/^Scores are now hidden \| Nobody sees a score/);
  });

  it("tell a rule change with its numbers", () => {
    expect(banner({ kind: "rule-change", setting: "friendWeight", before: "0.1", after: "0.2" })).toBe("Friends now count double | Friend weight 0.1 → 0.2");
    expect(banner({ kind: "rule-change", setting: "visaAt", before: "750", after: "800" })).toBe(
      "The visa fast-track now needs 800 | Visa fast-track from 750 → 800",
    );
    expect(banner({ kind: "rule-change", setting: "actions.post-opinion.self", before: "-40", after: "-80" })).toBe(
      "“Post your own opinion” now costs you 80 | Points to you: -40 → -80",
    );
    expect(banner({ kind: "rule-change", setting: "actions.report.cost", before: "1", after: "2" })).toBe(
      "“Report” now costs 2 action points | Action points: 1 → 2",
    );
  });

  it("use the scenario's labels and score divisor", () => {
    expect(banner({ kind: "rule-change", setting: "restrictedBelow", before: "460", after: "470" }, ratings)).toBe(
      "Restrictions now start below 4.70 | Restricted below 4.60 → 4.70",
    );
    expect(banner({ kind: "blacklist-shock", amount: 470, count: 2, players: ["p1", "p2"] }, ratings)).toBe(
      "Everyone below 4.70 is now deactivated | 2 players: Ana and Bo.",
    );
    expect(banner({ kind: "rule-change", setting: "actions.post-opinion.self", before: "-10", after: "-20" }, ratings)).toBe(
      "“Complain about pay in the drivers' forum” now costs you 0.20 | Points to you: -0.10 → -0.20",
    );
  });

  it("tell a topic ban, retroactive or not, with the topic's label", () => {
    expect(banner({ kind: "topic-ban", topic: "local-corruption", amount: 30, retroactive: true, count: 3, players: ["p1", "p2"] })).toBe(
      "Posts about Corruption in the local government are banned | 3 earlier posts cost their authors 30 each. A new post on it costs 30.",
    );
    expect(banner({ kind: "topic-ban", topic: "food-safety", amount: 30 })).toBe("Posts about A food safety scandal are banned | A new post on it costs 30.");
    expect(banner({ kind: "topic-ban", topic: "food-safety", amount: 30, retroactive: true })).toMatch(/\| Nobody had posted on it yet/);
  });

  it("name an audit's players, invite appeals, and reveal the mistake after the game", () => {
    expect(banner({ kind: "audit", amount: 30, count: 2, players: ["p1", "p2"] })).toBe(
      "Random audit: Ana and Bo lose 30 | Audits make mistakes: appeal if yours was wrong.",
    );
    expect(banner({ kind: "audit", amount: 30, count: 1, players: ["p3"], revealed: "p3" })).toBe(
      "Random audit: Cy loses 30 | The audit's deliberate mistake was Cy's deduction.",
    );
  });

  it("tell a blacklist shock, a vote and its result, and the final round", () => {
    expect(banner({ kind: "blacklist-shock", amount: 500, count: 0 })).toBe("Everyone below 500 is now blacklisted | Nobody was below the line.");
    expect(banner({ kind: "vote-opened", count: 3, options: ["double-guilt", "brag-pays"] })).toBe(
      "The top 3 players choose a new rule | One change from a menu of 2. The majority wins.",
    );
    expect(banner({ kind: "vote-opened", count: 1, options: ["double-guilt"] })).toBe("The top player chooses a new rule | One change from a menu of 1.");
    expect(
      banner({
        kind: "vote-closed",
        option: "reward-informers",
        options: ["double-guilt", "reward-informers"],
        tally: [1, 2],
        count: 3,
        setting: "actions.report.self",
        before: "15",
        after: "30",
      }),
    ).toBe("The top players chose: Reporting someone pays the informer 30 instead of 15 | 3 votes · Points to you: +15 → +30");
    expect(banner({ kind: "vote-closed", option: "", count: 0 })).toBe("Nobody voted: the rules stay as they were | ");
    expect(banner({ kind: "final-round", amount: 5 })).toBe("This is the final round | Round 5 is the last. Make it count.");
  });

  it("shorten long lists of names", () => {
    expect(listNames(["p1"], nameOf)).toBe("Ana");
    expect(listNames(["p1", "p2", "p3", "p4"], nameOf)).toBe("Ana, Bo, Cy and Di");
    expect(listNames(["p1", "p2", "p3", "p4", "p5"], nameOf)).toBe("Ana, Bo, Cy and 2 others");
  });
});

describe("a scenario's plan, before it happens", () => {
  it("says every planned event of the 2015 preset in words, with its time", () => {
    const lines = citizen.schedule.map((e) => `${planWhen(e)}: ${planText(e.event, citizen)}`);
    expect(lines).toEqual([
      "Round 2 · 0:00: Scores become visible to their owners (voluntary)",
      "Round 3 · 0:00: Scores go public, with a leaderboard (mandatory)",
      "Round 3 · 0:40: Posts about Corruption in the local government are banned, earlier ones too (30 each)",
      "Round 4 · 0:00: Friends now count double (friend weight 0.1 → 0.2)",
      "Round 4 · 0:30: Random audit: 20% of players lose 30, one of them by mistake",
      "Round 4 · 0:50: The top 20% choose a new rule from the menu",
      "Round 5 · 0:00: The final round is announced",
      "Round 5 · 0:30: Everyone below 500 is blacklisted",
    ]);
  });

  it("says each rule change from the value the rules hold then, and a change to the same value as skipped", () => {
    const twice = [
      { round: 2, atSecond: 0, event: { type: "rule-change" as const, change: { rule: "friend-weight" as const, value: 0.2 } } },
      { round: 3, atSecond: 0, event: { type: "rule-change" as const, change: { rule: "friend-weight" as const, value: 0.2 } } },
      { round: 4, atSecond: 0, event: { type: "rule-change" as const, change: { rule: "threshold" as const, threshold: "visaAt" as const, value: 800 } } },
    ];
    expect(planTexts(twice, citizen)).toEqual([
      "Friends now count double (friend weight 0.1 → 0.2)",
      "Friend weight is already 0.2: this planned change will be skipped",
      "The visa fast-track now needs 800 (visa fast-track from 750 → 800)",
    ]);
    const now = { ...citizen, friendWeight: 0.2 };
    expect(planText(twice[0].event, now, { before: 0.1 })).toBe("Friends now count double (friend weight 0.1 → 0.2)");
    expect(planText(twice[1].event, now, {})).toBe("Friend weight was already 0.2: this planned change was skipped");
  });
});

describe("a change to the value in force", () => {
  it("is said as no change, never as 0.2 → 0.2", () => {
    expect(optionNow("double-guilt", citizen)).toEqual({ label: "Double the weight of friends' scores (0.1 to 0.2)", note: "" });
    expect(optionNow("double-guilt", { ...citizen, friendWeight: 0.2 }).note).toBe("Changes nothing now: friend weight is already 0.2.");
    expect(banner({ kind: "rule-change", setting: "friendWeight", before: "0.2", after: "0.2" })).toBe(
      "No change: friend weight stays 0.2 | Friend weight was already 0.2",
    );
    expect(
      banner({
        kind: "vote-closed",
        option: "double-guilt",
        options: ["double-guilt", "reward-informers"],
        tally: [2, 1],
        count: 3,
        setting: "friendWeight",
        before: "0.2",
        after: "0.2",
      }),
    ).toBe("The top players chose: Double the weight of friends' scores (0.1 to 0.2) | 3 votes · It changed nothing: friend weight was already 0.2");
  });
});

describe("scores in a scenario's own units and words", () => {
  it("divides ratings and keeps plain scores plain", () => {
    expect(formatScore(480, ratings)).toBe("4.80");
    expect(formatDelta(-10, ratings)).toBe("-0.10");
    expect(formatScore(600, DEFAULT_CONFIG)).toBe("600");
    expect(effectText("post-opinion", ratings)).toBe("-0.10 you · -0.02 each friend");
    expect(scoreSentence({ delta: -10, rule: "action", actor: "p1", action: "post-opinion" }, "p1", nameOf, (d) => formatDelta(d, ratings))).toBe(
      "-0.10: you posted an unapproved opinion",
    );
  });

  it("names tiers by the scenario's labels and offers only the tiers a score can reach", () => {
    // The label's own "(4.85+)" is the starting line, which a rule change may move: the range says the one in force.
    expect(tierText("travel", ratings)).toMatchObject({ name: "Gold driver", range: "4.85–4.89" });
    expect(tierText("visa", { ...citizen, visaAt: 800 })).toMatchObject({ name: "Visa fast-track", range: "800+" });
    expect(tierText("visa", makeConfig({ scenario: { ...citizen.scenario, labels: { tiers: { visa: "AAA (model citizen)" } } } })).name).toBe(
      "AAA (model citizen)",
    );
    expect(tierText("visa", DEFAULT_CONFIG).name).toBe("Visa fast-track");
    expect(reachableTiers(preset("blacklist-only"))).toEqual(["standard"]);
    expect(reachableTiers(DEFAULT_CONFIG)).toEqual(["visa", "travel", "standard", "restricted"]);
  });

  it("leaves a score the player cannot see to the server, and greys out what the scenario left out", () => {
    const me = { phase: "round", paused: false, actionPoints: 2, blacklisted: false, score: null };
    expect(whyNot("brag", me, DEFAULT_CONFIG)).toBeUndefined();
    const noBrag = { ...DEFAULT_CONFIG, actions: { ...DEFAULT_CONFIG.actions, brag: { ...DEFAULT_CONFIG.actions.brag, enabled: false } } };
    expect(whyNot("brag", me, noBrag)).toBe("Not part of this scenario.");
    expect(whyNot("buy-games", { ...me, blacklisted: true }, ratings)).toBe("Deactivated: “Accept every ride offered” lifts it.");
  });

  it("keeps the cause in the public feed while the amount is withheld", () => {
    const entry = (over: Partial<FeedEntry>): FeedEntry => ({
      seq: 1,
      type: "score",
      actor: "",
      target: "p2",
      action: "",
      rule: "",
      delta: 0,
      round: 1,
      ...over,
    });
    expect(feedLine(entry({ rule: "audit" }), nameOf)).toEqual({ text: "Bo: random audit", tone: "bad" });
    expect(feedLine(entry({ rule: "topic-ban", delta: -30 }), nameOf).text).toBe("Bo -30: a post on a banned topic");
    expect(feedLine(entry({ type: "live", action: "audit" }), nameOf)).toEqual({ text: "A random audit took place", tone: "system" });
  });
});

describe("the public vs private gap", () => {
  const ballot = { question: "Should a society give every citizen one score?", options: ["Strongly against", "Against", "Not sure", "For", "Strongly for"] };
  it("sets the private answers beside the public posts", () => {
    const gap = gapSentences(ballot, { startResults: [1, 1, 2, 1, 0], endResults: [2, 2, 1, 0, 0], approvedPosts: [4, 8], opinionPosts: [6, 2] });
    expect(gap.private).toBe("In private, 80% answered “Strongly against” or “Against” at the end, 40% at the start.");
    expect(gap.public).toBe("In public, 40% of posts were unapproved opinions (8 of 20): 60% in round 1, 20% in round 2.");
  });

  it("says so when the totals were withheld or nobody posted", () => {
    const gap = gapSentences(ballot, { startResults: [], endResults: [], approvedPosts: [0], opinionPosts: [0] });
    expect(gap.private).toMatch(/^Too few answered/);
    expect(gap.public).toBe("In public, nobody posted anything.");
  });
});

describe("tiers a scenario names itself", () => {
  it("keep the enforced privileges and drop the 2015 story's", () => {
    expect(tierText("visa", ratings).perks).toEqual(["+1 action point each round"]);
    expect(tierText("standard", ratings).perks).toEqual(["Reach 4.85 to become Gold driver"]);
    expect(tierText("visa", DEFAULT_CONFIG).perks).toEqual(["Fast-track visas abroad", "May travel", "+1 action point each round"]);
  });
});

describe("tiers named after the 2015 story", () => {
  it("keep its visas and travel", () => {
    expect(tierText("visa", citizen)).toMatchObject({
      name: "Visa fast-track",
      perks: ["Fast-track visas abroad", "May travel", "+1 action point each round"],
    });
    expect(tierText("standard", citizen).perks).toEqual(["Reach 700 for a travel permit"]);
  });
});

describe("the blacklist in each scenario's words", () => {
  it("says what it costs and what lifts it", () => {
    expect(blacklistLine(DEFAULT_CONFIG)).toBe("Blacklisted: No luxury spending, vouching or bragging. Pay a bill on time to get off the list.");
    expect(blacklistLine(ratings)).toBe(
      "Deactivated: some actions are blocked. You lose 2 action points each round. “Accept every ride offered” takes you off it.",
    );
  });
});

describe("a change of settings in words", () => {
  it("names each setting as the host page does, with scores in the scenario's units", () => {
    expect(changedText({ rounds: 6, friendWeight: 0.2, allowLateJoin: false }, citizen)).toBe("Rounds 6 · Friend weight 0.2 · Late joining off");
    expect(changedText({ restrictedBelow: 470, "report.self": 30, "banned:food-safety": true }, ratings)).toBe(
      "Restricted below 4.70 · “Leave a colleague a bad review”: points to you +0.30 · topic banned: food-safety",
    );
  });
});
