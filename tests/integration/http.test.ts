import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestGame } from "../helpers/server.ts";

let game: TestGame;
let clientDir: string;

beforeAll(async () => {
  // A stand-in bundle: these tests are about routing, not about the client's own code.
  clientDir = mkdtempSync(join(tmpdir(), "citizen-score-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Citizen Score</title>");
  writeFileSync(join(clientDir, "assets", "app-abc123.js"), "export {};");
  game = await startTestServer({ clientDir });
});
afterAll(async () => {
  await game.shutdown();
  rmSync(clientDir, { recursive: true, force: true });
});

describe("the server serves the browser client on the game's own port", () => {
  it("answers every page path with the page shell, and bundle files as long-lived assets", async () => {
    for (const path of ["/", "/host", "/play", "/play?code=ABCDE", "/replay/ABCDE"]) {
      const res = await fetch(`${game.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain("<title>Citizen Score</title>");
    }
    const asset = await fetch(`${game.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${game.url}/assets/missing.js`)).status).toBe(404);
  });

  it("gives the join link and its QR code, on PUBLIC_URL when it is set", async () => {
    const before = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = "https://play.example.org/";
    try {
      const res = await fetch(`${game.url}/api/join-link?code=k7qpx`);
      const body = (await res.json()) as { url: string; display: string; qr: string };
      expect(body.url).toBe("https://play.example.org/?code=K7QPX");
      expect(body.display).toBe("play.example.org");
      expect(body.qr).toMatch(/^<svg[^>]*>/);
    } finally {
      if (before === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = before;
    }
  });

  it("falls back to an address players can reach, and refuses a malformed code in words", async () => {
    const body = (await (await fetch(`${game.url}/api/join-link?code=ABCDE`)).json()) as { url: string };
    expect(body.url).toMatch(/^http:\/\/[^/]+:\d+\/\?code=ABCDE$/);
    const bad = await fetch(`${game.url}/api/join-link?code=<script>`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: "bad-request", message: expect.stringMatching(/5 letters and digits/) } });
  });
});
