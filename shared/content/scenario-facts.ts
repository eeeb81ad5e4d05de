import { currentLocale, inEnglish, isMessageKey, t } from "../i18n/index.ts";
import { ACTION_NAMES, type ActionName, type GameConfig, type Truth } from "../rules/config.ts";
import { presetById } from "../scenarios/presets.ts";
import { localizeScenario } from "../scenarios/translations.ts";
import { actionLabel } from "../text/actions.ts";
import { ACTION_FACTS } from "./real-vs-myth.ts";
import type { SourceId } from "./sources.ts";

/**
 * Real or myth for the actions of the session at hand. A scenario renames the 2015 actions
 * ("Buy video games" is "Decline a long unpaid pickup" at work), so the 2015 findings fit only
 * the 2015 labels; each preset has its own findings for the actions it renames or grades
 * otherwise, written from shared/design/SOURCES.md for what the button now means.
 */
export interface ActionCard {
  action: ActionName;
  /** The session's own button label. */
  label: string;
  /** The grade the session's rules give it. */
  grade: Truth;
  /** What the sources say, graded as `grade`; null where the game's sources do not cover it (a scenario's own action). */
  finding: string | null;
  sources: SourceId[];
}

interface Finding {
  /** The preset's own label it was written for, as its file says it in English (none: the action's default label); a finding is shown only beside that label. */
  label?: string;
  grade: Truth;
  sources: SourceId[];
  /** The finding's catalog key under `preset.<scenario>.`, where several actions share one (default: the action's name). */
  text?: string;
}

const RATED_WORK: Omit<Finding, "label"> = { grade: "partly", sources: ["S57"] };
const COLLEAGUES: Omit<Finding, "label"> = { grade: "disputed", sources: ["S55"], text: "colleagues" };
const GAME_ONLY: Omit<Finding, "label"> = { grade: "game", sources: [] };

/**
 * Each preset's findings for the actions it renames or grades otherwise; the words are the
 * `content` catalog's `preset.<scenario>.<action>`, or the 2015 finding where `as2015` is set.
 */
/** The 2015 finding, under a preset's own wording of the same action. */
type As2015 = { label: string; as2015: true };

const PRESET_FINDINGS: Record<string, Partial<Record<ActionName, Finding | As2015>>> = {
  "citizen-score-2015": {
    "buy-responsible": { label: "Buy nappies and other 'responsible' goods", as2015: true },
  },
  "rongcheng-pilot": {
    "share-approved": { label: "Post about a good deed in the village", grade: "myth", sources: ["S38", "S39"] },
    "post-opinion": { label: "Post a complaint about the village committee", grade: "myth", sources: ["S47", "S67"] },
    "pay-bill": { label: "Pay fees and bills on time", grade: "real", sources: ["S36"] },
    "default-debt": { label: "Ignore a court judgment", grade: "real", sources: ["S36", "S31"] },
    volunteer: { label: "Volunteer or donate blood", grade: "real", sources: ["S39", "S41"] },
    report: { label: "Report a neighbour's violation", grade: "partly", sources: ["S38", "S65", "S66"] },
    brag: { label: "Share your grade", grade: "partly", sources: ["S2", "S34"] },
  },
  "blacklist-only": {
    "share-approved": { label: "Post about your day", ...GAME_ONLY },
    "post-opinion": { label: "Post about an unfair court case", ...GAME_ONLY },
    "buy-games": { label: "Buy a plane ticket", grade: "real", sources: ["S29", "S28"] },
    "buy-responsible": { label: "Buy groceries", ...GAME_ONLY },
    "pay-bill": { label: "Pay what the court says you owe", grade: "real", sources: ["S31"] },
    "default-debt": { label: "Ignore a court judgment", grade: "real", sources: ["S31", "S29"] },
    volunteer: { label: "Work an extra shift", ...GAME_ONLY },
    report: { label: "Report a defaulter's hidden assets", grade: "real", sources: ["S66"] },
  },
  "ratings-at-work": {
    "share-approved": { label: "Post a thank-you to the platform", ...GAME_ONLY },
    "post-opinion": { label: "Complain about pay in the drivers' forum", ...GAME_ONLY },
    "buy-games": { label: "Decline a long unpaid pickup", ...RATED_WORK },
    "buy-responsible": { label: "Offer passengers water and a charger", ...RATED_WORK },
    "pay-bill": { label: "Accept every ride offered", ...RATED_WORK },
    "default-debt": { label: "Skip a shift without notice", ...RATED_WORK },
    volunteer: { label: "Take the late-night airport run", ...RATED_WORK },
    lookup: { label: "Check a colleague's rating", grade: "partly", sources: ["S58"] },
    "friend-request": { label: "Add a colleague", ...COLLEAGUES },
    "accept-friend": COLLEAGUES,
    "decline-friend": COLLEAGUES,
    unfriend: { label: "Drop a colleague", ...COLLEAGUES },
    vouch: { label: "Give a colleague a five-star shout-out", ...GAME_ONLY },
    report: { label: "Leave a colleague a bad review", ...GAME_ONLY },
    brag: { label: "Post your five-star streak", ...GAME_ONLY },
    appeal: { label: "Dispute a rating", grade: "disputed", sources: ["S57"] },
  },
};

