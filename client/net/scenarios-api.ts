import type { ScenarioProblems } from "../../shared/messages/messages.ts";
import type { GameConfig } from "../../shared/rules/config.ts";
import type { ScenarioInfo } from "../../shared/rules/live/types.ts";
import { currentLocale, t } from "../../shared/i18n/index.ts";
import type { FieldIssue } from "../../shared/scenarios/load.ts";
import { fieldIssue, WHOLE_FILE } from "../../shared/scenarios/issues.ts";
import { localizeConfig } from "../../shared/scenarios/translations.ts";

type Numbers = Omit<GameConfig, "scenario" | "actions" | "topics" | "ballot" | "voteMenu" | "schedule">;

/** A scenario as GET /api/scenarios and POST /api/scenarios/validate describe it (docs/PROTOCOL.md). */
export type ScenarioSummary = ScenarioInfo & Pick<GameConfig, "actions" | "topics" | "ballot" | "voteMenu" | "schedule"> & { numbers: Numbers };

export type Checked = { ok: true; scenario: ScenarioSummary; warnings?: FieldIssue[] } | { ok: false; message: string; issues: FieldIssue[] };

/** The summary as the config it would be played with, for the words of shared/text. */
export function summaryConfig(s: ScenarioSummary): GameConfig {
  const { numbers, actions, topics, ballot, voteMenu, schedule, ...scenario } = s;
  return { ...numbers, actions, topics, ballot, voteMenu, schedule, scenario };
}

/** The summary in this device's language, as far as the scenario file translated itself. */
function localSummary(s: ScenarioSummary): ScenarioSummary {
  const { scenario, topics, ballot, voteMenu } = localizeConfig(summaryConfig(s), currentLocale());
  return { ...scenario, numbers: s.numbers, actions: s.actions, schedule: s.schedule, topics, ballot, voteMenu };
}

/** The presets for the host's picker. */
export async function loadPresets(): Promise<ScenarioSummary[]> {
  const res = await fetch("/api/scenarios").catch(() => undefined);
  if (!res?.ok) throw new Error(t("errors.code.unreachable"));
  return ((await res.json()) as { scenarios: ScenarioSummary[] }).scenarios.map(localSummary);
}

/** What `create` would say of a scenario (a preset id or an uploaded file) and the host's overrides, without creating anything. */
export async function checkScenario(scenario: string | object, overrides: object, signal?: AbortSignal): Promise<Checked> {
  const res = await fetch("/api/scenarios/validate", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ scenario, overrides }),
    ...(signal ? { signal } : {}),
  });
  const body = (await res.json().catch(() => undefined)) as Checked | ScenarioProblems | undefined;
  if (body && "ok" in body) return body.ok ? { ...body, scenario: localSummary(body.scenario) } : body;
  return {
    ok: false,
    message: `The server could not check the scenario (HTTP ${res.status}).`,
    issues: [fieldIssue(WHOLE_FILE, "scenario.issue.unchecked", { status: res.status })],
  };
}
