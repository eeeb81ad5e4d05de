import type { Command, Rejection } from "./commands.ts";
import { reject } from "./commands.ts";
import type { Turn } from "./effects.ts";
import { emit } from "./effects.ts";
import type { GameState } from "./state.ts";
import { checkNickname, cleanNickname, nicknameKey } from "./nickname.ts";
import { roundActionPoints } from "./round.ts";

type Join = Extract<Command, { kind: "join" }>;

export function checkJoin(s: GameState, c: Join): Rejection | undefined {
  if (s.phase === "ended") return reject("game-ended", "session-ended");
  if (s.locked) return reject("room-locked", "room-locked");
  if (s.phase === "round" && !s.config.allowLateJoin) return reject("join-closed", "join-closed");
  return checkNickname(s, cleanNickname(c.nickname), c.admitted === true);
}

/**
 * A player removed without a ban who comes back under the same nickname (any case) is the same
 * player again (version 3): same id, and the score they left with unless the facilitator reset it.
 */
function returning(t: Turn, nickname: string) {
  const key = nicknameKey(nickname);
  const back = t.s.departed[key];
  if (back) delete t.s.departed[key];
  return back;
}

export function runJoin(t: Turn, c: Join): void {
  const nickname = cleanNickname(c.nickname);
  const back = returning(t, nickname);
  const id = back?.id ?? `p${t.s.nextPlayer++}`;
  t.s.players[id] = {
    id,
    nickname,
    score: back?.score ?? t.s.config.startScore,
    blacklisted: back?.blacklisted ?? false,
    actionPoints: 0,
    joinedAt: t.at,
    incomingRequests: [],
    lookedUpBy: [],
    deductions: [],
    showsScore: false,
  };
  t.s.friends[id] = [];
  if (t.s.phase === "round") t.s.players[id].actionPoints = roundActionPoints(t.s, t.s.players[id]);
  emit(t, { type: "player-joined", player: id, nickname });
}
