import type { ActionRule } from "./types.ts";
import { reject } from "../commands.ts";
import { changeScore, emit } from "../effects.ts";
import { areFriends } from "../state.ts";
import { since } from "../version.ts";
import { scoreIsPublic } from "../view.ts";

/** Looking someone up costs no points, but it is logged and the target learns who looked. */
export const lookup: ActionRule = {
  needsTarget: true,
  standing(me) {
    if (me.scoresHidden) return reject("scores-hidden", "scores-hidden");
  },
  check(s, c) {
    // Version 3: while scores are their owners' own, a lookup sees only a score its owner shows.
    const target = s.players[c.target!];
    if (since(s, 3) && target && !scoreIsPublic(s, target)) {
      return reject("scores-hidden", "score-not-shown", { name: target.nickname });
    }
  },
  run(t, c) {
    const target = t.s.players[c.target!];
    target.lookedUpBy.push({ by: c.player, at: t.at });
    emit(t, { type: "looked-up", by: c.player, target: target.id, score: target.score });
  },
};

/** Vouching pays both when both are in good standing, and costs the voucher when the friend is not. */
export const vouch: ActionRule = {
  needsTarget: true,
  check(s, c) {
    if (!areFriends(s, c.player, c.target!)) return reject("not-friends", "vouch-friends-only");
  },
  run(t, c) {
    const { config, players } = t.s;
    const me = players[c.player];
    const friend = players[c.target!];
    const cause = { rule: "vouch" as const, actor: c.player, action: c.action };
    if (me.score >= config.vouchBothAt && friend.score >= config.vouchBothAt) {
      changeScore(t, me.id, config.actions.vouch.self, cause);
      changeScore(t, friend.id, config.actions.vouch.target, cause);
    } else if (friend.score < config.vouchRiskBelow) {
      changeScore(t, me.id, config.vouchPenalty, { ...cause, rule: "vouch-risk" });
    }
  },
};

/** Reporting rewards the informer and costs the reported player. */
export const report: ActionRule = {
  needsTarget: true,
  run(t, c) {
    const effect = t.s.config.actions.report;
    changeScore(t, c.player, effect.self, { rule: "action", actor: c.player, action: c.action });
    changeScore(t, c.target!, effect.target, { rule: "reported", actor: c.player, action: c.action });
  },
};
