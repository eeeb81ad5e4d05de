import { ACTION_NAMES, DEFAULT_CONFIG, type ActionName, type Truth } from "../rules/config.ts";
import type { SourceId } from "./sources.ts";

/**
 * The debrief's "real or myth" panel, graded from shared/design/SOURCES.md (which is more careful
 * than GAME.md where they differ). Each card says only what its sources support: a mechanism the
 * game changes is "partly" real, a claim resting on one executive's example is "disputed".
 */
export type Grade = Exclude<Truth, "game">;

export const GRADE_LABEL: Record<Truth, string> = {
  real: "Real",
  partly: "Partly real",
  disputed: "Disputed",
  myth: "Myth",
  game: "Game mechanic",
};

export interface Fact {
  id: string;
  /** Where the claim comes from: the 2015 story, the game's own rules and events, or the West. */
  kind: "claim" | "rule" | "analogue";
  /** What the 2015 source text or the game claims. */
  claim: string;
  grade: Grade;
  /** What the sources say happened. */
  finding: string;
  sources: SourceId[];
}

export const SOURCE_TEXT =
  "A 2015 civil-liberties blog post about “citizen scores” (a 350-950 score tied to ID; political posts and friends' posts lower it; anyone can look anyone up; shopping and hobbies count; 700 and 750 unlock travel privileges; people brag about scores).";

/** The caution the source text itself added, said wherever the game ends (projector, replay and phones). */
export const DISPUTED_NOTE =
  "This game is built on a 2015 blog post about “citizen scores”. On 8 Oct 2015 its author added that questions had been raised about the accuracy of the reporting he relied on; experts later found much of it wrong.";
export const DISPUTED_SOURCES: SourceId[] = ["S1", "S4", "S43"];

