import { createHash } from "node:crypto";
import type { ReplayLog } from "../../shared/replay/log.ts";
import { replayOf } from "./replay.ts";

/** What a folded log came to, small enough to keep beside it: a recorded version's known final state. */
export interface FoldDigest {
  rulesVersion: number;
  events: number;
  /** sha256 of every event as JSON, in order. */
  eventsHash: string;
  scores: Record<string, number>;
  blacklisted: string[];
  audits: { players: string[]; mistake: string | null }[];
  appeals: { player: string; reversed: boolean }[];
}

export function foldDigest(log: ReplayLog): FoldDigest {
  const r = replayOf(log);
  const name = (id: string) => r.players[id]?.nickname ?? id;
  const audits: FoldDigest["audits"] = [];
  const appeals: FoldDigest["appeals"] = [];
  for (const e of r.events) {
    if (e.type === "appeal") appeals.push({ player: name(e.player), reversed: e.reversed });
    if (e.type !== "live" || e.detail.kind !== "audit") continue;
    const wrong = e.detail.wrong;
    const hit = r.events.find((x) => x.seq === wrong);
    audits.push({ players: e.detail.players.map(name), mistake: hit?.type === "score" ? name(hit.player) : null });
  }
  const players = Object.values(r.final.players);
  return {
    rulesVersion: r.final.rulesVersion,
    events: r.events.length,
    eventsHash: createHash("sha256").update(JSON.stringify(r.events)).digest("hex"),
    scores: Object.fromEntries(players.map((p) => [p.nickname, p.score])),
    blacklisted: players.filter((p) => p.blacklisted).map((p) => p.nickname),
    audits,
    appeals,
  };
}
