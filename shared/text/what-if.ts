import type { ConfigChanges, Counterfactual, HeldRule } from "../replay/counterfactual.ts";
import type { GameConfig } from "../rules/config.ts";
import { lower, settingNow } from "./live.ts";
import { nameList, plural } from "./words.ts";

/** The other world's rules in a few words: "friend weight 0 · no blacklist". */
export function worldLabel(changes: ConfigChanges): string {
  const parts: string[] = [];
  if (changes.friendWeight !== undefined) parts.push(`friend weight ${changes.friendWeight}`);
  if (changes.noBlacklist) parts.push("no blacklist");
  else if (changes.blacklistOnDefault === false) parts.push("defaulting does not blacklist");
  const report = changes.actions?.report?.self;
  if (report !== undefined) parts.push(`reporting pays ${report}`);
  const opinion = changes.actions?.["post-opinion"]?.self;
  if (opinion !== undefined) parts.push(`an own opinion costs ${-opinion}`);
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
    h.planned ? plural(h.planned, "planned change") : "",
    h.voted ? plural(h.voted, "vote result") : "",
    h.byHand ? `${h.byHand} by the facilitator` : "",
  ].filter(Boolean);
  return nameList(parts, parts.length);
}

function ruleName(setting: string, c: GameConfig): string {
  return lower(settingNow(setting, 0, c).label);
}

/** Appeals are carried to the deduction they judged; where it never happened, the appeal is left out, and said so. */
function appealsLeftOut(refused: Result["refused"]): string {
  const n = refused.byCode["nothing-to-appeal"] ?? 0;
  if (n === 0) return "";
  const all = n === refused.actions;
  const who = n === 1 ? "an appeal of a deduction" : "appeals of deductions";
  return all
    ? ` (${n === 1 ? "it is" : "all are"} ${who} that never happened here)`
    : ` (${n} of them ${n === 1 ? "an appeal of a deduction" : "appeals of deductions"} that never happened here)`;
}

/**
 * The sentences a class reads beside a what-if: what was held fixed, what the re-run dropped
 * or cannot know, and "only the rules changed" only where every recorded choice was possible
 * there, nothing was left out, and luck fell the same way.
 */
export function whatIfText(result: Result, label: string): WhatIfText {
  const keyed = result.luck === "keyed";
  const moved = result.held.filter((h) => h.planned + h.voted + h.byHand > 0);
  const span =
    result.letLaterChanges && moved.length === 0
      ? ""
      : result.letLaterChanges
        ? " until the recorded session changed it (later changes let through)"
        : " for the whole session";
  const fixed = `Held fixed: ${label}${span}, every recorded choice at its recorded moment${keyed ? ", and the luck of each audit and appeal wherever its subject still exists" : ""}.`;
  const caveats: string[] = [];
  for (const h of moved) {
    const what = `The recorded session changed ${ruleName(h.setting, result.config)} later (${laterChanges(h)})`;
    caveats.push(result.letLaterChanges ? `${what}: those changes happen here too.` : `${what}: left out here, where it stays as set.`);
  }
  const { refused } = result;
  if (refused.actions > 0)
    caveats.push(
      `${plural(refused.actions, "recorded choice")} could not be made under these rules and ${refused.actions === 1 ? "is" : "are"} left out${appealsLeftOut(refused)}.`,
    );
  if (refused.joins > 0) caveats.push(`${plural(refused.joins, "player")} could not join here, so everything they did is left out.`);
  if (refused.facilitator > 0)
    caveats.push(`${plural(refused.facilitator, "facilitator command")} could not happen here and ${refused.facilitator === 1 ? "is" : "are"} left out.`);
  const b = result.blacklist;
  if (b) {
    const points = b.pointsLost > 0 ? `, and the ${plural(b.pointsLost, "action point")} blacklisted players lost to it are not lost here` : "";
    caveats.push(
      `Nobody is blacklisted here: ${plural(b.blacklistings, "blacklisting")} of the recorded session did not happen${points}. Choices that blacklisted players were stopped from making are not invented: the other world keeps only what people did.`,
    );
  }
  if (!keyed)
    caveats.push(
      "This session was recorded under rules version 2, which drew all luck from one sequence: once the two worlds differ, audits and appeals may draw differently, so part of any difference is luck.",
    );
  caveats.push("How people would have chosen under other rules cannot be known: the re-run keeps what they did.");
  const clean = keyed && refused.actions === 0 && refused.joins === 0 && refused.facilitator === 0 && (!b || (b.blacklistings === 0 && b.pointsLost === 0));
  const onlyRules = clean ? "Only the rules changed: every recorded choice was possible here too, and luck fell the same way." : null;
  return { fixed, caveats, onlyRules };
}
