import type express from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";
import QRCode from "qrcode";
import type { AppOptions } from "../app.ts";
import { apiRouter } from "./api.ts";
import { publicBaseUrl } from "./public-url.ts";
import { registerScenarioRoutes } from "./scenarios.ts";
import { registerGuideRoutes } from "./guides.ts";
import { serveClient } from "./static-files.ts";
import { refusals } from "../limits/refusal-log.ts";
import { isJoinCode } from "../../shared/messages/join-code.ts";

export function registerRoutes(app: express.Application, opts: AppOptions): void {
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });

  // The address players can reach, with its QR code, for the projector's lobby.
  app.get("/api/join-link", async (req, res) => {
    const code = String(req.query.code ?? "").toUpperCase();
    if (!isJoinCode(code)) {
      res.status(400).json({ error: { code: "bad-request", message: "A join code is 5 letters and digits, such as K7QPX." } });
      return;
    }
    const base = publicBaseUrl(opts.port);
    const url = `${base}/?code=${code}`;
    const qr = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#0b0f1a", light: "#ffffff" } });
    res.set("Cache-Control", "no-store").json({ url, display: `${base.replace(/^https?:\/\//, "")}`, qr });
  });

  registerScenarioRoutes(app);
  registerGuideRoutes(app, opts.store);
  app.use("/api", apiRouter({ store: opts.store, adminToken: opts.adminToken }));

  servePages(app, opts.clientDir);
  app.use((_req, res) => {
    res.status(404).json({ error: { code: "not-found", message: "There is nothing at this address." } });
  });
  app.use(answerRefusals);
}

/**
 * What a client's request got wrong (a path that climbs out of the assets, a URL that does
 * not decode) is answered in the API's error shape and logged in one line; only a fault of
 * the server itself is logged with its stack.
 */
const answerRefusals: express.ErrorRequestHandler = (err, req, res, _next) => {
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    // A path that climbs out of the client's files (403 from the static server) is answered as any missing path, and logged as answered.
    const answered = status === 403 ? 404 : status;
    const code = answered === 404 ? "not-found" : "bad-request";
    refusals.note(`HTTP ${answered} ${code}`, `${req.method} ${req.originalUrl.slice(0, 80)}`);
    res.status(answered).json({ error: { code, message: code === "not-found" ? "There is nothing at this address." : "The request could not be read." } });
    return;
  }
  console.error(err);
  res.status(500).json({ error: { code: "internal", message: "The server could not answer that; the error is in its log." } });
};

function servePages(app: express.Application, dir: string | undefined): void {
  if (!dir || !existsSync(join(dir, "index.html"))) return;
  serveClient(app, dir);
}
