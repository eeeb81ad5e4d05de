import express from "express";
import type { GameConfig } from "../../shared/rules/config.ts";
import { describeIssues } from "../../shared/scenarios/load.ts";
import { WHOLE_REQUEST, zodIssues } from "../../shared/scenarios/issues.ts";
import { PRESETS } from "../../shared/scenarios/presets.ts";
import { sessionConfig, sessionScenario } from "../rooms/session-config.ts";
import { MAX_BODY_BYTES, unreadable } from "./body-limit.ts";
import { createOptions, type ScenarioProblems } from "../../shared/messages/messages.ts";

/** Scenario files are a few kilobytes; every request body is held to this (server/http/body-limit.ts). */
const MAX_UPLOAD = `${MAX_BODY_BYTES}b`;

/** What the host page shows of a scenario: its words, and every number it would play with. */
function scenarioSummary(c: GameConfig) {
  const { scenario, topics, ballot, voteMenu, schedule, actions, ...numbers } = c;
  return { ...scenario, numbers, actions, topics, ballot, voteMenu, schedule };
}

function problems(res: express.Response, status: number, issues: ScenarioProblems["issues"]) {
  const body: ScenarioProblems = { ok: false, message: describeIssues(issues), issues };
  res.status(status).json(body);
}

/**
 * GET  /api/scenarios           the presets, for the host's picker.
 * POST /api/scenarios/validate  { scenario, overrides? } as `create` would take them: the
 *      summary of what would be played and the texts it has not translated (warnings), or
 *      every problem with its field, before anything starts.
 */
export function registerScenarioRoutes(app: express.Application): void {
  const presets = PRESETS.map((p) => {
    const checked = sessionConfig({ scenario: p.id });
    if (!checked.ok) throw new Error(describeIssues(checked.issues));
    return scenarioSummary(checked.value);
  });
  app.get("/api/scenarios", (_req, res) => {
    res.json({ scenarios: presets });
  });
  app.post("/api/scenarios/validate", express.json({ limit: MAX_UPLOAD, strict: false }), (req, res) => {
    const opts = createOptions.pick({ scenario: true, overrides: true }).safeParse(req.body);
    if (!opts.success) return problems(res, 422, zodIssues(opts.error, [], WHOLE_REQUEST));
    const checked = sessionScenario(opts.data);
    if (!checked.ok) return problems(res, 422, checked.issues);
    res.json({ ok: true, scenario: scenarioSummary(checked.value.config), warnings: checked.value.warnings });
  });
  app.use("/api/scenarios", ((err, _req, res, next) => {
    if (!err) return next();
    const tooBig = (err as { type?: string }).type === "entity.too.large";
    problems(res, tooBig ? 413 : 400, [unreadable(tooBig)]);
  }) as express.ErrorRequestHandler);
}
