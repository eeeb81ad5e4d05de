import type { GameConfig } from "../rules/config.ts";
import type { Tier } from "../rules/state.ts";

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

export function tierText(tier: Tier, c: GameConfig): TierText {
  switch (tier) {
    case "visa":
      return {
        name: "Visa fast-track",
        shape: "star",
        glyph: "★",
        range: `${c.visaAt}+`,
        perks: ["Fast-track visas abroad", "May travel", `+${c.visaBonusPoints} action point each round`],
        restricted: false,
      };
    case "travel":
      return { name: "Travel permit", shape: "triangle", glyph: "▲", range: `${c.travelAt}–${c.visaAt - 1}`, perks: ["May travel abroad"], restricted: false };
    case "standard":
      return {
        name: "Citizen",
        shape: "circle",
        glyph: "●",
        range: `${c.restrictedBelow}–${c.travelAt - 1}`,
        perks: [`Reach ${c.travelAt} for a travel permit`],
        restricted: false,
      };
    case "restricted":
      return {
        name: "Restricted",
        shape: "square",
        glyph: "■",
        range: `below ${c.restrictedBelow}`,
        perks: ["No travel", `Slower service: -${c.restrictedPenaltyPoints} action point each round`],
        restricted: true,
      };
  }
}

export function isTier(x: string): x is Tier {
  return (TIER_ORDER as readonly string[]).includes(x);
}

export const BLACKLIST_TEXT = {
  name: "Blacklisted",
  glyph: "⊘",
  perks: ["No luxury spending, vouching or bragging", "Pay a bill on time to get off the list"],
};
