import type express from "express";
import type { AppOptions } from "../app.ts";
import { apiRouter } from "./api.ts";
import { registerScenarioRoutes } from "./scenarios.ts";

export function registerRoutes(app: express.Application, opts: AppOptions): void {
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  registerScenarioRoutes(app);
  app.use("/api", apiRouter({ store: opts.store, adminToken: opts.adminToken }));
}
