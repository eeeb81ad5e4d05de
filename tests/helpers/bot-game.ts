import { apply } from "../../shared/rules/apply.ts";
import { openBallot } from "../../shared/rules/ballot.ts";
import type { Command } from "../../shared/rules/commands.ts";
import { ACTION_NAMES, type GameConfig } from "../../shared/rules/config.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { initialState, type GameState } from "../../shared/rules/state.ts";
import { ownSight, publicSight } from "../../shared/rules/view.ts";
import { chooseBallot, chooseMove, chooseVote, fitMove, PROFILES, type BotRules, type BotView } from "../../server/bots/behaviour.ts";

export interface BotGame {
  state: GameState;
  log: Command[];
  events: GameEvent[];
  refused: number;
}

/** What one bot may see, built with the same visibility functions the server projects with. */
function viewOf(s: GameState, me: string): BotView {
  const p = s.players[me];
  const own = ownSight(s, p)?.score ?? s.config.startScore;
  return {
    me,
    score: own,
    actionPoints: p.actionPoints,
    blacklisted: p.blacklisted,
    players: Object.values(s.players).map((x) => ({ id: x.id, score: x.id === me ? own : (publicSight(s, x)?.score ?? own) })),
    friends: [...(s.friends[me] ?? [])],
    incomingRequests: [...p.incomingRequests],
  };
}

function rulesOf(s: GameState): BotRules {
  const c = s.config;
  return {
    topics: c.topics.map((t) => t.id),
    bannedTopics: Object.keys(s.bannedTopics),
    ballotOptions: c.ballot?.options.length ?? 0,
    voteOptions: s.vote?.options ?? [],
    available: ACTION_NAMES.filter((a) => c.actions[a].enabled && !(a === "lookup" && s.visibility === "hidden")),
  };
}

/**
 * A whole game played in-process through `apply`, one simulated second at a time: bots act,
 * vote when they may, answer the ballot, and the clock ticks the scenario's plan along.
 */
export function playBotGame(config: GameConfig, seed: number, players: number): BotGame {
  const s = initialState(config, seed);
  const log: Command[] = [];
  const events: GameEvent[] = [];
  let refused = 0;
  let at = 1_000;
  const send = (c: Command) => {
    const out = apply(s, c);
    if ("code" in out) return void refused++;
    if (out.events.length) log.push(c);
    events.push(...out.events);
  };
  const rnd = seededRandom(seed);
  for (let i = 0; i < players; i++) send({ kind: "join", at, nickname: `bot${i + 1}` });
  const ids = Object.keys(s.players);
  const profile = (id: string) => PROFILES[ids.indexOf(id) % PROFILES.length];
  const answerBallot = (id: string) => {
    const stage = openBallot(s);
    if (stage && !s.ballots[stage].voters.includes(id)) send({ kind: "ballot", at, player: id, stage, answer: chooseBallot(profile(id), rulesOf(s), rnd) });
  };
  ids.forEach(answerBallot);
  send({ kind: "facilitate", at, command: { type: "start" } });
  for (let step = 0; s.phase !== "ended" && step < 100_000; step++) {
    at += 1_000;
    send({ kind: "tick", at });
    for (const id of ids) {
      if (s.phase !== "round") break;
      if (s.vote?.eligible.includes(id) && !(id in s.vote.choices)) send({ kind: "vote", at, player: id, option: chooseVote(rulesOf(s), rnd)! });
      answerBallot(id);
      if (s.players[id].actionPoints > 0 && rnd() < 0.1) {
        const move = fitMove(chooseMove(profile(id), viewOf(s, id), rnd), profile(id), rulesOf(s), rnd);
        send({ kind: "act", at, player: id, ...move });
      }
    }
  }
  ids.forEach(answerBallot);
  return { state: s, log, events, refused };
}
