import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lessonKit } from "../../shared/content/guide.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { pdfPages } from "../helpers/pdf.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
const SECTIONS = ["objectives", "content-note", "lessons", "checklist", "rounds", "debrief", "real-or-myth"];
/** Paper sizes in PDF points (1/72 inch). */
const PAPER = { A4: { width: 595, height: 842 }, Letter: { width: 612, height: 792 } } as const;

let game: TestGame;
let tb: TestBrowser;

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

/** Text as PDF.js reads it: runs of spaces and line ends as one space. */
const flat = (s: string) => s.replace(/\s+/g, " ");

// Each case opens pages (the host page draws the projector's scenes) on a machine that runs other test files at
// the same time: at a load of 30+ on two cores, cases that take 10-20 s alone passed 30 s.
describe("the lesson kit at /guide/SCENARIO", { timeout: 90_000 }, () => {
  const kit = lessonKit(presetById("citizen-score-2015")!);

  it("shows every section of the 2015 preset, and prints it to A4 and Letter without controls", async () => {
    const page = await tb.page("guide", { width: 1920, height: 1080 });
    await page.goto(`${game.url}/guide/citizen-score-2015`);
    await page.getByTestId("guide").waitFor(WAIT);
    expect(await page.getByTestId("guide-title").textContent()).toBe(kit.title);
    for (const id of SECTIONS) expect(await page.getByTestId(`guide-${id}`).isVisible()).toBe(true);
    const planned = await page.locator("#rounds li").allTextContents();
    expect(planned.map(flat)).toEqual(kit.rounds.flatMap((r) => r.events.map((e) => `${e.at} ${e.text}`)));
    expect(await page.locator("#debrief .questions li").allTextContents()).toEqual(kit.debriefQuestions);
    // The guided debrief's steps by phase, each with its question and poll, from the debrief's own step kinds.
    expect(await page.locator("#debrief .debrief-phase h3").allTextContents()).toEqual(kit.debriefSteps.map((p) => p.title));
    expect(await page.locator("#debrief .debrief-steps b").allTextContents()).toEqual(kit.debriefSteps.flatMap((p) => p.steps.map((s) => s.title)));
    expect(flat((await page.getByTestId("guide-step-vote").textContent()) ?? "")).toContain(
      "The top players chose a rule. Whom did it help?Poll on phones: How fair was it to let the top players choose?",
    );
    expect(await page.getByTestId("lesson-45").locator("tbody tr").count()).toBe(kit.lessons[0].steps.length);
    expect(await page.locator("[data-testid^=guide-fact-]").count()).toBe(kit.myth.facts.length);
    await page.screenshot({ path: join(ARTIFACTS, "guide-1920.png") });

    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(join(ARTIFACTS, `guide-${format}.pdf`), pdf);
      const { text, size } = await pdfPages(pdf);
      expect(Math.abs(size.width - PAPER[format].width)).toBeLessThanOrEqual(2);
      expect(Math.abs(size.height - PAPER[format].height)).toBeLessThanOrEqual(2);
      expect(text.length).toBeGreaterThanOrEqual(4);
      // A kit a teacher prints for one lesson: a few sheets, not a book (11-15 pages today, the
      // debrief's step list growing with each kind of step the debrief learns).
      expect(text.length).toBeLessThanOrEqual(16);
      const all = flat(text.join(" "));
      for (const heading of [
        "Learning objectives",
        "Content note",
        "45-minute lesson",
        "90-minute lesson",
        "Set-up checklist",
        "Round by round",
        "The guided debrief",
        "What happened",
        "Why it happened",
        "Where this exists in the real world",
        "What now",
        "The scenario's debrief questions",
        "Real or myth: the cards",
        "Sources",
      ]) {
        expect(all, `${format}: ${heading}`).toContain(heading);
      }
      expect(all).toContain(flat(kit.debriefQuestions[0]));
      expect(all).toContain("a step appears only if the session gives it something to show");
      expect(all).toContain("Poll on phones: Did you see your own biggest drop coming? (Yes · No · I had no drop)");
      expect(all).toContain(flat(kit.contentNote.paragraphs[1]));
      expect(all).toContain("Posts about Corruption in the local government are banned");
      // Print CSS leaves the buttons and the contents bar off the paper.
      expect(all).not.toContain("Print or save as PDF");
      expect(all).not.toContain("Student handout");
      // The cards start on a page of their own, after the plans.
      const cardsPage = text.findIndex((t) => flat(t).includes("Real or myth: the cards"));
      expect(flat(text[cardsPage]).trimStart().startsWith("Real or myth: the cards")).toBe(true);
    }
    // Two PDFs of a dozen pages each: on a machine shared with other test runs this takes over 30 s.
  }, 120_000);

  it("prints the student handout on one page, with the session's code when the lobby links it", async () => {
    const page = await tb.page("handout", { width: 390, height: 844 }, true);
    await page.goto(`${game.url}/guide/citizen-score-2015/handout?code=K7QPX`);
    await page.getByTestId("handout").waitFor(WAIT);
    expect(await page.getByTestId("handout-code").textContent()).toBe("K7QPX");
    for (const id of ["handout-join", "handout-about", "handout-note"]) expect(await page.getByTestId(id).isVisible()).toBe(true);
    await page.locator(".handout-qr:not([hidden])").waitFor(WAIT);
    await page.screenshot({ path: join(ARTIFACTS, "handout-390.png"), fullPage: true });
    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(join(ARTIFACTS, `handout-${format}.pdf`), pdf);
      const { text } = await pdfPages(pdf);
      expect(text).toHaveLength(1);
      expect(flat(text[0])).toContain(flat(kit.contentNote.paragraphs[2]));
      expect(flat(text[0])).toContain("How to join");
    }
  });

  it("is linked from the scenario picker, and an uploaded file gets its own guide", async () => {
    const page = await tb.page("host", { width: 1920, height: 1080 });
    await page.goto(`${game.url}/host`);
    await page.getByTestId("preset-citizen-score-2015").click();
    await expect.poll(() => page.getByTestId("scenario-guide").getAttribute("href"), WAIT).toBe("/guide/citizen-score-2015");
    const file = {
      ...JSON.parse(JSON.stringify(presetById("free-play"))),
      id: "my-class",
      title: "Our own rules",
      guide: { objectives: ["Explain how our own rules made people cut friends."] },
    };
    await page.getByTestId("scenario-file").setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => page.getByTestId("scenario-guide").getAttribute("href"), WAIT).toBe("/guide/custom");
    await page.goto(`${game.url}/guide/custom`);
    await page.getByTestId("guide").waitFor(WAIT);
    expect(await page.getByTestId("guide-title").textContent()).toBe("Our own rules");
    expect(await page.locator("#objectives li").allTextContents()).toEqual(file.guide.objectives);
    expect(tb.problems).toEqual([]);
  });

  it("a session's kit, as the end screen links it, is its scenario with the host's numbers", async () => {
    const room = await game.sdk.create("classroom", { scenario: "citizen-score-2015", overrides: { rounds: 3 } });
    const code = room.roomId;
    const page = await tb.page("session-guide", { width: 1920, height: 1080 });
    await page.goto(`${game.url}/guide/${code}`);
    await page.getByTestId("guide").waitFor(WAIT);
    expect(await page.getByTestId("guide-title").textContent()).toBe(kit.title);
    expect(await page.locator("#rounds tbody tr").count()).toBe(3);
    expect(await page.locator("#rounds li").count()).toBe(kit.rounds.slice(0, 3).flatMap((r) => r.events).length);
    await page.goto(`${game.url}/guide/${code}/handout?code=${code}`);
    expect(await page.getByTestId("handout-code").textContent()).toBe(code);
    await room.leave();
  });

  it("the facilitator reads the content note before opening a session and shows it on the projector: the guide's own text", async () => {
    const page = await tb.page("note", { width: 1920, height: 1080 });
    await page.goto(`${game.url}/host`);
    await page.getByTestId("preset-citizen-score-2015").click();
    const paragraphs = kit.contentNote.paragraphs;
    await expect.poll(() => page.getByTestId("setup-content-note").locator("p").allTextContents(), WAIT).toEqual(paragraphs);
    await page.screenshot({ path: join(ARTIFACTS, "setup-content-note-1920.png") });
    await expect.poll(() => page.getByTestId("create-button").isEnabled(), WAIT).toBe(true);
    await page.getByTestId("create-button").click();
    await page.getByTestId("content-note-button").click();
    await page.getByTestId("content-note").waitFor(WAIT);
    expect(await page.getByTestId("content-note").locator("h2").textContent()).toBe(kit.contentNote.title);
    expect(await page.getByTestId("content-note").locator("p").allTextContents()).toEqual(paragraphs);
    // The back row reads it: at least the projector's base size (1.25vw, 24 px at 1920).
    const size = await page
      .getByTestId("content-note")
      .locator("p")
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    const code = (await page.getByTestId("session-code").textContent()) ?? "";
    expect(await page.getByTestId("handout-link").getAttribute("href")).toBe(`/guide/${code}/handout?code=${code}`);
    await page.screenshot({ path: join(ARTIFACTS, "content-note-1920.png") });
    await page.getByTestId("content-note-close").click();
    expect(await page.getByTestId("content-note").isVisible()).toBe(false);
    // The host page (Phaser, the projector's scenes) and a session: over 30 s on a machine shared with other test runs.
  }, 90_000);

  it("an unknown scenario says where to find its guide", async () => {
    const page = await tb.page("unknown", { width: 1920, height: 1080 });
    await page.goto(`${game.url}/guide/no-such-thing`);
    await expect.poll(() => page.getByTestId("guide-error").textContent(), WAIT).toContain("Upload the scenario file on /host");
    tb.problems.length = 0;
  });
});