export const FACTS: Fact[] = [
  {
    id: "sesame-credit",
    kind: "claim",
    claim: "One national score from 350 to 950, tied to your ID.",
    grade: "partly",
    finding:
      "The game merges two systems. 350-950 was the range of Sesame (Zhima) Credit, a private, opt-in score from Ant Financial that started in beta in January 2015. The state's system is mainly blacklists keyed to ID numbers, not a score. Sesame Credit itself never received a personal credit-reporting licence; Baihang Credit, of which it owns 8%, was licensed in February 2018, and Ant-backed Qiantang Credit in November 2024.",
    sources: ["S7", "S22", "S29", "S25", "S27"],
  },
  {
    id: "travel-thresholds",
    kind: "claim",
    claim: "700 and 750 unlock travel privileges.",
    grade: "partly",
    finding:
      "The numbers were real, but for a paperwork shortcut on commercial visa applications, not a travel permit: in 2015 Singapore accepted a Sesame score of 700+ instead of proof of assets, and Luxembourg asked for 750+ (reports of Luxembourg's line vary from 700 to 750); in 2017 Japan used 750. Sesame did not hand out visas.",
    sources: ["S12", "S13", "S14", "S4"],
  },
  {
    id: "posts",
    kind: "claim",
    claim: "Political posts, and your friends' posts, lower your score.",
    grade: "myth",
    finding:
      "Sesame's spokesperson said it tracks only financial and consumption activities and that social media posts do not affect scores; Trivium China found no credible evidence of political scoring. Speech is punished in China, but by censorship and the courts, not by score deductions.",
    sources: ["S18", "S20", "S47"],
  },
  {
    id: "shopping",
    kind: "claim",
    claim: 'Buying video games lowers the score; "responsible" goods raise it.',
    grade: "disputed",
    finding:
      "It rests on one executive's example: Sesame's Li Yingyun told Caixin that someone playing video games ten hours a day might be rated idle, and a frequent buyer of nappies more responsible. Shopping habits were a real Sesame input, but no published rule or point value exists, and Wired lists \"too many video games\" among the West's misreports.",
    sources: ["S17", "S18", "S11", "S43"],
  },
  {
    id: "friends",
    kind: "claim",
    claim: "Your friends' scores pull yours (the game's guilt by association).",
    grade: "disputed",
    finding:
      "A Sesame executive said friends' credit matters, and a 2015 description lists social networks among Sesame's five inputs. There is no evidence that the state's system scores friendships. The real spillover is through family: defaulters' children are barred from expensive schools.",
    sources: ["S16", "S10", "S32"],
  },
  {
    id: "lookup",
    kind: "claim",
    claim: "Anyone can look up anyone's score.",
    grade: "partly",
    finding:
      "In China you may not see someone else's credit report without their written consent, and Sesame says it shares scores only with consent. What is real: every query is listed on the report, so people can see who looked (as in the US), and the court blacklist is public and searchable by name.",
    sources: ["S60", "S20", "S61", "S33"],
  },
  {
    id: "defaulter-blacklist",
    kind: "claim",
    claim: "A blacklist that stops people from travelling.",
    grade: "real",
    finding:
      "The court judgment-defaulter blacklist, from 2013: 14.5 million people listed and 27.3 million plane-ticket purchases blocked by July 2019. People are listed for not carrying out a court judgment (for example able to pay but refusing), not for one missed payment; it is a list, separate from any score.",
    sources: ["S29", "S28", "S31"],
  },
  {
    id: "local-pilots",
    kind: "claim",
    claim: "Points for good and bad conduct.",
    grade: "real",
    finding:
      "Local pilots such as Rongcheng's grade residents from AAA down to D, with listed deductions such as -100 for destroying public water, gas, power or phone equipment; villages elsewhere give points for volunteering. They are local, and most residents can ignore them.",
    sources: ["S35", "S36", "S39", "S34"],
  },
  {
    id: "universal-score",
    kind: "claim",
    claim: "One universal score for every citizen.",
    grade: "myth",
    finding:
      'Experts found no national citizen score. MERICS (2017) describes a state data system of rewards and punishments split into local experiments, while warning of its power to surveil; Wired (2019) explains how the West got it wrong; Jeremy Daum warns against chasing "systems that don\'t exist, like the universal score". A national law was still a draft in 2022.',
    sources: ["S42", "S43", "S44", "S50", "S51"],
  },
  {
    id: "topic-ban",
    kind: "rule",
    claim: "Punished for posts on a topic banned after you posted.",
    grade: "myth",
    finding:
      'No evidence of scores changed after the fact. The nearest real thing is platform censorship: in 2018 Sina Weibo punished 1,532 accounts for "harmful information", and one banned commentator said he had not posted anything recently. That is censorship, outside any score.',
    sources: ["S67"],
  },
  {
    id: "audits",
    kind: "rule",
    claim: "Random audits that deduct points.",
    grade: "partly",
    finding:
      '"Double random" inspections pick about 5% of businesses a year at random, and the results go into their credit records. Nothing comparable was found for individuals.',
    sources: ["S63", "S48"],
  },
  {
    id: "blacklist-shock",
    kind: "rule",
    claim: "Blacklisted without warning.",
    grade: "real",
    finding:
      'The journalist Liu Hu found out "without any notice" that he had been blacklisted. The case behind it was a civil defamation suit, not a low score; with 14.5 million people listed by 2019, such surprises are plausible.',
    sources: ["S64", "S46", "S29"],
  },
  {
    id: "top-players-vote",
    kind: "rule",
    claim: "The top scorers vote on the rules.",
    grade: "myth",
    finding: "The rules are issued by government: the 2022 draft Social Credit law was opened to public comment from anyone, not put to a vote of top scorers.",
    sources: ["S51"],
  },
  {
    id: "no-fly-list",
    kind: "analogue",
    claim: "Only China blacklists travellers.",
    grade: "real",
    finding:
      "The US No Fly List blocked travel, and in 2014 a federal court found its redress process unconstitutional: no reasons given and no meaningful way to contest a listing.",
    sources: ["S53"],
  },
  {
    id: "credit-in-immigration",
    kind: "analogue",
    claim: "Only China ties a score to crossing borders.",
    grade: "real",
    finding: "A US Department of Homeland Security proposal of 2018 weighed credit reports and scores for green-card applicants; consumer advocates objected.",
    sources: ["S54", "S54n"],
  },
  {
    id: "friends-credit",
    kind: "analogue",
    claim: "Your friends' credit decides yours.",
    grade: "partly",
    finding:
      "Facebook was granted a patent in 2015, from the Friendster portfolio, on checking the average credit rating of a borrower's friends; there is no evidence it was used. An insurer's plan to price car cover from Facebook posts was blocked by Facebook in 2016, hours before launch.",
    sources: ["S55", "S56"],
  },
  {
    id: "ratings-thresholds",
    kind: "analogue",
    claim: "A rating threshold decides who may work.",
    grade: "real",
    finding:
      "Ride-hailing platforms deactivate drivers with low ratings; the threshold is set city by city (a 2014 San Francisco document said below 4.6). Peeple (2015) announced star ratings of anyone with no opt-out; after the backlash it launched opt-in.",
    sources: ["S57", "S58"],
  },
];

