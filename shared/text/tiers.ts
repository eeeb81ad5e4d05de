import type { GameConfig } from "../rules/config.ts";
import type { Tier } from "../rules/state.ts";
import { formatScore } from "./score.ts";

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

/** A tier's name, privileges and range under a session's numbers and its scenario's labels. */
export function tierText(tier: Tier, c: GameConfig): TierText {
  const text = defaultTierText(tier, c);
  return { ...text, name: c.scenario.labels.tiers?.[tier] ?? text.name };
}

function defaultTierText(tier: Tier, c: GameConfig): TierText {
  const at = (n: number) => formatScore(n, c);
  switch (tier) {
    case "visa":
      return {
        name: "Visa fast-track",
        shape: "star",
        glyph: "★",
        range: `${at(c.visaAt)}+`,
        perks: ["Fast-track visas abroad", "May travel", `+${c.visaBonusPoints} action point each round`],
        restricted: false,
      };
    case "travel":
      return { name: "Travel permit", shape: "triangle", glyph: "▲", range: `${at(c.travelAt)}–${at(c.visaAt - 1)}`, perks: ["May travel abroad"], restricted: false };
    case "standard":
      return {
        name: "Citizen",
        shape: "circle",
        glyph: "●",
        range: `${at(c.restrictedBelow)}–${at(c.travelAt - 1)}`,
        perks: c.travelAt <= c.scoreMax ? [`Reach ${at(c.travelAt)} for a travel permit`] : [],
        restricted: false,
      };
    case "restricted":
      return {
        name: "Restricted",
        shape: "square",
        glyph: "■",
        range: `below ${at(c.restrictedBelow)}`,
        perks: ["No travel", `Slower service: -${c.restrictedPenaltyPoints} action point each round`],
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
