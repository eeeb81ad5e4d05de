import { ACTION_NAMES, DEFAULT_CONFIG, type ActionName, type ActionConfig } from "../rules/config.ts";

/**
 * The debrief's "real vs myth" panel, from GAME.md. Sources are named as GAME.md names them;
 * where it names none for a line, the item says so rather than borrowing one.
 */
export type Verdict = "real" | "myth" | "partly-real" | "correction" | "analogue";

export interface Fact {
  id: string;
  /** What the 2015 source text or the game claims. */
  claim: string;
  verdict: Verdict;
  /** What the sources say happened. */
  finding: string;
  sources: string[];
}

export const SOURCE_TEXT =
  "A 2015 civil-liberties blog post about \"citizen scores\" (a 350-950 score tied to ID; political posts and friends' posts lower it; anyone can look anyone up; shopping and hobbies count; 700 and 750 unlock travel privileges; people brag about scores). A later note on it says the reporting it relied on was disputed.";

export const FACTS: Fact[] = [
  {
    id: "sesame-credit",
    claim: "A national citizen score from 350 to 950.",
    verdict: "partly-real",
    finding: "Sesame (Zhima) Credit was a private Ant Financial product launched 28 Jan 2015 with a 350-950 range. It was never licensed as a credit bureau; Baihang Credit was licensed in 2018.",
    sources: [],
  },
  {
    id: "travel-thresholds",
    claim: "700 and 750 unlock travel privileges.",
    verdict: "partly-real",
    finding: "The 700/750 thresholds were real, but for commercial visa fast-tracks: 700 for Singapore and 750 for Luxembourg in 2015, 750 for Japan in 2017.",
    sources: ["Jing Daily (2015)", "ECNS (2017)"],
  },
  {
    id: "posts-and-shopping",
    claim: "Political posts, friends' posts and buying video games lower the score.",
    verdict: "myth",
    finding: "The company said social posts do not count. \"Video games = idle person\" was an executive's example, not a documented rule.",
    sources: ["Rolling Stone", "BBC"],
  },
  {
    id: "defaulter-blacklist",
    claim: "A blacklist that stops people from travelling.",
    verdict: "real",
    finding: "The court judgment-defaulter blacklist, from 2013: 14.5 million people and 27.3 million blocked plane tickets by July 2019. It is a list, separate from any score.",
    sources: ["Shanghai Daily"],
  },
  {
    id: "local-pilots",
    claim: "Points for good and bad conduct.",
    verdict: "real",
    finding: "Local point pilots such as Rongcheng graded residents from A, AA and AAA down to D, with deductions such as -100 for damaging public utilities. They were local, not one national score.",
    sources: ["China Law Translate"],
  },
  {
    id: "universal-score",
    claim: "One universal score for every citizen.",
    verdict: "correction",
    finding: "MERICS (2017) describes a system mostly about market regulation of companies; Wired (2019) explains \"How the West Got China's Social Credit System Wrong\"; Jeremy Daum writes on the myth of a universal score. A national law was still only a draft in 2022.",
    sources: ["MERICS (2017)", "Wired (2019), \"How the West Got China's Social Credit System Wrong\"", "Jeremy Daum, China Law Translate"],
  },
  {
    id: "no-fly-list",
    claim: "Only China blacklists travellers.",
    verdict: "analogue",
    finding: "The US No Fly List blocks travel, and a court found its process for contesting a listing inadequate.",
    sources: ["Latif v. Holder"],
  },
  {
    id: "credit-in-immigration",
    claim: "Only China ties a score to crossing borders.",
    verdict: "analogue",
    finding: "A 2018 US Department of Homeland Security proposal would weigh credit scores in immigration vetting.",
    sources: ["DHS 2018 proposal"],
  },
  {
    id: "friends-credit",
    claim: "Your friends' scores pull yours (the game's guilt by association).",
    verdict: "analogue",
    finding: "Facebook patented lending decisions based on the credit of a borrower's friends; an insurer's plan to price cover by Facebook posts was blocked in 2016.",
    sources: ["Facebook patent on lending by friends' credit", "Insurer pricing by Facebook posts (blocked 2016)"],
  },
  {
    id: "ratings-thresholds",
    claim: "A score threshold decides who may work or be trusted.",
    verdict: "analogue",
    finding: "Ride-hailing platforms deactivate drivers whose ratings fall below a threshold; Peeple (2015) set out to let anyone rate anyone.",
    sources: ["Ride-hailing deactivation thresholds", "Peeple (2015)"],
  },
];

export interface ActionFact {
  action: ActionName;
  /** The label the game's config gives it: "game" for mechanics that imitate nothing. */
  truth: ActionConfig["truth"];
  finding: string;
  sources: string[];
}

const ACTION_FINDINGS: Record<ActionName, Omit<ActionFact, "action" | "truth">> = {
  "share-approved": { finding: "Sesame Credit said social posts do not count, so approved posts earn nothing in it.", sources: ["Rolling Stone", "BBC"] },
  "post-opinion": { finding: "Sesame Credit said social posts do not count; the claim that opinions cost you and your friends came from the disputed 2015 reporting.", sources: ["Rolling Stone", "BBC"] },
  "buy-games": { finding: "\"Video games = idle person\" was an executive's example, not a documented rule.", sources: ["Rolling Stone", "BBC"] },
  "buy-responsible": { finding: "Rewards for \"responsible\" shopping come from the same executive's example, not a documented rule.", sources: ["Rolling Stone", "BBC"] },
  "pay-bill": { finding: "Paying what you owe is what credit scores measure; the real blacklist lists people who did not pay court judgments.", sources: ["Shanghai Daily"] },
  "default-debt": { finding: "The court judgment-defaulter blacklist is real: 14.5 million people and 27.3 million blocked plane tickets by July 2019.", sources: ["Shanghai Daily"] },
  volunteer: { finding: "Local point pilots such as Rongcheng graded residents' conduct, adding and deducting points.", sources: ["China Law Translate"] },
  lookup: { finding: "Public ratings of people exist in the West too: Peeple (2015) set out to let anyone rate anyone.", sources: ["Peeple (2015)"] },
  "friend-request": { finding: "A game mechanic. Research on network-based credit scoring finds it makes people choose ties by score.", sources: ["Wei et al. 2016"] },
  "accept-friend": { finding: "A game mechanic. Research on network-based credit scoring finds it makes people choose ties by score.", sources: ["Wei et al. 2016"] },
  "decline-friend": { finding: "A game mechanic. Research on network-based credit scoring finds it makes people choose ties by score.", sources: ["Wei et al. 2016"] },
  unfriend: { finding: "A game mechanic. Network-based credit scoring makes people cut ties and cluster by score.", sources: ["Wei et al. 2016"] },
  vouch: { finding: "No documented Chinese score pays you for vouching; the nearest real thing is Facebook's patent on lending by friends' credit.", sources: ["Facebook patent on lending by friends' credit"] },
  report: { finding: "No documented national score rewards citizens for reporting each other; the corrections describe mostly the regulation of companies.", sources: ["MERICS (2017)", "Wired (2019)"] },
  brag: { finding: "The 2015 text says people brag about their scores; no documented score rewards it.", sources: [] },
  appeal: { finding: "Being listed with no real way to contest it was the problem in the US No Fly List case.", sources: ["Latif v. Holder"] },
};

/** Every action with its real/myth label from the config and what the sources say. */
export const ACTION_FACTS: ActionFact[] = ACTION_NAMES.map((action) => ({ action, truth: DEFAULT_CONFIG.actions[action].truth, ...ACTION_FINDINGS[action] }));
