import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./tests/helpers/browser.ts";
const code = "BGBGB";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
await page.addInitScript(([c]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [c]: { code: c, hostKey: "devkey-" + c, createdAt: Date.now() } })), [code]);
await page.goto(`http://127.0.0.1:4599/replay/${code}`);
await page.getByTestId("scrubber").waitFor({ timeout: 60000 });
await page.waitForTimeout(4000);
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable"); await cdp.send("Profiler.start");
const box = (await page.getByTestId("scrubber").boundingBox())!;
await page.mouse.move(box.x + box.width - 3, box.y + box.height / 2); await page.mouse.down();
const s0 = Date.now();
for (let i = 0; i < 20; i++) { await page.mouse.move(box.x + box.width * (1 - i / 40), box.y + box.height / 2); await page.waitForTimeout(16); }
await page.mouse.up();
console.log("20 moves", Date.now() - s0);
await page.waitForTimeout(2000);
const { profile } = await cdp.send("Profiler.stop") as any;
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); }
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`).join("\n"));
await browser.close();
