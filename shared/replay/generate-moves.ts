import type { ActionName } from "../rules/config.ts";
import { friendsOf, type GameState, type PlayerId } from "../rules/state.ts";

export const PROFILES = ["conformist", "dissenter", "strategist", "drifter"] as const;
export type Profile = (typeof PROFILES)[number];

export interface Move {
  action: ActionName;
  target?: PlayerId;
  /** An appeal names the deduction it appeals, as a phone's appeal button does. */
  deduction?: number;
}

/** What a synthetic player remembers between moves: who reported them, whose posts cost them. */
export interface Memory {
  reportedBy: PlayerId[];
  hurtBy: PlayerId[];
  dissentingFriendsLastRound: number;
}

type Weighted = [ActionName, number][];

const MIX: Record<Profile, Weighted> = {
  conformist: [
    ["share-approved", 8],
    ["pay-bill", 4],
    ["buy-responsible", 3],
    ["volunteer", 3],
    ["friend-request", 3],
    ["unfriend", 3],
    ["report", 1],
    ["lookup", 3],
    ["brag", 2],
    ["vouch", 2],
  ],
  dissenter: [
    ["post-opinion", 2],
    ["friend-request", 3],
    ["vouch", 2],
    ["buy-games", 2],
    ["volunteer", 2],
    ["appeal", 2],
    ["lookup", 1],
    ["share-approved", 2],
    ["pay-bill", 2],
  ],
  strategist: [
    ["lookup", 4],
    ["friend-request", 2],
    ["unfriend", 3],
    ["vouch", 3],
    ["brag", 2],
    ["report", 2],
    ["appeal", 2],
    ["pay-bill", 3],
    ["share-approved", 4],
    ["volunteer", 2],
  ],
  drifter: [
    ["share-approved", 3],
    ["post-opinion", 1],
    ["buy-games", 2],
    ["default-debt", 1],
    ["pay-bill", 2],
    ["volunteer", 2],
    ["friend-request", 2],
    ["unfriend", 1],
    ["lookup", 2],
    ["report", 1],
    ["vouch", 1],
    ["appeal", 1],
  ],
};

function pick(mix: Weighted, rnd: () => number): ActionName {
  const total = mix.reduce((n, [, w]) => n + w, 0);
  let x = rnd() * total;
  for (const [name, w] of mix) if ((x -= w) < 0) return name;
  return mix[mix.length - 1][0];
}

/**
 * A synthetic player's next move, chosen from what a player could know. The behaviour is
 * shaped to give the debrief something to find (cutting low scorers after a lookup,
 * retaliating against reports, dissent that grows with dissenting friends); the rules still
 * decide what each move does, and refuse what is not allowed.
 */
export function chooseMove(s: GameState, me: PlayerId, profile: Profile, mem: Memory, ids: PlayerId[], rnd: () => number): Move {
  const p = s.players[me];
  if (p.incomingRequests.length > 0) {
    const from = p.incomingRequests[0];
    const wary = profile === "conformist" || profile === "strategist";
    const accept = !wary || (s.players[from]?.score ?? 0) >= p.score - 40 || rnd() < 0.3;
    return { action: accept ? "accept-friend" : "decline-friend", target: from };
  }
  if (mem.reportedBy.length > 0) {
    const reporter = mem.reportedBy.shift()!;
    if (rnd() < 0.35 && s.players[reporter]) return { action: "report", target: reporter };
  }
  const contagion = profile === "dissenter" ? 0.04 : profile === "drifter" ? 0.02 : 0.005;
  if (rnd() < Math.min(0.3, contagion * mem.dissentingFriendsLastRound)) return { action: "post-opinion" };
  const friends = friendsOf(s, me);
  const anyone = () => {
    const id = ids[Math.floor(rnd() * ids.length)];
    return id !== me && s.players[id] ? id : undefined;
  };
  const action = pick(MIX[profile], rnd);
  switch (action) {
    case "friend-request": {
      const target = anyone();
      if (!target || friends.includes(target)) return { action: "volunteer" };
      if (profile === "strategist" && s.players[target].score < p.score) return { action: "lookup", target };
      return { action, target };
    }
    case "unfriend": {
      if (friends.length === 0) return { action: "share-approved" };
      const costly = mem.hurtBy.filter((f) => friends.includes(f));
      const lowest = friends.reduce((a, b) => (s.players[a].score <= s.players[b].score ? a : b));
      const target = costly.length > 0 && rnd() < 0.7 ? costly[costly.length - 1] : lowest;
      const looked = s.players[target].lookedUpBy.some((l) => l.by === me);
      return looked || rnd() < 0.4 ? { action, target } : { action: "lookup", target };
    }
    case "vouch": {
      if (friends.length === 0) return { action: "share-approved" };
      return { action, target: friends[Math.floor(rnd() * friends.length)] };
    }
    case "lookup": {
      const target = friends.length > 0 && rnd() < 0.6 ? friends[Math.floor(rnd() * friends.length)] : anyone();
      return target ? { action, target } : { action: "share-approved" };
    }
    case "report": {
      const target = anyone();
      return target ? { action, target } : { action: "share-approved" };
    }
    case "brag":
      return p.score >= s.config.bragMinScore ? { action } : { action: "share-approved" };
    case "appeal": {
      const open = p.deductions.filter((d) => !d.appealed);
      return open.length > 0 ? { action, deduction: open[open.length - 1].id } : { action: "pay-bill" };
    }
    default:
      return { action };
  }
}
