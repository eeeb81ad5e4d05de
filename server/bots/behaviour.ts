import type { ActionName } from "../../shared/rules/config.ts";
import type { ActMessage } from "../../shared/messages/messages.ts";

export const PROFILES = ["conformist", "dissenter", "strategist", "random"] as const;
export type Profile = (typeof PROFILES)[number];

/** What a bot can see: the public state as its client decoded it, plus its own private lists. */
export interface BotView {
  me: string;
  score: number;
  actionPoints: number;
  blacklisted: boolean;
  players: { id: string; score: number }[];
  friends: string[];
  incomingRequests: string[];
}

type Weighted = [ActionName, number][];

const MIX: Record<Profile, Weighted> = {
  conformist: [
    ["share-approved", 5],
    ["pay-bill", 3],
    ["buy-responsible", 3],
    ["volunteer", 2],
    ["friend-request", 3],
    ["unfriend", 1],
    ["report", 1],
    ["lookup", 2],
    ["brag", 1],
  ],
  dissenter: [
    ["post-opinion", 5],
    ["friend-request", 4],
    ["vouch", 2],
    ["buy-games", 2],
    ["volunteer", 1],
    ["appeal", 2],
    ["lookup", 1],
  ],
  strategist: [
    ["lookup", 3],
    ["friend-request", 3],
    ["unfriend", 3],
    ["vouch", 2],
    ["brag", 2],
    ["report", 2],
    ["appeal", 2],
    ["pay-bill", 2],
    ["share-approved", 2],
  ],
  random: [],
};

function pickWeighted(mix: Weighted, rnd: () => number): ActionName {
  const total = mix.reduce((n, [, w]) => n + w, 0);
  let r = rnd() * total;
  for (const [name, w] of mix) if ((r -= w) < 0) return name;
  return mix[mix.length - 1][0];
}

const ALL: ActionName[] = [
  "share-approved",
  "post-opinion",
  "buy-games",
  "buy-responsible",
  "pay-bill",
  "default-debt",
  "volunteer",
  "lookup",
  "friend-request",
  "unfriend",
  "vouch",
  "report",
  "brag",
  "appeal",
];

/**
 * A bot's next move. Bots answer friend requests first (conformists accept high scorers,
 * dissenters accept anyone); the rules still decide what is allowed, and a refused move is
 * counted as an error like any player's.
 */
export function chooseMove(profile: Profile, v: BotView, rnd: () => number): ActMessage {
  const scoreOf = new Map(v.players.map((p) => [p.id, p.score]));
  const others = v.players.filter((p) => p.id !== v.me && !v.friends.includes(p.id));
  if (v.incomingRequests.length > 0) {
    const from = v.incomingRequests[0];
    const wary = profile === "conformist" || profile === "strategist";
    const accept = !wary || (scoreOf.get(from) ?? 0) >= v.score - 40 || rnd() < 0.3;
    return { action: accept ? "accept-friend" : "decline-friend", target: from };
  }
  const action = profile === "random" ? ALL[Math.floor(rnd() * ALL.length)] : pickWeighted(MIX[profile], rnd);
  const anyone = () => v.players[Math.floor(rnd() * v.players.length)]?.id;
  switch (action) {
    case "friend-request": {
      const pool = profile === "strategist" ? others.filter((p) => p.score >= v.score) : others;
      const target = (pool.length ? pool : others)[Math.floor(rnd() * Math.max(1, (pool.length ? pool : others).length))]?.id;
      return target ? { action, target } : { action: "volunteer" };
    }
    case "unfriend":
    case "vouch": {
      const sorted = [...v.friends].sort((a, b) => (scoreOf.get(a) ?? 0) - (scoreOf.get(b) ?? 0));
      const target = action === "unfriend" ? sorted[0] : sorted[sorted.length - 1];
      return target ? { action, target } : { action: "friend-request", target: anyone() };
    }
    case "lookup":
    case "report": {
      const target = anyone();
      return target && target !== v.me ? { action, target } : { action: "share-approved" };
    }
    default:
      return { action };
  }
}

/** What a bot knows of the scenario beyond the board: the topics it may post on, and the open questions. */
export interface BotRules {
  topics: string[];
  bannedTopics: string[];
  ballotOptions: number;
  voteOptions: string[];
  /** Actions the scenario offers right now (lookups are off while scores are hidden). */
  available: ActionName[];
}

const FALLBACK: ActionName[] = ["volunteer", "share-approved", "pay-bill", "buy-responsible"];

/** Fits a move to the scenario: an action it does not offer becomes one it does, and posts get a topic. */
export function fitMove(move: ActMessage, profile: Profile, r: BotRules, rnd: () => number): ActMessage {
  const fitted = r.available.includes(move.action) ? move : { action: FALLBACK.find((a) => r.available.includes(a)) ?? r.available[0] };
  if (fitted.action !== "share-approved" && fitted.action !== "post-opinion") return fitted;
  const topic = chooseTopic(profile, r, rnd);
  return topic === undefined ? fitted : { ...fitted, topic };
}

/**
 * A post's topic. Conformists steer clear of banned topics; dissenters post on them anyway
 * now and then, which is the point of the ban.
 */
function chooseTopic(profile: Profile, r: BotRules, rnd: () => number): string | undefined {
  const open = r.topics.filter((t) => !r.bannedTopics.includes(t));
  const pool = profile === "dissenter" && rnd() < 0.4 ? r.topics : open;
  if (pool.length === 0 || rnd() < 0.2) return undefined;
  return pool[Math.floor(rnd() * pool.length)];
}

/** A top player's pick from the rule menu: any option, drawn from the bot's own seed. */
export function chooseVote(r: BotRules, rnd: () => number): string | undefined {
  return r.voteOptions[Math.floor(rnd() * r.voteOptions.length)];
}

/**
 * A private answer (0 = the first option, usually the most against). Everyone leans against
 * in private, conformists included, so the debrief has a gap between private answers and
 * public posts to show.
 */
export function chooseBallot(profile: Profile, r: BotRules, rnd: () => number): number {
  const lean = profile === "dissenter" ? 3 : profile === "conformist" ? 1.5 : 2;
  return Math.min(r.ballotOptions - 1, Math.floor(rnd() ** lean * r.ballotOptions));
}

/** Strategists show their score once it is worth showing off. */
export function wantsToShowScore(profile: Profile, score: number, startScore: number): boolean {
  return profile === "strategist" && score > startScore;
}
