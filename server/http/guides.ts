import express from "express";
import { kitOf, lessonKit } from "../../shared/content/guide.ts";
import { isReplayProblem, openLog } from "../../shared/replay/log.ts";
import type { SessionStore } from "../storage/store.ts";
import { checkScenario, describeIssues } from "../../shared/scenarios/load.ts";
import { PRESETS } from "../../shared/scenarios/presets.ts";
import type { ScenarioProblems } from "../../shared/messages/messages.ts";
import { MAX_BODY_BYTES, unreadable } from "./body-limit.ts";

/**
 * GET  /api/guides/:id   the lesson kit of a preset (/guide/:id draws it).
 * GET  /api/guides/session/:code   the kit of a session's scenario as it was opened (the host's
 *      numbers included): the end screen's and the lobby handout's link. It holds nothing of
 *      any player, only what every phone in the session is shown of its scenario.
 * POST /api/guides       { scenario: <a scenario file> }: the lesson kit of an uploaded file,
 *      or its problems by field, as /api/scenarios/validate says them.
 * Each kit is built from the scenario file by shared/content/guide.ts, so it cannot drift from the game.
 * The kit is in English (the server's language); beside it goes what it was built from (the checked
 * scenario file, or the session's config), from which /guide builds it again in the reader's language.
 */
export function registerGuideRoutes(app: express.Application, store: SessionStore): void {
  const kits = new Map(PRESETS.map((p) => [p.id, { guide: lessonKit(p), scenario: p }]));
  app.get("/api/guides/session/:code", async (req, res) => {
    const code = req.params.code.toUpperCase();
    // The store answers whether the code exists; this only keeps junk out of its query.
    const meta = /^[A-Z0-9]{5}$/.test(code) ? await store.get(code).catch(() => undefined) : undefined;
    if (!meta) {
      res.status(404).json({ error: { code: "not-found", message: `There is no session with the code ${code.slice(0, 5)}.` } });
      return;
    }
    // Opened as every stored log is: settings added since it was stored take their defaults.
    const opened = openLog({ meta, commands: [] });
    if (isReplayProblem(opened)) {
      res.status(422).json({ error: { code: opened.code, message: opened.message } });
      return;
    }
    res.json({ guide: kitOf(opened.meta.config), config: opened.meta.config });
  });
  app.get("/api/guides/:id", (req, res) => {
    const kit = kits.get(req.params.id);
    if (!kit) {
      res.status(404).json({
        error: {
          code: "not-found",
          message: `There is no preset called "${req.params.id.slice(0, 40)}". Upload the scenario file on /host to see its guide.`,
        },
      });
      return;
    }
    res.json(kit);
  });
  app.post("/api/guides", express.json({ limit: `${MAX_BODY_BYTES}b`, strict: false }), (req, res) => {
    const checked = checkScenario((req.body as { scenario?: unknown } | undefined)?.scenario);
    if (!checked.ok) {
      const body: ScenarioProblems = { ok: false, message: describeIssues(checked.issues), issues: checked.issues };
      res.status(422).json(body);
      return;
    }
    res.json({ guide: lessonKit(checked.value.file), scenario: checked.value.file });
  });
  app.use("/api/guides", ((err, _req, res, next) => {
    if (!err) return next();
    const tooBig = (err as { type?: string }).type === "entity.too.large";
    const body: ScenarioProblems = {
      ok: false,
      message: "The scenario file could not be read.",
      issues: [unreadable(tooBig)],
    };
    res.status(tooBig ? 413 : 400).json(body);
  }) as express.ErrorRequestHandler);
}
