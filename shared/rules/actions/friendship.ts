import type { ActionRule } from "./types.ts";
import { reject } from "../commands.ts";
import { changeScore, emit, link, unlink } from "../effects.ts";
import { areFriends } from "../state.ts";

/** A request to a player who already asked you makes you friends at once. */
export const friendRequest: ActionRule = {
  needsTarget: true,
  check(s, c) {
    const target = c.target!;
    if (areFriends(s, c.player, target)) return reject("already-friends", "already-friends");
    if (s.players[target].incomingRequests.includes(c.player)) return reject("already-requested", "already-requested");
  },
  run(t, c) {
    const me = t.s.players[c.player];
    const target = c.target!;
    if (me.incomingRequests.includes(target)) {
      me.incomingRequests = me.incomingRequests.filter((x) => x !== target);
      link(t, c.player, target);
      emit(t, { type: "friends", a: target, b: c.player });
      return;
    }
    t.s.players[target].incomingRequests.push(c.player);
    emit(t, { type: "friend-requested", from: c.player, to: target });
  },
};

function checkPending(s: Parameters<NonNullable<ActionRule["check"]>>[0], c: Parameters<NonNullable<ActionRule["check"]>>[1]) {
  if (!s.players[c.player].incomingRequests.includes(c.target!)) return reject("no-request", "no-request");
}

export const acceptFriend: ActionRule = {
  needsTarget: true,
  check: checkPending,
  run(t, c) {
    const me = t.s.players[c.player];
    me.incomingRequests = me.incomingRequests.filter((x) => x !== c.target);
    link(t, c.player, c.target!);
    emit(t, { type: "friends", a: c.target!, b: c.player });
  },
};

export const declineFriend: ActionRule = {
  needsTarget: true,
  check: checkPending,
  run(t, c) {
    const me = t.s.players[c.player];
    me.incomingRequests = me.incomingRequests.filter((x) => x !== c.target);
    emit(t, { type: "friend-declined", from: c.target!, to: c.player });
  },
};

/** Unfriending ends the link and its spillover, at a small social cost to whoever cuts it. */
export const unfriend: ActionRule = {
  needsTarget: true,
  check(s, c) {
    if (!areFriends(s, c.player, c.target!)) return reject("not-friends", "not-friends");
  },
  run(t, c) {
    unlink(t.s, c.player, c.target!);
    emit(t, { type: "unfriended", by: c.player, other: c.target! });
    changeScore(t, c.player, t.s.config.actions.unfriend.self, { rule: "action", actor: c.player, action: c.action });
  },
};
