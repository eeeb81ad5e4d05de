import blacklistOnly from "./presets/blacklist-only.json" with { type: "json" };
import citizenScore2015 from "./presets/citizen-score-2015.json" with { type: "json" };
import freePlay from "./presets/free-play.json" with { type: "json" };
import ratingsAtWork from "./presets/ratings-at-work.json" with { type: "json" };
import rongchengPilot from "./presets/rongcheng-pilot.json" with { type: "json" };
import { checkScenario, describeIssues } from "./load.ts";
import type { ScenarioFile } from "./schema.ts";

/** The scenario a session plays when the host names none: today's rules, scores public, nothing planned. */
export const DEFAULT_SCENARIO = "free-play";

/** The shipped presets, validated as they load: a broken preset stops the server at start, not mid-session. */
export const PRESETS: readonly ScenarioFile[] = [citizenScore2015, rongchengPilot, blacklistOnly, ratingsAtWork, freePlay].map((raw) => {
  const checked = checkScenario(raw);
  if (!checked.ok) throw new Error(`Preset ${(raw as { id?: string }).id}: ${describeIssues(checked.issues)}`);
  return checked.value.file;
});

export function presetById(id: string): ScenarioFile | undefined {
  return PRESETS.find((p) => p.id === id);
}
