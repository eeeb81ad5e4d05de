import type { ActCommand } from "../act-command.ts";
import type { Rejection } from "../commands.ts";
import { reject } from "../commands.ts";
import type { Turn } from "../effects.ts";
import { changeScore } from "../effects.ts";
import type { GameState, Post } from "../state.ts";
import type { LiveRule } from "./announce.ts";
import { announce } from "./announce.ts";
import type { LiveOf } from "./types.ts";

const POSTS = new Set(["share-approved", "post-opinion"]);

function isPost(action: string): action is Post["action"] {
  return POSTS.has(action);
}

/** A post may name one of the scenario's topics; nothing else has a topic. */
export function checkTopic(s: GameState, c: ActCommand): Rejection | undefined {
  if (c.topic === undefined) return undefined;
  if (!isPost(c.action)) return reject("bad-topic", "posts-only");
  if (!s.config.topics.some((x) => x.id === c.topic)) return reject("bad-topic", "unknown-topic", { topic: c.topic });
  return undefined;
}

/** Keeps every post, so a ban can reach back; a post on a topic already banned pays the penalty at once. */
export function recordPost(t: Turn, c: ActCommand, seq: number): void {
  if (!isPost(c.action)) return;
  const post: Post = { seq, player: c.player, action: c.action, round: t.s.round, penalised: false };
  if (c.topic !== undefined) post.topic = c.topic;
  t.s.posts.push(post);
  const penalty = c.topic === undefined ? undefined : t.s.bannedTopics[c.topic];
  if (penalty === undefined) return;
  post.penalised = true;
  changeScore(t, c.player, -penalty, { rule: "topic-ban", actor: c.player, action: c.action });
}

/**
 * Ban a topic: from now on a post on it costs `penalty`; retroactively, every earlier post on
 * it costs its author the penalty now, once per post.
 */
export const banTopic: LiveRule<LiveOf<"ban-topic">> = {
  check(s, c) {
    if (!s.config.topics.some((x) => x.id === c.topic)) return reject("bad-topic", "unknown-topic", { topic: c.topic });
    if (c.topic in s.bannedTopics) return reject("bad-topic", "topic-banned-already");
    const p = c.penalty;
    if (p !== undefined && (!Number.isInteger(p) || p < 0 || p > s.config.scoreMax - s.config.scoreMin)) {
      return reject("bad-change", "penalty-range", { max: s.config.scoreMax - s.config.scoreMin });
    }
    return undefined;
  },
  run(t, c, scheduled) {
    const penalty = c.penalty ?? t.s.config.topicBanPenalty;
    const retroactive = c.retroactive === true;
    const detail = { kind: "topic-ban" as const, topic: c.topic, retroactive, penalty, posts: [] as number[], players: [] as string[] };
    announce(t, detail, scheduled);
    t.s.bannedTopics = { ...t.s.bannedTopics, [c.topic]: penalty };
    if (!retroactive) return;
    for (const post of t.s.posts) {
      if (post.topic !== c.topic || post.penalised || !t.s.players[post.player]) continue;
      post.penalised = true;
      detail.posts.push(post.seq);
      if (!detail.players.includes(post.player)) detail.players.push(post.player);
      changeScore(t, post.player, -penalty, { rule: "topic-ban", actor: post.player, action: post.action });
    }
  },
};
