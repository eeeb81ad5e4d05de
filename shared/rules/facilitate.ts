import type { FacilitatorCommand, Rejection } from "./commands.ts";
import { reject } from "./commands.ts";
import type { Turn } from "./effects.ts";
import { emit, unlink } from "./effects.ts";
import type { GameState } from "./state.ts";
import { friendsOf, since } from "./state.ts";
import { nicknameKey } from "./nickname.ts";
import { endGame, endRound, startRound } from "./round.ts";
import { checkLive, isLive, runLive } from "./live/index.ts";
import { isHeld } from "./live/rule-change.ts";
import { SETTING_LIMITS, type LimitedSetting } from "./limits.ts";

type Settings = Extract<FacilitatorCommand, { type: "settings" }>;

function checkSettings(s: GameState, c: Settings): Rejection | undefined {
  for (const [key, { min, max, whole }] of Object.entries(SETTING_LIMITS)) {
    const v = c[key as LimitedSetting];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < min || v > max) return reject("bad-settings", "settings-range", { setting: key, min, max });
    if (whole && !Number.isInteger(v)) return reject("bad-settings", "settings-whole", { setting: key });
  }
  if (c.rounds !== undefined && c.rounds < s.round) return reject("bad-settings", "settings-rounds", { round: s.round });
  const asked = Object.entries(c).filter(([k, v]) => k !== "type" && v !== undefined);
  if (asked.length > 0 && asked.every(([k]) => isHeld(s.config, k))) return reject("bad-settings", "settings-held");
  if (since(s, 3) && Object.keys(changedSettings(s, c)).length === 0) return reject("bad-settings", "settings-same");
  return undefined;
}

/** The settings a command sets; since version 3 only those that differ from the rules in force. */
function changedSettings(s: GameState, c: Settings): Record<string, number | boolean> {
  const { type: _type, ...changes } = c;
  const changed: Record<string, number | boolean> = {};
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || isHeld(s.config, k)) continue;
    if (since(s, 3) && s.config[k as keyof typeof changes] === v) continue;
    changed[k] = v;
  }
  return changed;
}

export function checkFacilitate(s: GameState, c: FacilitatorCommand): Rejection | undefined {
  if (s.phase === "ended") return reject("game-ended", "game-ended");
  if (isLive(c)) return checkLive(s, c);
  switch (c.type) {
    case "start":
      if (s.phase !== "lobby") return reject("bad-phase", "already-started");
      if (Object.keys(s.players).length === 0) return reject("bad-phase", "no-players-yet");
      return;
    case "pause":
      if (s.phase !== "round" || s.paused) return reject("bad-phase", "pause-needs-round");
      return;
    case "resume":
      if (!s.paused) return reject("bad-phase", "not-paused");
      return;
    case "next-round":
      if (s.phase !== "round") return reject("bad-phase", "start-first");
      return;
    case "end":
      return;
    case "remove":
      if (!s.players[c.player]) return reject("unknown-player", "player-not-here");
      return;
    case "settings":
      return checkSettings(s, c);
    case "round-length":
      return checkSettings(s, { type: "settings", roundSeconds: c.seconds });
    case "lock":
      if (s.locked) return reject("bad-phase", "already-locked");
      return;
    case "unlock":
      if (!s.locked) return reject("bad-phase", "not-locked");
      return;
  }
}

export function runFacilitate(t: Turn, c: FacilitatorCommand): void {
  const s = t.s;
  if (isLive(c)) return runLive(t, c, false);
  switch (c.type) {
    case "start":
      emit(t, { type: "phase", phase: "round", round: 0, paused: false, change: "started" });
      return startRound(t);
    case "pause":
      s.paused = true;
      s.remainingMs = Math.max(0, s.roundEndsAt - t.at);
      return emit(t, { type: "phase", phase: s.phase, round: s.round, paused: true, change: "paused" });
    case "resume":
      s.paused = false;
      s.roundEndsAt = t.at + s.remainingMs;
      s.remainingMs = 0;
      return emit(t, { type: "phase", phase: s.phase, round: s.round, paused: false, change: "resumed" });
    case "next-round":
      s.paused = false;
      return endRound(t);
    case "end":
      return s.phase === "round" ? endRound(t, { final: true }) : endGame(t);
    case "remove":
      return removePlayer(t, c.player, c.ban === true, c.resetScore === true);
    case "settings":
      return applySettings(t, c);
    case "round-length":
      return setRoundLength(t, c.seconds);
    case "lock":
    case "unlock":
      s.locked = c.type === "lock";
      return emit(t, { type: "locked", on: s.locked });
  }
}

function removePlayer(t: Turn, player: string, ban: boolean, resetScore: boolean): void {
  const s = t.s;
  const p = s.players[player];
  // Version 3: a removal without a ban is not a way to wipe a score; the returning player picks
  // it up again, unless the facilitator chose a fresh start.
  if (since(s, 3) && !ban) {
    s.departed[nicknameKey(p.nickname)] = resetScore
      ? { id: player, score: s.config.startScore, blacklisted: false }
      : { id: player, score: p.score, blacklisted: p.blacklisted };
  }
  for (const friend of [...friendsOf(s, player)]) unlink(s, player, friend);
  for (const p of Object.values(s.players)) {
    p.incomingRequests = p.incomingRequests.filter((x) => x !== player);
  }
  if (ban) s.bannedNicknames.push(nicknameKey(p.nickname));
  delete s.players[player];
  delete s.friends[player];
  emit(t, { type: "player-removed", player, banned: ban });
}

function applySettings(t: Turn, c: Settings): void {
  const changed = changedSettings(t.s, c);
  const oldSeconds = t.s.config.roundSeconds;
  t.s.config = { ...t.s.config, ...changed };
  if (c.roundSeconds !== undefined && t.s.phase === "round" && !t.s.paused) {
    t.s.roundEndsAt += (c.roundSeconds - oldSeconds) * 1000;
  }
  emit(t, { type: "settings", changed });
}

/**
 * What a teacher expects of "make rounds longer": the round on the screen gets longer too, by
 * the difference, whether it runs or is paused; a shorter length brings its end closer, and a
 * round that has already run that long ends at the next tick (or on resuming). A command of its
 * own, so that `settings` in logs recorded before it still replays as it was played.
 */
function setRoundLength(t: Turn, seconds: number): void {
  const s = t.s;
  const moveMs = (seconds - s.config.roundSeconds) * 1000;
  s.config = { ...s.config, roundSeconds: seconds };
  if (s.phase === "round" && s.paused) s.remainingMs = Math.max(0, s.remainingMs + moveMs);
  else if (s.phase === "round") s.roundEndsAt += moveMs;
  emit(t, { type: "settings", changed: { roundSeconds: seconds } });
}
