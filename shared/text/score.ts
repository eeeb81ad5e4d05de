import { formatNumber, t } from "../i18n/index.ts";
import type { GameConfig } from "../rules/config.ts";

/** What a screen needs of a session's config to name and format things: its scenario's labels. */
export type Labelled = Pick<GameConfig, "scenario">;

function divisorOf(c: Labelled): number {
  return c.scenario.labels.scoreDivisor ?? 1;
}

/** Decimal places a divisor calls for: 100 → 2 (480 reads 4.80), 10 → 1, 1 → none. */
function placesOf(divisor: number): number {
  return divisor <= 1 ? 0 : Math.ceil(Math.log10(divisor));
}

/**
 * A score as the scenario shows it, in the language's digits: 480 with a divisor of 100 is
 * "4.80" ("4,80" in German). Without thousands separators: a score is read as one number.
 */
export function formatScore(score: number, c: Labelled): string {
  const d = divisorOf(c);
  const places = placesOf(d);
  return formatNumber(score / d, { minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: false });
}

/** A change of score with its sign: "+10", "-0.10". */
export function formatDelta(delta: number, c: Labelled): string {
  const size = formatScore(Math.abs(delta), c);
  return delta > 0 ? `+${size}` : delta < 0 ? `-${size}` : size;
}

/** The scenario's name for the score: "Citizen score", "Rating", or plainly "Score". */
export function scoreName(c: Labelled): string {
  return c.scenario.labels.score ?? t("feed.score.name");
}

/** The scenario's name for the blacklist: "Blacklisted", "Deactivated", "On the defaulter list". */
export function blacklistName(c: Labelled): string {
  return c.scenario.labels.blacklisted ?? t("feed.blacklist.name");
}

/** "Ana is blacklisted", "Ana is off the blacklist"; in a scenario's own words "Ana: Deactivated", "Ana: no longer deactivated". */
export function listedText(who: string, on: boolean, c?: Labelled, many = false): string {
  const own = c?.scenario.labels.blacklisted;
  if (own === undefined) return t(on ? "feed.listed.on" : "feed.listed.off", { who, count: many ? 2 : 1 });
  return on ? t("feed.listed.own-on", { who, label: own }) : t("feed.listed.own-off", { who, label: `${own.charAt(0).toLowerCase()}${own.slice(1)}` });
}
