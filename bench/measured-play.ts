import { chooseMove } from "../server/bots/behaviour.ts";
import type { Bot } from "../server/bots/bot.ts";
import type { Inbox } from "../shared/messages/messages.ts";

/** Actions that cost nothing leave no trace on the actor's own state, so they are not timed. */
const FREE = new Set(["accept-friend", "decline-friend"]);

export interface Samples {
  /** Milliseconds from sending an action to seeing its effect (or its refusal) on the actor's screen. */
  latencies: number[];
  actions: number;
  refusals: number;
}

/**
 * Plays a bot like `Bot.play`, timing each paid action from `send` until the actor's client
 * receives its own action points going down (its inbox), or receives the refusal. A sample still open
 * when the round changes is dropped: the round's new points would be mistaken for the effect.
 */
export function playMeasured(bot: Bot, meanMs: number, rnd: () => number, into: Samples): () => void {
  let pending: { sentAt: number; points: number; round: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let room: Bot["room"] | undefined;

  const settle = () => {
    if (!pending) return;
    into.latencies.push(performance.now() - pending.sentAt);
    pending = undefined;
  };
  // A bot that lost its connection joins again with a new room object: follow it.
  const watch = () => {
    if (room === bot.room) return;
    const r = (room = bot.room);
    pending = undefined;
    // The player's own points come in its inbox, right after the patch that spent one.
    r.onMessage("inbox", (m: Inbox) => {
      if (r !== room || !pending) return;
      if (r.state.round !== pending.round) pending = undefined;
      else if (m.actionPoints !== pending.points) settle();
    });
    r.onMessage("error", () => {
      into.refusals++;
      if (r === room) settle();
    });
  };

  const step = () => {
    watch();
    const v = bot.view();
    const s = room!.state;
    if (v && !pending && bot.connected && s.phase === "round" && !s.paused && (v.actionPoints > 0 || v.incomingRequests.length > 0)) {
      const move = chooseMove(bot.profile, v, rnd);
      if (!FREE.has(move.action)) pending = { sentAt: performance.now(), points: v.actionPoints, round: s.round };
      room!.send("act", move);
      into.actions++;
    }
    if (s?.phase !== "ended") timer = setTimeout(step, -Math.log(1 - rnd()) * meanMs);
  };
  watch();
  timer = setTimeout(step, rnd() * meanMs);
  return () => clearTimeout(timer);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
