import type express from "express";
import expressStaticGzip from "express-static-gzip";
import { join } from "node:path";

/** Paths the browser client answers; each serves the same page shell, which picks the page. */
const PAGE_PATHS = ["/", "/host", "/play", "/replay/:code", "/guide/:scenario", "/guide/:scenario/handout", "/watch/:code"];

/**
 * The built client. The build writes a brotli and a gzip copy of every text file beside it
 * (vite.config.ts); each request gets the smallest copy its Accept-Encoding allows, with
 * `Content-Encoding` and `Vary: Accept-Encoding`, and nothing is compressed per request.
 * Hashed bundle files never change under their name, so they are cached for good; the page
 * shell names them and is checked with the server every time.
 */
export function serveClient(app: express.Application, dir: string): void {
  const compressed = { enableBrotli: true, orderPreference: ["br", "gzip"], index: false as const };
  app.use("/assets", expressStaticGzip(join(dir, "assets"), { ...compressed, serveStatic: { immutable: true, maxAge: "1y", fallthrough: false } }));
  app.use(expressStaticGzip(dir, { ...compressed, serveStatic: { index: false, cacheControl: true, maxAge: 0 } }));
  const shell = expressStaticGzip(dir, { ...compressed, serveStatic: { index: false, setHeaders: (res) => res.setHeader("Cache-Control", "no-cache") } });
  app.get(PAGE_PATHS, (req, res, next) => {
    req.url = "/index.html";
    shell(req, res, next);
  });
}
