import { inEnglish, type MessageKey, t } from "../i18n/index.ts";
import type { GameConfig } from "../rules/config.ts";
import type { Tier } from "../rules/state.ts";
import { actionLabel } from "./actions.ts";
import { blacklistName, formatScore } from "./score.ts";
import { sentences } from "./words.ts";

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

const STORY_NAME: Record<Tier, MessageKey> = {
  visa: "feed.tier.visa",
  travel: "feed.tier.travel",
  standard: "feed.tier.standard",
  restricted: "feed.tier.restricted",
};

/**
 * Whether a scenario's name for a tier is still the 2015 story's (its visas and travel), or a
 * world of its own: the story's name in English or in the device's language (a scenario's
 * translation names it so).
 */
function storyTier(tier: Tier, c: GameConfig): boolean {
  const label = c.scenario.labels.tiers?.[tier]?.toLowerCase();
  return label === undefined || [inEnglish(STORY_NAME[tier]), t(STORY_NAME[tier])].some((name) => label.startsWith(name.toLowerCase()));
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
  const points = (count: number, key: MessageKey) => (count === 0 ? [] : [t(key, { count })]);
  const travel = storyTier("travel", c) ? undefined : c.scenario.labels.tiers?.travel;
  switch (tier) {
    case "visa":
      return {
        name: t(STORY_NAME.visa),
        shape: "star",
        glyph: "★",
        range: t("feed.tier.range.from", { at: at(c.visaAt) }),
        perks: [...(story ? [t("feed.tier.perk.visas"), t("feed.tier.perk.may-travel")] : []), ...points(c.visaBonusPoints, "feed.tier.perk.bonus")],
        restricted: false,
      };
    case "travel":
      return {
        name: t(STORY_NAME.travel),
        shape: "triangle",
        glyph: "▲",
        range: t("feed.tier.range.between", { low: at(c.travelAt), high: at(c.visaAt - 1) }),
        perks: story ? [t("feed.tier.perk.may-travel-abroad")] : [],
        restricted: false,
      };
    case "standard":
      return {
        name: t(STORY_NAME.standard),
        shape: "circle",
        glyph: "●",
        range: t("feed.tier.range.between", { low: at(c.restrictedBelow), high: at(c.travelAt - 1) }),
        perks:
          c.travelAt <= c.scoreMax
            ? [travel ? t("feed.tier.perk.reach-own", { at: at(c.travelAt), tier: bare(travel) }) : t("feed.tier.perk.reach-permit", { at: at(c.travelAt) })]
            : [],
        restricted: false,
      };
    case "restricted":
      return {
        name: t(STORY_NAME.restricted),
        shape: "square",
        glyph: "■",
        range: t("feed.tier.range.below", { at: at(c.restrictedBelow) }),
        perks: [...(story ? [t("feed.tier.perk.no-travel")] : []), ...points(c.restrictedPenaltyPoints, "feed.tier.perk.slower")],
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

/** The blacklist's glyph, and its name and rules in the device's language, read when drawn. */
export const BLACKLIST_TEXT = {
  glyph: "⊘",
  get name(): string {
    return t("feed.blacklist.name");
  },
  get perks(): string[] {
    return [t("feed.blacklist.perk.blocked"), t("feed.blacklist.perk.lift")];
  },
};

/** What the blacklist means for me, in the scenario's words: "Deactivated: … “Accept every ride offered” takes you off it." */
export function blacklistLine(c: GameConfig): string {
  const name = blacklistName(c);
  const penalty = c.blacklistPenaltyPoints > 0 ? t("feed.blacklist.line.penalty", { count: c.blacklistPenaltyPoints }) : "";
  const own = c.scenario.labels.blacklisted;
  if ((own === undefined || own === inEnglish("feed.blacklist.name")) && c.scenario.labels.actions?.["pay-bill"] === undefined)
    return sentences([t("feed.blacklist.line.story", { name }), penalty]);
  return sentences([t("feed.blacklist.line.blocked", { name }), penalty, t("feed.blacklist.line.lift", { action: actionLabel("pay-bill", c) })]);
}
