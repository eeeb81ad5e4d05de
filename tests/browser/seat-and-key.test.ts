import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS, browserGame, joinUntilPinAsked, type TestBrowser } from "../helpers/browser.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

let game: TestGame;
let tb: TestBrowser;

browserGame({ reconnectSeconds: 1 }, (g, b) => {
  game = g;
  tb = b;
});

async function createSession(page: Page): Promise<{ code: string; key: string }> {
  await page.goto(`${game.url}/host`);
  await page.getByTestId("create-button").click();
  await expect.poll(() => page.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
  const code = (await page.getByTestId("join-code").textContent())!;
  const key = await page.evaluate((c) => JSON.parse(localStorage.getItem("citizen-score:hosts")!)[c].hostKey as string, code);
  return { code, key };
}

const pageText = (page: Page) => page.evaluate(() => document.body.textContent + [...document.querySelectorAll("input")].map((i) => i.value).join(" "));

async function joinAs(code: string, name: string): Promise<Page> {
  const page = await tb.page(name, PHONE, true);
  await page.goto(`${game.url}/?code=${code}`);
  await page.getByTestId("nickname").fill(name);
  await page.getByTestId("join-button").click();
  await expect.poll(() => page.getByTestId("my-score").textContent(), WAIT).toBe("600");
  return page;
}

describe("no secret on a shared screen", () => {
  it("the projector never draws the host key unless asked; a phone link opens the controls on the phone once the projector allows it; a new key signs the projector out", async () => {
    const projector = await tb.page("projector", PROJECTOR);
    // The projector's timers run on a clock the test can move, to see the QR code hide by itself.
    await projector.clock.install();
    const { code, key } = await createSession(projector);
    expect(await pageText(projector)).not.toContain(key);

    await projector.getByTestId("settings-button").click();
    await expect.poll(() => projector.getByTestId("settings-dialog").isVisible(), WAIT).toBe(true);
    expect(await pageText(projector)).not.toContain(key);
    await projector.screenshot({ path: join(ARTIFACTS, "settings-key-hidden-1920.png") });
    await projector.getByTestId("show-host-key").click();
    expect(await pageText(projector)).toContain(key);
    await projector.getByTestId("show-host-key").click();
    expect(await pageText(projector)).not.toContain(key);
    await projector.getByTestId("show-host-key").click();
    await projector.keyboard.press("Escape");
    await projector.getByTestId("settings-button").click();
    expect(await pageText(projector), "closing Settings hides the key again").not.toContain(key);

    await projector.getByTestId("phone-control").click();
    await expect.poll(() => projector.getByTestId("phone-qr").getAttribute("src"), WAIT).toMatch(/^data:image\/svg\+xml/);
    expect(await pageText(projector)).not.toContain(key);
    await projector.screenshot({ path: join(ARTIFACTS, "settings-phone-qr-1920.png") });
    await projector.getByTestId("phone-control").click();
    expect(await projector.getByTestId("phone-qr").isVisible()).toBe(false);
    // Left alone, the QR code hides by itself after a minute.
    await projector.getByTestId("phone-control").click();
    await expect.poll(() => projector.getByTestId("phone-qr").isVisible(), WAIT).toBe(true);
    await projector.clock.runFor(59_000);
    expect(await projector.getByTestId("phone-qr").isVisible(), "still up at 59 s").toBe(true);
    await projector.clock.runFor(2_000);
    await expect.poll(() => projector.getByTestId("phone-qr").isVisible(), WAIT).toBe(false);

    // The QR code holds a one-use link with a token, not the key; the teacher's phone opens it.
    await projector.getByTestId("phone-control").click();
    await expect.poll(() => projector.getByTestId("phone-qr").getAttribute("data-link"), WAIT).toMatch(/#link=/);
    const link = (await projector.getByTestId("phone-qr").getAttribute("data-link"))!;
    expect(link).toMatch(new RegExp(`^${game.url}/host\\?code=${code}#link=[\\w-]{32}$`));
    expect(link, "the QR code holds no host key").not.toContain(key);
    const phone = await tb.page("teacher-phone", PHONE, true);
    await phone.goto(link);
    // The phone waits, with no key, until the teacher allows it on the projector.
    await expect.poll(() => phone.getByTestId("link-waiting").textContent(), WAIT).toContain("Confirm on the projector");
    expect(new URL(phone.url()).hash, "the token leaves the address bar").toBe("");
    expect(await phone.evaluate(() => localStorage.getItem("citizen-score:hosts") ?? ""), "a waiting phone holds no key").not.toContain(key);
    await phone.screenshot({ path: join(ARTIFACTS, "phone-link-waiting-390.png") });
    // The projector's QR code goes at once, and it asks, over Settings, in type read from the back of the room.
    await expect.poll(() => projector.getByTestId("phone-ask").isVisible(), WAIT).toBe(true);
    expect(await projector.getByTestId("phone-qr").isVisible()).toBe(false);
    expect(await projector.getByTestId("phone-ask").textContent()).toContain("A phone asks for the controls");
    expect(await projector.getByTestId("phone-ask-device").textContent()).toBe("It says it is a computer.");
    const title = await projector.locator("#phone-ask-title").evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(title, "the prompt's title in the projector's type").toBeGreaterThanOrEqual(40);
    await projector.screenshot({ path: join(ARTIFACTS, "phone-ask-1920.png") });
    // A student who scans the same code meanwhile cannot take it, and is told that another phone holds it.
    const student = await tb.page("student-with-photo", PHONE, true);
    await student.goto(link);
    await expect.poll(() => student.locator("body").textContent(), WAIT).toContain("Another phone opened this link first");
    expect(await projector.getByTestId("phone-ask").isVisible(), "still one prompt, for the first phone").toBe(true);
    await projector.getByTestId("allow-phone").click();
    await expect.poll(() => phone.getByTestId("session-code").textContent(), WAIT).toBe(code);
    await expect.poll(() => projector.getByTestId("phone-ask").isVisible(), WAIT).toBe(false);
    expect(await projector.getByTestId("host-key-status").textContent()).toContain("The controls are open on that phone now");
    await projector.keyboard.press("Escape");
    // Used: a student who photographed the QR code and opens it after the teacher gets nothing.
    await student.goto(link);
    await expect.poll(() => student.locator("body").textContent(), WAIT).toContain("This link has expired or was used already");
    expect(await student.getByTestId("start-button").isVisible()).toBe(false);
    expect(await student.evaluate(() => localStorage.getItem("citizen-score:hosts") ?? ""), "the student's phone holds no key").not.toContain(key);
    await expect.poll(() => phone.getByTestId("start-button").isVisible(), WAIT).toBe(true);
    await phone.screenshot({ path: join(ARTIFACTS, "phone-host-390.png") });
    expect(await pageText(projector)).not.toContain(key);

    // The phone runs the game while the projector keeps the view.
    await joinAs(code, "Ana");
    await expect.poll(() => phone.getByTestId("start-button").isEnabled(), WAIT).toBe(true);
    await phone.getByTestId("start-button").click();
    await expect.poll(() => projector.getByTestId("round").textContent(), WAIT).toContain("Round 1");
    await expect.poll(() => phone.getByTestId("pause-button").isVisible(), WAIT).toBe(true);
    const box = await phone.getByTestId("pause-button").boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, "the controls fit the phone's width").toBe(true);
    expect(await phone.getByTestId("settings-button").isVisible()).toBe(true);
    await phone.screenshot({ path: join(ARTIFACTS, "phone-host-round-390.png") });

    await phone.getByTestId("settings-button").click();
    await phone.getByTestId("rotate-host-key").click();
    await expect.poll(() => phone.getByTestId("host-key-status").textContent(), WAIT).toContain("signed out");
    await expect.poll(() => projector.getByTestId("signed-out").textContent(), WAIT).toContain("signed out");
    await projector.screenshot({ path: join(ARTIFACTS, "projector-signed-out-1920.png") });
    const stored = await projector.evaluate((c) => JSON.parse(localStorage.getItem("citizen-score:hosts") ?? "{}")[c]?.hostKey, code);
    expect(stored, "the signed-out projector forgets the old key").toBeUndefined();
    // Reopening there means typing the key on the projector: the field draws dots, not the key.
    expect(await projector.getByTestId("reopen-key").getAttribute("type")).toBe("password");
    await phone.keyboard.press("Escape");
    await phone.getByTestId("start-button").isVisible();
    expect(tb.problems.filter((p) => !p.includes("Failed to load resource"))).toEqual([]);
  }, 300_000);
});

describe("a seat belongs to its device, in the browser", () => {
  it("a stranger typing MAYA is asked for the PIN; asking puts 'Maya asks for their seat back' on the projector; a yes seats that phone", async () => {
    const projector = await tb.page("projector-2", PROJECTOR);
    const { code } = await createSession(projector);
    const maya = await joinAs(code, "Maya");
    await maya.getByTestId("show-pin").click();
    const pin = (await maya.getByTestId("rejoin-pin").textContent())!.replace(/\s/g, "");
    expect(pin).toMatch(/^\d{6}$/);
    await maya.screenshot({ path: join(ARTIFACTS, "phone-pin-390.png") });
    await maya.getByTestId("show-pin").click();
    expect(await maya.getByTestId("rejoin-pin").textContent()).toBe("••• •••");
    await maya.context().close();

    const other = await tb.page("other-phone", PHONE, true);
    await other.goto(`${game.url}/?code=${code}`);
    await other.getByTestId("nickname").fill("MAYA");
    await joinUntilPinAsked(other, WAIT.timeout);
    expect(await other.locator("body").textContent()).toContain("Type the rejoin PIN");
    await other.screenshot({ path: join(ARTIFACTS, "phone-needs-pin-390.png") });

    await other.getByTestId("ask-facilitator").click();
    await expect.poll(() => other.getByTestId("waiting-note").isVisible(), WAIT).toBe(true);
    await expect.poll(() => projector.getByTestId("seat-request").textContent(), WAIT).toContain("Maya asks for their seat back");
    await projector.screenshot({ path: join(ARTIFACTS, "projector-seat-request-1920.png") });
    await projector.getByTestId("allow-request").click();
    await expect.poll(() => other.getByTestId("my-score").textContent(), WAIT).toBe("600");
    await expect.poll(() => projector.getByTestId("seat-requests").isVisible(), WAIT).toBe(false);
    expect(await pageText(other), "the PIN is shown only on the phone that took the seat").not.toContain(pin);

    // A real name the look-alike check refuses: one click on the projector lets it in.
    const ana = await tb.page("anȧ", PHONE, true);
    await ana.goto(`${game.url}/?code=${code}`);
    await ana.getByTestId("nickname").fill("Mayȧ");
    await ana.getByTestId("join-button").click();
    await expect.poll(() => ana.getByTestId("ask-facilitator").isVisible(), WAIT).toBe(true);
    expect(await ana.getByTestId("ask-facilitator").textContent()).toBe("Ask the facilitator to let this name in");
    await ana.getByTestId("ask-facilitator").click();
    await expect.poll(() => projector.getByTestId("seat-request").textContent(), WAIT).toContain("“Mayȧ” asks to join");
    await projector.screenshot({ path: join(ARTIFACTS, "projector-admit-request-1920.png") });
    await projector.getByTestId("allow-request").click();
    await expect.poll(() => ana.getByTestId("my-score").textContent(), WAIT).toBe("600");
    await expect.poll(() => projector.locator(".lb-name").allTextContents(), WAIT).toEqual(expect.arrayContaining(["Maya", "Mayȧ"]));
  }, 300_000);
});
