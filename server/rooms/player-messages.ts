import type { z } from "zod";
import type { Command } from "../../shared/rules/commands.ts";
import type { PlayerId } from "../../shared/rules/state.ts";
import type { GameConfig } from "../../shared/rules/config.ts";
import { ballotMessage, showScoreMessage, voteMessage, type RulesMessage } from "../../shared/messages/messages.ts";

interface PlayerMessage<S extends z.ZodType> {
  schema: S;
  command(player: PlayerId, at: number, m: z.infer<S>): Command;
}

function message<S extends z.ZodType>(m: PlayerMessage<S>): PlayerMessage<S> {
  return m;
}

/** The players' messages beyond `act`: each validated, then turned into a rules command for the sender's seat. */
export const PLAYER_MESSAGES = {
  vote: message({ schema: voteMessage, command: (player, at, m) => ({ kind: "vote", at, player, option: m.option }) }),
  ballot: message({ schema: ballotMessage, command: (player, at, m) => ({ kind: "ballot", at, player, stage: m.stage, answer: m.answer }) }),
  "show-score": message({ schema: showScoreMessage, command: (player, at, m) => ({ kind: "show-score", at, player, on: m.on }) }),
};
export type PlayerMessageType = keyof typeof PLAYER_MESSAGES;

/** The rules as a screen may know them: players do not learn the facilitator's plan in advance. */
export function rulesFor(config: GameConfig, host: boolean): RulesMessage {
  if (host) return config;
  const { schedule: _schedule, ...rules } = config;
  return rules;
}
