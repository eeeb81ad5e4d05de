import { fold } from "../../shared/rules/fold.ts";
import { friendKey, type GameState } from "../../shared/rules/state.ts";
import type { SessionStore } from "../../server/storage/store.ts";

function nonFiniteNumbers(value: unknown, path: string, out: string[]): void {
  if (typeof value === "number" && !Number.isFinite(value)) out.push(`${path} is ${value}`);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) nonFiniteNumbers(v, `${path}.${k}`, out);
}

/** The rules' promises a classroom can check by eye: every one of them, over the whole state. */
export function invariantViolations(s: GameState): string[] {
  const out: string[] = [];
  const { scoreMin, scoreMax } = s.config;
  for (const p of Object.values(s.players)) {
    if (!Number.isInteger(p.score) || p.score < scoreMin || p.score > scoreMax) out.push(`${p.id} scored ${p.score}`);
    if (!Number.isInteger(p.actionPoints) || p.actionPoints < 0) out.push(`${p.id} has ${p.actionPoints} action points`);
    for (const f of s.friends[p.id] ?? []) {
      if (!s.friends[f]?.includes(p.id)) out.push(`${p.id} lists ${f} as a friend, not the other way round`);
      if (!(friendKey(p.id, f) in s.friendships)) out.push(`${p.id}-${f} is missing from the friendships`);
    }
  }
  for (const key of Object.keys(s.friendships)) {
    const [a, b] = key.split("|");
    if (!s.players[a] || !s.players[b]) out.push(`friendship ${key} names someone not in the session`);
    else if (!s.friends[a].includes(b) || !s.friends[b].includes(a)) out.push(`friendship ${key} is one-sided`);
  }
  nonFiniteNumbers(s, "state", out);
  return out;
}

/** The session's stored log, folded with the shared rules from its stored seed and config. */
export async function replayStored(store: SessionStore, code: string): Promise<GameState> {
  const meta = await store.get(code);
  if (!meta) throw new Error(`no stored session ${code}`);
  return fold(
    meta.config,
    meta.seed,
    (await store.commands(code)).map((e) => e.command),
  );
}
