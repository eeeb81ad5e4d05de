import { ACTION_NAMES, type ActionName, type GameConfig, type Truth } from "../rules/config.ts";
import { ACTION_TEXT, actionLabel } from "../text/actions.ts";
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
  /** The preset's label it was written for: a finding is shown only beside that label. */
  label: string;
  grade: Truth;
  finding: string;
  sources: SourceId[];
}

const DRIVERS_RATED =
  "Passengers rate drivers from 1 to 5 stars, and a rating below a minimum set city by city gets a driver deactivated (a 2014 San Francisco document said below 4.6).";
const RATED_WORK = (what: string): Omit<Finding, "label"> => ({
  grade: "partly",
  finding: `${DRIVERS_RATED} The sources found do not say how ${what} moves a rating: the stars here are the game's.`,
  sources: ["S57"],
});
const COLLEAGUES: Omit<Finding, "label"> = {
  grade: "disputed",
  finding:
    "A 2015 Facebook patent (from Friendster's portfolio) would judge a loan by the credit of the borrower's friends, with no evidence it was used; nothing found shows a platform rating drivers by their colleagues' ratings.",
  sources: ["S55"],
};
const GAME_ONLY = (why: string): Omit<Finding, "label"> => ({ grade: "game", finding: `The game's own mechanic: ${why}`, sources: [] });

/** The 2015 finding, under a preset's own wording of the same action. */
function as2015(action: ActionName, label: string): Finding {
  const { truth, finding, sources } = ACTION_FACTS.find((a) => a.action === action)!;
  return { label, grade: truth, finding, sources };
}

