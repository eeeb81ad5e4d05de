import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssue } from "../../shared/messages/messages.ts";
import { useLanguage } from "../../shared/i18n/index.ts";
import { resumesIn } from "../../shared/messages/auto-resume.ts";
import { stoppedSentence } from "../../server/rooms/storage-stops.ts";
import { readWorded, ruleWorded, type Worded, worded, wordedText } from "../../shared/messages/worded.ts";
import { DEFAULT_CONFIG } from "../../shared/rules/config.ts";
import { checkNickname } from "../../shared/rules/nickname.ts";
import { checkScenario } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import {
  errorText,
  issuePath,
  issueText,
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

  it("words the server's refusals from their key and params: the seconds of a resume, the other player, each nickname reason", async () => {
    // As a phone reads them off the SDK's one string (the worded JSON), whatever it speaks.
    const received = (w: Worded, code: number) => errorText({ code, ...readWorded(wordedText(w)) });
    await useLanguage("de");
    expect(received(resumesIn(19_200), 503)).toBe(
      "Der Server wurde neu gestartet. Die Sitzung wird in 20 s von selbst fortgesetzt, pausiert; dein Platz und deine Punktzahl bleiben erhalten.",
    );
    expect(received(ruleWorded(taken()!), 4402)).toBe("„Ana“ spielt schon in dieser Sitzung mit; wähle einen anderen Spitznamen.");
    expect(received(worded("errors.seat.needs-pin", { name: "Maya" }), 4420)).toMatch(/^Der Platz von Maya wartet/);
    expect(received(worded("errors.limit.too-many-wrong-codes", { unit: "seconds", count: 1 }), 429)).toBe(
      "Zu viele falsche Spielcodes aus diesem Netzwerk. Prüfe den Code am Projektor und versuch es in einer Sekunde noch einmal.",
    );
    expect(received(worded("errors.code.seat-in-use"), 409)).toMatch(/^Dieser Platz wird auf einem anderen Gerät genutzt/);
    expect(received(worded("errors.code.server-reconnecting"), 503)).toMatch(/^Der Server verbindet sich gerade neu/);
    expect(received(stoppedSentence({ code: "SQLITE_FULL" }), 503)).toMatch(/^Die Sitzung wurde angehalten, weil die Festplatte des Servers voll ist;/);
    await useLanguage("es");
    expect(received(resumesIn(5_000), 503)).toContain("se reanuda sola en 5 s");
    await useLanguage("zh-Hans");
    expect(received(resumesIn(5_000), 503)).toContain("将在5秒后自动继续");
    // Each reason a nickname is invalid for is its own sentence, in every language.
    const s = initialState(DEFAULT_CONFIG, 1);
    const invalid = ["a".repeat(30), "Ali\u200Bce", `a${"\u0301".repeat(5)}`, "\u0301"].map((n) => checkNickname(s, n)!);
    expect(invalid.map((r) => r.reason)).toEqual(["nickname-length", "nickname-invisible", "nickname-accents", "nickname-empty"]);
    for (const lang of ["de", "es", "zh-Hans"] as const) {
      await useLanguage(lang);
      const said = invalid.map((r) => received(ruleWorded(r), 4401));
      expect(new Set(said).size, lang).toBe(4);
      for (const text of said) expect(text, lang).not.toMatch(/nickname|[a-z]+ [a-z]+ [a-z]+ the /);
    }
    // The scenario checker's details, zod's and its own, with the field and the values as params.
    await useLanguage("de");
    const raw = structuredClone(presetById("ratings-at-work")) as { rules: Record<string, unknown> };
    raw.rules.rounds = -1;
    const bad = checkScenario(raw);
    expect(bad.ok ? [] : bad.issues.map((i) => `${issuePath(i.path)}: ${issueText(i)}`)).toEqual(["rules.rounds: muss mindestens 1 sein"]);
    const crossed = checkScenario(presetById("ratings-at-work"), { travelAt: 495 });
    expect(crossed.ok ? [] : crossed.issues.map(issueText)).toContain("darf nicht über visaAt (490) liegen");
    expect(issuePath("(the file)")).toBe("(die Datei)");
    // A malformed message's problem, as the socket's error carries it: the field and zod's finding.
    const malformed = z.strictObject({ share: z.number().max(1) }).safeParse({ share: 2 });
    const said = describeIssue(malformed.error!);
    expect(said.message).toBe('Problem with "share": Too big: expected number to be <=1.');
    expect(errorText({ code: "bad-message", ...said })).toBe("Problem mit „share“: darf höchstens 1 sein.");
    // A plain string (an older server, another client) is shown as it came.
    expect(readWorded("Plain words.")).toEqual({ message: "Plain words." });
  });

  it("keeps the rules' English for the server and the English screens", async () => {
    await useLanguage("en");
    const refused = taken();
    expect(refused).toMatchObject({ code: "nickname-taken", reason: "nickname-taken", params: { name: "Ana" } });
    expect(refused?.message).toBe('"Ana" is already playing in this session; choose another nickname.');
    expect(errorText(refused!)).toBe(refused?.message);
  });
});
