import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestGame } from "../helpers/server.ts";

let game: TestGame;
let clientDir: string;
const SCRIPT = `export const words = "${"citizen score ".repeat(200)}";`;
const SHELL = `<!doctype html><title>Citizen Score</title><script type="module" src="/assets/app-abc123.js"></script>${" ".repeat(600)}`;

beforeAll(async () => {
  // A stand-in bundle laid out as the build leaves it: each text file with a .br and a .gz beside it.
  clientDir = mkdtempSync(join(tmpdir(), "citizen-score-static-"));
  mkdirSync(join(clientDir, "assets"));
  for (const [path, text] of [
    ["index.html", SHELL],
    ["assets/app-abc123.js", SCRIPT],
  ]) {
    writeFileSync(join(clientDir, path), text);
    writeFileSync(join(clientDir, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(clientDir, `${path}.gz`), gzipSync(text));
  }
  writeFileSync(join(clientDir, "assets", "font-abc123.woff2"), Buffer.alloc(64, 7));
  game = await startTestServer({ clientDir });
});
afterAll(async () => {
  await game.shutdown();
  rmSync(clientDir, { recursive: true, force: true });
});

/** A raw GET, bytes as they came over the wire (fetch would decode them). */
function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${game.url}${path}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the client's files go out compressed at build time and cached by name", () => {
  it("sends brotli to a browser that takes it, gzip to one that takes only gzip, and plain bytes otherwise", async () => {
    const br = await get("/assets/app-abc123.js", "gzip, deflate, br");
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("Accept-Encoding");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);

    const gz = await get("/assets/app-abc123.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get("/assets/app-abc123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it("caches hashed assets for good and never the page shell", async () => {
    for (const path of ["/assets/app-abc123.js", "/assets/font-abc123.woff2"]) {
      const res = await get(path, "br");
      expect(res.headers["cache-control"], path).toMatch(/max-age=31536000/);
      expect(res.headers["cache-control"], path).toContain("immutable");
    }
    for (const path of ["/", "/play", "/host", "/replay/ABCDE"]) {
      const res = await get(path, "br, gzip");
      expect(res.status, path).toBe(200);
      expect(res.headers["cache-control"], path).toBe("no-cache");
      expect(res.headers["content-encoding"], path).toBe("br");
      expect(brotliDecompressSync(res.body).toString(), path).toBe(SHELL);
    }
    expect((await get("/assets/missing.js", "br")).status).toBe(404);
  });
});
