import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./tests/helpers/browser.ts";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
await page.addInitScript(() => localStorage.setItem("citizen-score:hosts", JSON.stringify({ SCNRE: { code: "SCNRE", hostKey: "devkey-SCNRE", createdAt: Date.now() }, BGBGB: { code: "BGBGB", hostKey: "devkey-BGBGB", createdAt: Date.now() - 1000 } })));
await page.goto("http://127.0.0.1:4599/host");
await page.waitForTimeout(1500);
await page.screenshot({ path: "/tmp/replay-dev/host-setup.png" });
await browser.close();
