import { ACTION_NAMES, type ActionName } from "../rules/config.ts";
import type { ScoreRule } from "../rules/events.ts";

/**
 * PlayerState carries the cause of a score change as small numbers, not names: every screen
 * decodes it for every action in the room, and as names they were a third of each patch's
 * bytes. 0 means none. Server and screens share these tables, so a code means the same on both.
 */
const RULE_CODE = {
  action: 1,
  "friend-spillover": 2,
  vouch: 3,
  "vouch-risk": 4,
  reported: 5,
  "guilt-by-association": 6,
  "appeal-upheld": 7,
  "topic-ban": 8,
  audit: 9,
  "blacklist-shock": 10,
} as const satisfies Record<ScoreRule, number>;

const RULE_BY_CODE = new Map<number, ScoreRule>(Object.entries(RULE_CODE).map(([name, code]) => [code, name as ScoreRule]));

export function ruleCode(rule: ScoreRule): number {
  return RULE_CODE[rule];
}

/** The rule a `lastRule` code stands for; "" for 0. */
export function ruleName(code: number): ScoreRule | "" {
  return RULE_BY_CODE.get(code) ?? "";
}

export function actionCode(action: ActionName | undefined): number {
  return action === undefined ? 0 : ACTION_NAMES.indexOf(action) + 1;
}

/** The action a `lastAction` code stands for; "" for 0. */
export function actionName(code: number): ActionName | "" {
  return ACTION_NAMES[code - 1] ?? "";
}
