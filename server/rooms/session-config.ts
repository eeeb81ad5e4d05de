import type { GameConfig } from "../../shared/rules/config.ts";
import type { CreateOptions } from "../../shared/messages/messages.ts";
import { checkScenario, type Checked, type FieldIssue } from "../../shared/scenarios/load.ts";
import { DEFAULT_SCENARIO, PRESETS, presetById } from "../../shared/scenarios/presets.ts";
import { fieldIssue } from "../../shared/scenarios/issues.ts";

/**
 * The config a new session plays: the named preset (or the uploaded file), with the host's
 * overrides on top. The flat number options of older hosts count as overrides. Nothing is
 * created unless all of it validates.
 */
export function sessionConfig(opts: Omit<CreateOptions, "seed">): Checked<GameConfig> {
  const checked = sessionScenario(opts);
  return checked.ok ? { ok: true, value: checked.value.config } : checked;
}

/** The same, with the checker's warnings (texts the file has not translated) for the host's check. */
export function sessionScenario(opts: Omit<CreateOptions, "seed">): Checked<{ config: GameConfig; warnings: FieldIssue[] }> {
  const { scenario = DEFAULT_SCENARIO, overrides = {}, ...flat } = opts;
  const file = typeof scenario === "string" ? presetById(scenario) : scenario;
  if (file === undefined) {
    const ids = PRESETS.map((p) => p.id).join(", ");
    return { ok: false, issues: [fieldIssue("scenario", "scenario.issue.not-a-preset", { scenario: String(scenario), ids })] };
  }
  const checked = checkScenario(file, { ...flat, ...overrides });
  return checked.ok ? { ok: true, value: { config: checked.value.config, warnings: checked.value.warnings } } : checked;
}