const PRESET_FINDINGS: Record<string, Partial<Record<ActionName, Finding>>> = {
  "citizen-score-2015": {
    "buy-responsible": as2015("buy-responsible", "Buy nappies and other 'responsible' goods"),
  },
  "rongcheng-pilot": {
    "share-approved": {
      label: "Post about a good deed in the village",
      grade: "myth",
      finding:
        "Village points reward the deeds themselves, logged by official information gatherers (30 points for donating a TV, 2 for helping put up a basketball hoop); no source found gives points for posting about them.",
      sources: ["S38", "S39"],
    },
    "post-opinion": {
      label: "Post a complaint about the village committee",
      grade: "myth",
      finding:
        "No source found shows a deduction for complaining, and Trivium China found no credible evidence of political scoring. Speech is punished in China by censorship and the courts, not by score deductions.",
      sources: ["S47", "S67"],
    },
    "pay-bill": {
      label: "Pay fees and bills on time",
      grade: "real",
      finding: "Rongcheng's published standards deduct 20 points for delaying public-service fees. The game's numbers are its own.",
      sources: ["S36"],
    },
    "default-debt": {
      label: "Ignore a court judgment",
      grade: "real",
      finding:
        "Rongcheng deducts exactly 30 for being sued and found liable for an unpaid debt, and a person who can pay but refuses to carry out a court judgment goes on the court's defaulter list.",
      sources: ["S36", "S31"],
    },
    volunteer: {
      label: "Volunteer or donate blood",
      grade: "real",
      finding:
        "Village schemes give points for volunteering (in Zibo, 1,050 points means AAA and cheaper heating, water and gas), and Nanjing gives blood donors and volunteers a card with 50-60% off public transport. They are local and voluntary.",
      sources: ["S39", "S41"],
    },
    report: {
      label: "Report a neighbour's violation",
      grade: "partly",
      finding:
        "In Rongcheng's villages, officials keep the points, not neighbours. China does pay cash bounties for tips, on product-safety fraud or a debtor's hidden assets: the reward is money, not points.",
      sources: ["S38", "S65", "S66"],
    },
    brag: {
      label: "Share your grade",
      grade: "partly",
      finding:
        "People did show off their scores: a 2015 blog counted nearly 100,000 Sesame scores posted on Weibo. Jeremy Daum calls local point systems mostly a publicity device. No scheme found rewards sharing a grade: the points are the game's.",
      sources: ["S2", "S34"],
    },
  },
  "blacklist-only": {
    "share-approved": {
      label: "Post about your day",
      ...GAME_ONLY("posting changes nothing on the real list, so it changes nothing here; it lets a listed player still act."),
    },
    "post-opinion": { label: "Post about an unfair court case", ...GAME_ONLY("the list punishes ignoring a judgment, not speech; a post costs nothing here.") },
    "buy-games": {
      label: "Buy a plane ticket",
      grade: "real",
      finding: "By July 2019 the court list had blocked about 27.3 million plane-ticket purchases and nearly 6 million train-ticket purchases.",
      sources: ["S29", "S28"],
    },
    "buy-responsible": { label: "Buy groceries", ...GAME_ONLY("everyday spending, which the list does not stop.") },
    "pay-bill": {
      label: "Pay what the court says you owe",
      grade: "real",
      finding: "A defaulter comes off the list once they carry out the judgment; a listing also runs for a limited term (2 years for most grounds).",
      sources: ["S31"],
    },
    "default-debt": {
      label: "Ignore a court judgment",
      grade: "real",
      finding:
        "People are listed for failing to carry out a court judgment, for example able to pay but refusing, not for one missed payment. The list began in 2013 and held 14.5 million people by July 2019.",
      sources: ["S31", "S29"],
    },
    volunteer: { label: "Work an extra shift", ...GAME_ONLY("a way to earn savings; the list does not count it.") },
    report: {
      label: "Report a defaulter's hidden assets",
      grade: "real",
      finding: "A creditor can ask the court to publish a cash bounty for clues to a judgment debtor's hidden assets: the tip is paid in money.",
      sources: ["S66"],
    },
  },
  "ratings-at-work": {
    "share-approved": {
      label: "Post a thank-you to the platform",
      ...GAME_ONLY("no source found says a platform rates drivers for praising it; it stands for pleasing whoever scores you."),
    },
    "post-opinion": {
      label: "Complain about pay in the drivers' forum",
      ...GAME_ONLY("no source found says complaints cost a driver stars; it asks whether a score chills speech."),
    },
    "buy-games": { label: "Decline a long unpaid pickup", ...RATED_WORK("declining a ride") },
    "buy-responsible": { label: "Offer passengers water and a charger", ...RATED_WORK("extras for passengers") },
    "pay-bill": { label: "Accept every ride offered", ...RATED_WORK("accepting every ride") },
    "default-debt": { label: "Skip a shift without notice", ...RATED_WORK("a skipped shift") },
    volunteer: { label: "Take the late-night airport run", ...RATED_WORK("taking an unpopular run") },
    lookup: {
      label: "Check a colleague's rating",
      grade: "partly",
      finding:
        "Peeple (2015) announced star ratings of anyone that anyone could read, with no opt-out; after the backlash it launched opt-in. The sources found do not say drivers can see each other's ratings.",
      sources: ["S58"],
    },
    "friend-request": { label: "Add a colleague", ...COLLEAGUES },
    "accept-friend": { label: ACTION_TEXT["accept-friend"].label, ...COLLEAGUES },
    "decline-friend": { label: ACTION_TEXT["decline-friend"].label, ...COLLEAGUES },
    unfriend: { label: "Drop a colleague", ...COLLEAGUES },
    vouch: {
      label: "Give a colleague a five-star shout-out",
      ...GAME_ONLY("no praise between drivers counts on a real rating; Peeple's recommendations are the nearest echo."),
    },
    report: {
      label: "Leave a colleague a bad review",
      ...GAME_ONLY("on the platforms, passengers rate drivers, not colleagues; Peeple would have let anyone rate anyone."),
    },
    brag: { label: "Post your five-star streak", ...GAME_ONLY("nothing found rewards showing off a rating.") },
    appeal: {
      label: "Dispute a rating",
      grade: "disputed",
      finding:
        "It took a lawsuit to make Uber explain why it deactivates drivers; the sources found do not describe how a driver disputes one rating, or how often it works. The coin toss is the game's.",
      sources: ["S57"],
    },
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
export const AUTHOR_GRADED = "Graded by this scenario's author: the game's sources do not cover this action as worded here.";

/** The finding for an action as this session labels and grades it. */
function findingFor(action: ActionName, label: string, grade: Truth, c: GameConfig): Omit<ActionCard, "action" | "label" | "grade"> {
  const own = PRESET_FINDINGS[c.scenario.id]?.[action];
  if (own && own.label === label && own.grade === grade) return { finding: own.finding, sources: own.sources };
  const base = ACTION_FACTS.find((a) => a.action === action)!;
  if (label === ACTION_TEXT[action].label && base.truth === grade) return { finding: base.finding, sources: base.sources };
  return { finding: null, sources: [] };
}

/** One card per action the session offers: its own label, its grade, and a finding that matches both. */
export function actionCards(c: GameConfig): ActionCard[] {
  return ACTION_NAMES.filter((a) => c.actions[a].enabled).map((action) => {
    const label = actionLabel(action, c);
    const grade = c.actions[action].truth;
    return { action, label, grade, ...findingFor(action, label, grade, c) };
  });
}
