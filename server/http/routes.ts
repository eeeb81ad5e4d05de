import type express from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";
import QRCode from "qrcode";
import type { AppOptions } from "../app.ts";
import { apiRouter } from "./api.ts";
import { publicBaseUrl } from "./public-url.ts";
import { registerScenarioRoutes } from "./scenarios.ts";
import { serveClient } from "./static-files.ts";


const JOIN_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}$/;

export function registerRoutes(app: express.Application, opts: AppOptions): void {
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });

  // The address players can reach, with its QR code, for the projector's lobby.
  app.get("/api/join-link", async (req, res) => {
    const code = String(req.query.code ?? "").toUpperCase();
    if (!JOIN_CODE.test(code)) {
      res.status(400).json({ error: "A join code is 5 letters and digits, such as K7QPX." });
      return;
    }
    const base = publicBaseUrl(opts.port);
    const url = `${base}/?code=${code}`;
    const qr = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#0b0f1a", light: "#ffffff" } });
    res.set("Cache-Control", "no-store").json({ url, display: `${base.replace(/^https?:\/\//, "")}`, qr });
  });

  registerScenarioRoutes(app);
  app.use("/api", apiRouter({ store: opts.store, adminToken: opts.adminToken }));

  const dir = opts.clientDir;
  if (!dir || !existsSync(join(dir, "index.html"))) return;
  serveClient(app, dir);
}
