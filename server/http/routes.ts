import type express from "express";
import type { AppOptions } from "../app.ts";
import { registerScenarioRoutes } from "./scenarios.ts";

export function registerRoutes(app: express.Application, _opts: AppOptions): void {
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  registerScenarioRoutes(app);
}
