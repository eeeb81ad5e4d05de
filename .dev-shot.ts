import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./tests/helpers/browser.ts";
const code = process.argv[2] ?? "SCNRE";
const steps = (process.argv[3] ?? "replay").split(",");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
const page = await ctx.newPage();
page.on("console", (m) => console.log("console:", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.addInitScript(([c]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [c]: { code: c, hostKey: "devkey-" + c, createdAt: Date.now() } })), [code]);
const t0 = Date.now();
await page.goto(`http://127.0.0.1:4599/replay/${code}`);
await page.getByTestId("scrubber").waitFor({ timeout: 60000 });
console.log("loaded in", Date.now() - t0, "ms");
await page.waitForTimeout(2500);
for (const step of steps) {
  if (step.startsWith("tab-")) { await page.getByTestId(step).click(); await page.waitForTimeout(1500); }
  if (step === "scrub") { const box = (await page.getByTestId("scrubber").boundingBox())!; await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2); await page.mouse.down(); for (let i = 0; i < 20; i++) { await page.mouse.move(box.x + box.width * (0.9 - i * 0.03), box.y + box.height / 2); await page.waitForTimeout(30); } await page.mouse.up(); await page.waitForTimeout(1500); }
  if (step === "select") { await page.locator(".lb-row").nth(2).click(); await page.waitForTimeout(800); await page.getByTestId("score-change").first().click().catch(()=>{}); await page.waitForTimeout(800); }
  if (step === "whatif") { await page.getByTestId("preset-no-guilt-by-association").click(); await page.getByTestId("other-world").waitFor({ timeout: 60000 }); await page.waitForTimeout(3000); }
  if (step === "play") { await page.getByTestId("play").click(); await page.waitForTimeout(3000); }
  await page.screenshot({ path: `/tmp/replay-dev/${code}-${step}.png` });
}
await browser.close();
