import { afterAll, describe, expect, it } from "vitest";
import { useLanguage } from "../../shared/i18n/index.ts";
import { DEFAULT_CONFIG } from "../../shared/rules/config.ts";
import { checkNickname } from "../../shared/rules/nickname.ts";
import { checkScenario } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import {
  errorText,
  feedLine,
  formatScore,
  groupFeed,
  groupLine,
  liveText,
  nameList,
  scoreSentence,
  type FeedEntry,
  type LiveEntry,
} from "../../shared/text/index.ts";
import { initialState } from "../../shared/rules/state.ts";

const names: Record<string, string> = { p1: "Ana", p2: "Bo", p3: "Cy" };
const nameOf = (id: string) => names[id] ?? id;
const entry = (over: Partial<FeedEntry>): FeedEntry => ({ seq: 1, type: "acted", actor: "", target: "", action: "", rule: "", delta: 0, round: 1, ...over });
const live = (over: Partial<LiveEntry>): LiveEntry => ({
  seq: 1,
  at: 0,
  round: 1,
  kind: "audit",
  scheduled: false,
  setting: "",
  before: "",
  after: "",
  topic: "",
  option: "",
  amount: 30,
  retroactive: false,
  count: 2,
  players: ["p1", "p2"],
  options: [],
  tally: [],
  revealed: "",
  ...over,
});
const ratings = (() => {
  const checked = checkScenario(presetById("ratings-at-work"));
  if (!checked.ok) throw new Error("preset");
  return checked.value.config;
})();
const joins = (n: number) => Array.from({ length: n }, (_, i) => entry({ seq: i, type: "player-joined", actor: `P${i + 1}` }));
const taken = () => {
  const s = initialState(DEFAULT_CONFIG, 1);
  s.players.p1 = { ...s.players.p1, id: "p1", nickname: "Ana" } as never;
  return checkNickname(s, "Ana");
};

describe("the feed, the banners and the errors in each language", () => {
  afterAll(() => useLanguage("en"));

  it("speaks German: plurals, a number as German writes it, verbs agreeing with a list", async () => {
    await useLanguage("de");
    expect(groupLine(groupFeed(joins(1234))[0], nameOf).text).toBe("1.234 Spielende sind beigetreten: P1234, P1233 und 1.232 weitere");
    expect(feedLine(entry({ actor: "p1", target: "p2", action: "report" }), nameOf).text).toBe("Ana hat Bo gemeldet");
    const volunteers = groupFeed(["p1", "p2", "p3"].map((actor, i) => entry({ seq: i, actor, action: "volunteer" })));
    expect(groupLine(volunteers[0], nameOf).text).toBe("Cy, Bo und Ana haben ehrenamtlich geholfen");
    expect(liveText(live({}), DEFAULT_CONFIG, nameOf).title).toBe("Zufällige Prüfung: Ana und Bo verlieren 30");
    expect(formatScore(480, ratings)).toBe("4,80");
    expect(errorText({ code: "nickname-taken", message: "x", reason: "nickname-taken", params: { name: "Ana" } })).toBe(
      "„Ana“ spielt schon in dieser Sitzung mit; wähle einen anderen Spitznamen.",
    );
  });

  it("speaks Spanish and Simplified Chinese, lists as each writes them", async () => {
    await useLanguage("es");
    expect(feedLine(entry({ type: "phase", action: "round-started", round: 2 }), nameOf).text).toBe("Ha empezado la ronda 2");
    expect(scoreSentence({ delta: -10, rule: "friend-spillover", actor: "p1", action: "post-opinion" }, "p2", nameOf)).toBe(
      "-10: tu amigo Ana publicó una opinión no aprobada",
    );
    await useLanguage("zh-Hans");
    expect(nameList(["Ana", "Bo", "Cy"])).toBe("Ana、Bo和Cy");
    expect(nameList(["Ana", "Bo", "Cy", "Di", "Ed"])).toBe("Ana、Bo和另外3人");
    // A refused join arrives as a number: worded from it, whatever the server's English said.
    expect(errorText({ code: 4402, message: '"Ana" is already playing in this session; choose another nickname.' })).toBe(
      "这个昵称已在本局游戏中；请换一个昵称。",
    );
    expect(errorText({ code: "no-such-code", message: "The server's own sentence." })).toBe("The server's own sentence.");
  });

  it("keeps the rules' English for the server and the English screens", async () => {
    await useLanguage("en");
    const refused = taken();
    expect(refused).toMatchObject({ code: "nickname-taken", reason: "nickname-taken", params: { name: "Ana" } });
    expect(refused?.message).toBe('"Ana" is already playing in this session; choose another nickname.');
    expect(errorText(refused!)).toBe(refused?.message);
  });
});
