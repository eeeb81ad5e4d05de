import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { refusals } from "../../server/limits/refusal-log.ts";
import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import { host, joinAs, startTestServer, until, type TestGame } from "../helpers/server.ts";

const SCHOOL = "https://school.example";
const EVIL = "https://evil.example";
let game: TestGame;
let clientDir: string;

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), "citizen-score-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Citizen Score</title>");
  writeFileSync(join(clientDir, "assets", "app.js"), "export {};");
  game = await startTestServer({ clientDir, serverLimits: { allowedOrigins: [SCHOOL] } });
});
afterAll(async () => {
  await game.shutdown();
  rmSync(clientDir, { recursive: true, force: true });
});

/** Everything the server writes to its log while `run` runs. */
async function logged(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
  );
  try {
    await run();
    refusals.flush();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}

/** A GET with the path exactly as written (fetch would resolve the dots away). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: game.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("CORS: the server's own pages and the configured origins only", () => {
  it("names an allowed origin, never another, and never with credentials", async () => {
    const own = `http://127.0.0.1:${game.port}`;
    for (const [origin, allowed] of [
      [own, own],
      [SCHOOL, SCHOOL],
      [EVIL, null],
    ] as const) {
      const res = await fetch(`${game.url}/api/scenarios`, { headers: { origin } });
      expect(res.headers.get("access-control-allow-origin"), origin).toBe(allowed);
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
      const preflight = await fetch(`${game.url}/matchmake/create/classroom`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" },
      });
      expect(preflight.headers.get("access-control-allow-origin"), origin).toBe(allowed);
    }
  });

  it("refuses another site's page a session, a seat or a socket, and changes nothing", async () => {
    const before = (await game.store.list({})).length;
    const res = await fetch(`${game.url}/matchmake/create/classroom`, {
      method: "POST",
      headers: { origin: EVIL, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: "origin-not-allowed", error: "This server does not take requests from pages of another site." });
    expect((await game.store.list({})).length).toBe(before);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${game.port}/anything/ABCDE`, { origin: EVIL });
      ws.on("unexpected-response", (_req, r) => resolve(r.statusCode!));
      ws.on("open", () => resolve(101));
    });
    expect(status).toBe(403);
  });
});

describe("the log of refusals", () => {
  it("path traversal is answered 404 in the API's shape, one line each, counted past five, with no stack trace", async () => {
    let answers: { status: number; body: string }[] = [];
    const lines = await logged(async () => {
      answers = await Promise.all(Array.from({ length: 30 }, () => rawGet("/assets/../../package.json")));
      answers.push(await rawGet("/assets/%2e%2e/%2e%2e/package.json"));
    });
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(JSON.parse(a.body)).toEqual({ error: { code: "not-found", message: "There is nothing at this address." } });
    }
    const written = lines.filter((l) => l.includes("/assets/"));
    expect(written.length).toBe(5);
    // The log says what the client was answered: a 404, not the static server's 403.
    // ...and names no client address (README: nothing about who connects is logged).
    for (const l of written) expect(l).toMatch(/^Refused: HTTP 404 not-found: GET \/assets\//);
    expect(lines).toContain("Refused: HTTP 404 not-found: 26 more in the last minute (not each written)");
    expect(lines.some((l) => /\n\s+at /.test(l))).toBe(false);
  });

  it("an undecodable frame closes only its socket (4415) with one line and no stack trace; the game goes on", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    const closed = new Promise<number>((resolve) => ana.room.onLeave((code) => resolve(code)));
    const lines = await logged(async () => {
      ana.room.connection.send(new Uint8Array([13, 0xa3, 0x61, 0x63, 0x74, 0xc1, 0xc1]));
      expect(await closed).toBe(CLOSE_CODES.undecodable);
    });
    expect(lines.filter((l) => l.startsWith("Refused: undecodable frame"))).toHaveLength(1);
    expect(lines.some((l) => /\n\s+at /.test(l))).toBe(false);
    h.room.send("facilitate", { type: "start" });
    await until(() => bo.room.state.phase === "round", "round");
    bo.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(bo.id)?.score === 620, "Bo plays on");
  });

  it("bytes past the connection's budget close it (4429) before they are decoded", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const closed = new Promise<number>((resolve) => ana.room.onLeave((code) => resolve(code)));
    let errors = 0;
    ana.room.onMessage("error", () => errors++);
    for (let i = 0; i < 10 && ana.room.connection.isOpen; i++) ana.room.send("act", { action: "volunteer", target: "x".repeat(15 * 1024) });
    expect(await closed).toBe(CLOSE_CODES.flooding);
    // The first two fit the 32 KiB burst and were answered; the rest were never read.
    expect(errors).toBeLessThanOrEqual(2);
    expect(Object.keys((await game.store.commands(h.code)).filter((e) => e.command.kind === "act"))).toHaveLength(0);
  });
});
