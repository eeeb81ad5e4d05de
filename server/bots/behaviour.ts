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
  conformist: [["share-approved", 5], ["pay-bill", 3], ["buy-responsible", 3], ["volunteer", 2], ["friend-request", 3], ["unfriend", 1], ["report", 1], ["lookup", 2], ["brag", 1]],
  dissenter: [["post-opinion", 5], ["friend-request", 4], ["vouch", 2], ["buy-games", 2], ["volunteer", 1], ["appeal", 2], ["lookup", 1]],
  strategist: [["lookup", 3], ["friend-request", 3], ["unfriend", 3], ["vouch", 2], ["brag", 2], ["report", 2], ["appeal", 2], ["pay-bill", 2], ["share-approved", 2]],
  random: [],
};

function pickWeighted(mix: Weighted, rnd: () => number): ActionName {
  const total = mix.reduce((n, [, w]) => n + w, 0);
  let r = rnd() * total;
  for (const [name, w] of mix) if ((r -= w) < 0) return name;
  return mix[mix.length - 1][0];
}

const ALL: ActionName[] = ["share-approved", "post-opinion", "buy-games", "buy-responsible", "pay-bill", "default-debt", "volunteer", "lookup", "friend-request", "unfriend", "vouch", "report", "brag", "appeal"];

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
