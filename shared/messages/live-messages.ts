import { z } from "zod";
import { ACTION_NAMES } from "../rules/config.ts";
import { EFFECT_FIELDS, THRESHOLDS, VISIBILITIES } from "../rules/live/types.ts";
import { settingNumber } from "./setting-number.ts";

/** Ranges here only keep numbers sane on the wire; the rules check them against the session's own score range. */
const points = z.number().int().min(-10000).max(10000);
const share = z.number().gt(0).max(1);

export const topicId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "use 1-32 lowercase letters, digits and dashes");

export const ruleChange = z.discriminatedUnion("rule", [
  z.strictObject({ rule: z.literal("friend-weight"), value: settingNumber("friendWeight") }),
  z.strictObject({ rule: z.literal("threshold"), threshold: z.enum(THRESHOLDS), value: points }),
  z.strictObject({ rule: z.literal("action"), action: z.enum(ACTION_NAMES), field: z.enum(EFFECT_FIELDS), value: points }),
]);

/** Live events, as the facilitator sends them and as a scenario schedules them. */
export const liveCommand = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("visibility"), mode: z.enum(VISIBILITIES) }),
  z.strictObject({ type: z.literal("rule-change"), change: ruleChange }),
  z.strictObject({ type: z.literal("ban-topic"), topic: topicId, retroactive: z.boolean().optional(), penalty: points.min(0).optional() }),
  z.strictObject({ type: z.literal("audit"), share: share.optional(), points: points.min(1).optional() }),
  z.strictObject({ type: z.literal("blacklist-shock"), below: points.min(0).optional() }),
  z.strictObject({ type: z.literal("vote-open"), share: share.optional() }),
  z.strictObject({ type: z.literal("vote-close") }),
  z.strictObject({ type: z.literal("final-round") }),
]);

/** A top player's pick from the rule menu. */
export const voteMessage = z.strictObject({ option: z.string().min(1).max(40) });

/** An answer to the secret ballot: the index of the chosen answer. */
export const ballotMessage = z.strictObject({ stage: z.enum(["start", "end"]), answer: z.number().int().min(0).max(20) });

/** The voluntary opt-in: show my score to everyone while scores are visible to owners only. */
export const showScoreMessage = z.strictObject({ on: z.boolean() });