/** Each preset's sources, as the scenario card lists them; uploaded scenarios show their own text. */
export const PRESET_SOURCES: Record<string, SourceId[]> = {
  "citizen-score-2015": ["S1", "S4", "S6", "S7", "S12", "S18", "S42", "S43"],
  "rongcheng-pilot": ["S34", "S35", "S36", "S44", "S42"],
  "blacklist-only": ["S29", "S31", "S44", "S53"],
  "ratings-at-work": ["S57", "S58", "Salganik2006"],
  "free-play": ["S1", "S4"],
};

/** What stands where a scenario's own wording of an action has no finding from the game's sources. */
export function authorGraded(): string {
  return t("content.author-graded");
}

/**
 * The English label a session's label stands for: a preset's own wording, as its file writes it
 * or translates it (a screen shows a config in its own language), or the default label in
 * English or in this device's language; otherwise the label itself (a scenario's own words).
 */
function englishLabel(action: ActionName, label: string | undefined, c: GameConfig): string | undefined {
  const preset = presetById(c.scenario.id);
  const written = preset?.labels.actions?.[action];
  if (preset && label !== undefined && label === localizeScenario(preset, currentLocale()).labels.actions?.[action]) return written;
  if (label === t(`feed.action.${action}`)) return undefined;
  return label;
}

/** The finding for an action as this session labels and grades it. */
function findingFor(action: ActionName, grade: Truth, c: GameConfig): Omit<ActionCard, "action" | "label" | "grade"> {
  const label = englishLabel(action, c.scenario.labels.actions?.[action], c);
  const base = ACTION_FACTS.find((a) => a.action === action)!;
  const own = PRESET_FINDINGS[c.scenario.id]?.[action];
  if (own && "as2015" in own) {
    if (own.label === label && base.truth === grade) return { finding: base.finding, sources: base.sources };
  } else if (own && own.label === label && own.grade === grade) {
    const key = `content.preset.${c.scenario.id}.${own.text ?? action}`;
    return { finding: isMessageKey(key) ? t(key) : null, sources: own.sources };
  }
  if ((label === undefined || label === inEnglish(`feed.action.${action}`)) && base.truth === grade) return { finding: base.finding, sources: base.sources };
  return { finding: null, sources: [] };
}

/** One card per action the session offers: its own label, its grade, and a finding that matches both. */
export function actionCards(c: GameConfig): ActionCard[] {
  return ACTION_NAMES.filter((a) => c.actions[a].enabled).map((action) => {
    const grade = c.actions[action].truth;
    return { action, label: actionLabel(action, c), grade, ...findingFor(action, grade, c) };
  });
}