export interface ActionFact {
  action: ActionName;
  /** The grade the default rules give it (one place: DEFAULT_CONFIG); "game" for mechanics that imitate nothing. */
  truth: Truth;
  finding: string;
  sources: SourceId[];
}

const FRIENDS = {
  finding:
    "Disputed: Sesame listed social networks among its inputs and an executive said friends' credit matters, but nothing shows the state scoring friendships. Choosing friends by score is the game's question.",
  sources: ["S16", "S10", "S55"],
} satisfies Omit<ActionFact, "action" | "truth">;

const ACTION_FINDINGS: Record<ActionName, Omit<ActionFact, "action" | "truth">> = {
  "share-approved": {
    finding:
      "No scoring system rewards sharing approved content; Sesame said posts do not count. The nearest real thing is the Party's study app, which gives points for reading and quizzes, apart from any credit score.",
    sources: ["S18", "S47", "S59"],
  },
  "post-opinion": {
    finding:
      "Sesame said posts do not count and Trivium found no credible evidence of political scoring; nothing at all supports the cost to friends. Speech is punished by censorship and courts, not scores.",
    sources: ["S18", "S20", "S47"],
  },
  "buy-games": {
    finding:
      "Rests only on one executive's example (\"ten hours a day\" of games might mean idle); Sesame's official line was financial and consumption activity, with no published rule or points.",
    sources: ["S17", "S18", "S43"],
  },
  "buy-responsible": {
    finding:
      "Shopping habits were a real Sesame input, but the nappies example comes from the same executive; no published rule, and no government scheme does this.",
    sources: ["S17", "S11"],
  },
  "pay-bill": {
    finding:
      "Paying utility bills on time counts in Sesame, Rongcheng deducts 20 for late public-service fees, and ordinary credit reports work the same way. The points are the game's.",
    sources: ["S6", "S11", "S36"],
  },
  "default-debt": {
    finding:
      "Rongcheng deducts exactly 30 for being sued and found liable for an unpaid debt. The court blacklist, though, lists people who fail to carry out a judgment (able to pay but refusing), not everyone who misses a payment.",
    sources: ["S36", "S31", "S29"],
  },
  volunteer: {
    finding: "Local pilots reward volunteering with points or discount cards (Zibo villages, Nanjing); they are local and voluntary, with no national rule.",
    sources: ["S39", "S41", "S35"],
  },
  lookup: {
    finding:
      "You may not see another person's credit report without their written consent; but every query is listed on the report, so people do learn who looked, and the court blacklist is public.",
    sources: ["S60", "S61", "S62"],
  },
  "friend-request": FRIENDS,
  "accept-friend": FRIENDS,
  "decline-friend": FRIENDS,
  unfriend: FRIENDS,
  vouch: {
    finding:
      'Standing guarantor for a loan carries credit risk (Rongcheng deducts 20 for a breached guarantee); no "vouching points" exist. Peeple\'s recommendations are a Western echo.',
    sources: ["S36", "S58"],
  },
  report: {
    finding:
      "China pays cash bounties for tips, on product-safety fraud or a debtor's hidden assets; the reward is money, not points, and village point-keepers are officials, not neighbours.",
    sources: ["S65", "S66", "S38"],
  },
  brag: {
    finding:
      "People did show off their Sesame scores (a 2015 blog counted nearly 100,000 posted on Weibo), and Sesame was tested with a dating site. No score rewards bragging: the points are the game's.",
    sources: ["S2", "S69", "S7"],
  },
  appeal: {
    finding:
      "Procedures exist: errors on a credit report can be objected to, and defaulters come off the blacklist once they comply. How well they work is contested: Liu Hu was listed without notice, and the US No Fly redress was ruled inadequate.",
    sources: ["S68", "S31", "S64", "S53"],
  },
};

/** Every action with the grade the default rules give it and what the sources say. */
export const ACTION_FACTS: ActionFact[] = ACTION_NAMES.map((action) => ({ action, truth: DEFAULT_CONFIG.actions[action].truth, ...ACTION_FINDINGS[action] }));
