import type { GameConfig } from "../rules/config.ts";
import type { Tier } from "../rules/state.ts";
import { actionLabel } from "./actions.ts";
import { blacklistName, formatScore } from "./score.ts";

export interface TierText {
  name: string;
  /** A shape as well as a colour, so no one needs to tell colours apart. */
  shape: "star" | "triangle" | "circle" | "square";
  glyph: string;
  range: string;
  /** Privileges (or, for the restricted, restrictions), one short line each. */
  perks: string[];
  restricted: boolean;
}

export const TIER_ORDER: readonly Tier[] = ["visa", "travel", "standard", "restricted"];

const STORY_NAME: Record<Tier, string> = { visa: "Visa fast-track", travel: "Travel permit", standard: "Standard", restricted: "Restricted" };

/** Whether a scenario's name for a tier is still the 2015 story's (its visas and travel), or a world of its own. */
function storyTier(tier: Tier, c: GameConfig): boolean {
  const label = c.scenario.labels.tiers?.[tier];
  return label === undefined || label.toLowerCase().startsWith(STORY_NAME[tier].toLowerCase());
}

/**
 * A tier's name, privileges and range under a session's numbers and its scenario's labels. A
 * scenario that names its tiers its own way (drivers, village grades) keeps only the privileges
 * the rules enforce, not the 2015 story's visas and travel.
 */
export function tierText(tier: Tier, c: GameConfig): TierText {
  const label = c.scenario.labels.tiers?.[tier];
  const text = defaultTierText(tier, c, storyTier(tier, c));
  return label === undefined ? text : { ...text, name: withoutNumbers(label) };
}

/**
 * "Visa fast-track (750+)" is named "Visa fast-track": a number in a scenario's label is the
 * threshold it started with, which a rule change or a vote may move; `range` always says the
 * one in force. "AAA (model citizen)" keeps its words.
 */
function withoutNumbers(label: string): string {
  return label.replace(/\s*\([^)]*\d[^)]*\)\s*$/, "");
}

/** "Gold driver (4.85+)" reads as "Gold driver" inside a sentence. */
function bare(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, "");
}

function defaultTierText(tier: Tier, c: GameConfig, story: boolean): TierText {
  const at = (n: number) => formatScore(n, c);
  const points = (n: number, sign: string) => (n === 0 ? [] : [`${sign}${n} action point${n === 1 ? "" : "s"} each round`]);
  const travel = storyTier("travel", c) ? undefined : c.scenario.labels.tiers?.travel;
  switch (tier) {
    case "visa":
      return {
        name: STORY_NAME.visa,
        shape: "star",
        glyph: "★",
        range: `${at(c.visaAt)}+`,
        perks: [...(story ? ["Fast-track visas abroad", "May travel"] : []), ...points(c.visaBonusPoints, "+")],
        restricted: false,
      };
    case "travel":
      return {
        name: STORY_NAME.travel,
        shape: "triangle",
        glyph: "▲",
        range: `${at(c.travelAt)}–${at(c.visaAt - 1)}`,
        perks: story ? ["May travel abroad"] : [],
        restricted: false,
      };
    case "standard":
      return {
        name: STORY_NAME.standard,
        shape: "circle",
        glyph: "●",
        range: `${at(c.restrictedBelow)}–${at(c.travelAt - 1)}`,
        perks: c.travelAt <= c.scoreMax ? [travel ? `Reach ${at(c.travelAt)} to become ${bare(travel)}` : `Reach ${at(c.travelAt)} for a travel permit`] : [],
        restricted: false,
      };
    case "restricted":
      return {
        name: STORY_NAME.restricted,
        shape: "square",
        glyph: "■",
        range: `below ${at(c.restrictedBelow)}`,
        perks: [...(story ? ["No travel"] : []), ...points(c.restrictedPenaltyPoints, "Slower service: -")],
        restricted: true,
      };
  }
}

/** The tiers a score can reach in this session (a scenario without tiers has only "standard"). */
export function reachableTiers(c: GameConfig): Tier[] {
  return TIER_ORDER.filter((t) => {
    if (t === "visa") return c.visaAt <= c.scoreMax;
    if (t === "travel") return c.travelAt < c.visaAt && c.travelAt <= c.scoreMax;
    if (t === "restricted") return c.restrictedBelow > c.scoreMin;
    return c.restrictedBelow < c.travelAt;
  });
}

export function isTier(x: string): x is Tier {
  return (TIER_ORDER as readonly string[]).includes(x);
}

export const BLACKLIST_TEXT = {
  name: "Blacklisted",
  glyph: "⊘",
  perks: ["No luxury spending, vouching or bragging", "Pay a bill on time to get off the list"],
};

/** What the blacklist means for me, in the scenario's words: "Deactivated: … “Accept every ride offered” takes you off it." */
export function blacklistLine(c: GameConfig): string {
  const name = blacklistName(c);
  const penalty =
    c.blacklistPenaltyPoints > 0 ? ` You lose ${c.blacklistPenaltyPoints} action point${c.blacklistPenaltyPoints === 1 ? "" : "s"} each round.` : "";
  if (name === BLACKLIST_TEXT.name && c.scenario.labels.actions?.["pay-bill"] === undefined) return `${name}: ${BLACKLIST_TEXT.perks.join(". ")}.${penalty}`;
  return `${name}: some actions are blocked.${penalty} “${actionLabel("pay-bill", c)}” takes you off it.`;
}
