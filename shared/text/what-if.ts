import { formatNumber, t } from "../i18n/index.ts";
import type { ConfigChanges, Counterfactual, HeldRule } from "../replay/counterfactual.ts";
import type { GameConfig } from "../rules/config.ts";
import { lower, settingNow } from "./live.ts";
import { nameList } from "./words.ts";

/** The other world's rules in a few words: "friend weight 0 · no blacklist". */
export function worldLabel(changes: ConfigChanges): string {
  const parts: string[] = [];
  if (changes.friendWeight !== undefined) parts.push(t("replay.whatif.label.weight", { weight: formatNumber(changes.friendWeight) }));
  if (changes.noBlacklist) parts.push(t("replay.whatif.label.no-blacklist"));
  else if (changes.blacklistOnDefault === false) parts.push(t("replay.whatif.label.default-free"));
  const report = changes.actions?.report?.self;
  if (report !== undefined) parts.push(t("replay.whatif.label.report", { points: report }));
  const opinion = changes.actions?.["post-opinion"]?.self;
  if (opinion !== undefined) parts.push(t("replay.whatif.label.opinion", { points: -opinion }));
  return parts.join(" · ");
}

/** What a re-run says beside its result. */
export interface WhatIfText {
  /** One plain sentence: what the re-run held fixed. */
  fixed: string;
  /** What it left out, or cannot know. */
  caveats: string[];
  /** "Only the rules changed", where that is true; otherwise null. */
  onlyRules: string | null;
}

type Result = Pick<Counterfactual, "refused" | "letLaterChanges" | "held" | "blacklist" | "luck" | "config">;

/** "1 planned change, 1 vote result and 2 by the facilitator". */
function laterChanges(h: HeldRule): string {
  const parts = [
    h.planned ? t("replay.whatif.later.planned", { n: h.planned }) : "",
    h.voted ? t("replay.whatif.later.voted", { n: h.voted }) : "",
    h.byHand ? t("replay.whatif.later.by-hand", { n: h.byHand }) : "",
  ].filter(Boolean);
  return nameList(parts, parts.length);
}

function ruleName(setting: string, c: GameConfig): string {
  return lower(settingNow(setting, 0, c).label);
}

/** Appeals are carried to the deduction they judged; where it never happened, the appeal is left out, and said so. */
function refusedChoices(refused: Result["refused"]): string {
  const appeals = refused.byCode["nothing-to-appeal"] ?? 0;
  if (appeals === 0) return t("replay.whatif.refused.actions", { n: refused.actions });
  if (appeals === refused.actions) return t("replay.whatif.refused.all-appeals", { n: refused.actions });
  return t("replay.whatif.refused.some-appeals", { n: refused.actions, appeals });
}

/**
 * The sentences a class reads beside a what-if: what was held fixed, what the re-run dropped
 * or cannot know, and "only the rules changed" only where every recorded choice was possible
 * there, nothing was left out, and luck fell the same way.
 */
export function whatIfText(result: Result, label: string): WhatIfText {
  const keyed = result.luck === "keyed";
  const moved = result.held.filter((h) => h.planned + h.voted + h.byHand > 0);
  const span = result.letLaterChanges && moved.length === 0 ? "never" : result.letLaterChanges ? "until" : "whole";
  const fixed = t("replay.whatif.fixed", { label, span, luck: keyed ? "keyed" : "stream" });
  const caveats: string[] = [];
  for (const h of moved) {
    const params = { rule: ruleName(h.setting, result.config), changes: laterChanges(h) };
    caveats.push(t(result.letLaterChanges ? "replay.whatif.caveat.let-through" : "replay.whatif.caveat.held", params));
  }
  const { refused } = result;
  if (refused.actions > 0) caveats.push(refusedChoices(refused));
  if (refused.joins > 0) caveats.push(t("replay.whatif.caveat.joins", { n: refused.joins }));
  if (refused.facilitator > 0) caveats.push(t("replay.whatif.caveat.facilitator", { n: refused.facilitator }));
  const b = result.blacklist;
  if (b)
    caveats.push(
      t(b.pointsLost > 0 ? "replay.whatif.caveat.no-blacklist-points" : "replay.whatif.caveat.no-blacklist", { n: b.blacklistings, points: b.pointsLost }),
    );
  if (!keyed) caveats.push(t("replay.whatif.caveat.stream-luck"));
  caveats.push(t("replay.whatif.caveat.choices"));
  const clean = keyed && refused.actions === 0 && refused.joins === 0 && refused.facilitator === 0 && (!b || (b.blacklistings === 0 && b.pointsLost === 0));
  const onlyRules = clean ? t("replay.whatif.only-rules") : null;
  return { fixed, caveats, onlyRules };
}
