import { z } from "zod";
import { ACTION_NAMES, TRUTHS } from "../rules/config.ts";
import { DEBRIEF_ANSWERS, VISIBILITIES } from "../rules/live/types.ts";
import { liveCommand, ruleChange, topicId } from "../messages/live-messages.ts";
import { settingNumber } from "../messages/setting-number.ts";
import { SETTING_LIMITS } from "../rules/limits.ts";
import type { ScenarioTexts } from "../rules/live/types.ts";
import { LANGUAGES } from "../i18n/locales.ts";

const score = z.number().int().min(0).max(10000);
const effectPoints = z.number().int().min(-10000).max(10000);
const share = z.number().gt(0).max(1);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "use 1-40 lowercase letters, digits and dashes");

const actionEffect = z.strictObject({
  self: effectPoints.optional(),
  friends: effectPoints.optional(),
  target: effectPoints.optional(),
  cost: z.number().int().min(0).max(5).optional(),
  truth: z.enum(TRUTHS).optional(),
  blockedWhenBlacklisted: z.boolean().optional(),
  enabled: z.boolean().optional(),
});

/** The numbers of a scenario; each one left out keeps the default of GAME.md. Also the shape of the host's overrides. */
export const scenarioRules = z.strictObject({
  scoreMin: score.optional(),
  scoreMax: score.optional(),
  startScore: score.optional(),
  visaAt: score.optional(),
  travelAt: score.optional(),
  restrictedBelow: score.optional(),
  rounds: settingNumber("rounds").optional(),
  roundSeconds: settingNumber("roundSeconds").optional(),
  actionPoints: settingNumber("actionPoints").optional(),
  visaBonusPoints: z.number().int().min(0).max(10).optional(),
  restrictedPenaltyPoints: z.number().int().min(0).max(10).optional(),
  blacklistPenaltyPoints: z.number().int().min(0).max(10).optional(),
  friendWeight: settingNumber("friendWeight").optional(),
  friendPivot: score.optional(),
  vouchBothAt: score.optional(),
  vouchRiskBelow: score.optional(),
  vouchPenalty: effectPoints.max(0).optional(),
  bragMinScore: score.optional(),
  appealChance: z.number().min(0).max(1).optional(),
  allowLateJoin: z.boolean().optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  topicBanPenalty: score.optional(),
  auditShare: share.optional(),
  auditPoints: score.min(1).optional(),
  shockBelow: score.optional(),
  voteShare: share.optional(),
  actions: z.partialRecord(z.enum(ACTION_NAMES), actionEffect).optional(),
});
export type ScenarioRules = z.infer<typeof scenarioRules>;

const labels = z.strictObject({
  score: text(1, 30).optional(),
  scoreDivisor: z.number().int().min(1).max(1000).optional(),
  tiers: z.partialRecord(z.enum(["visa", "travel", "standard", "restricted"]), text(1, 40)).optional(),
  blacklisted: text(1, 40).optional(),
  actions: z.partialRecord(z.enum(ACTION_NAMES), text(1, 60)).optional(),
});

const lessonStep = z.strictObject({ minutes: z.number().int().min(1).max(90), activity: text(3, 80), detail: text(1, 600).optional() });

/**
 * The lesson kit's own words (shared/content/guide.ts): objectives, and lesson plans whose
 * steps add up to 45 and 90 minutes. Left out, the kit derives them from the scenario.
 */
const guideFields = z.strictObject({
  objectives: z.array(text(10, 300)).min(1).max(8).optional(),
  lessons: z.strictObject({ "45": z.array(lessonStep).min(2).max(12).optional(), "90": z.array(lessonStep).min(2).max(16).optional() }).optional(),
});
export type GuideFields = z.infer<typeof guideFields>;
export type LessonStepField = z.infer<typeof lessonStep>;

/**
 * The scenario's texts in another language, in its own shape (shared/rules/live/types.ts
 * `ScenarioTexts`). Lengths are the language's own: a Chinese title may be shorter than an
 * English one could be.
 */
const lines = (max: number, count: number) => z.array(text(1, max)).max(count);
const scenarioTexts = z.strictObject({
  title: text(1, 80).optional(),
  description: text(1, 2000).optional(),
  sources: lines(300, 30).optional(),
  debriefPrompts: lines(400, 12).optional(),
  labels: labels.omit({ scoreDivisor: true }).optional(),
  topics: z.record(topicId, text(1, 60)).optional(),
  ballot: z.strictObject({ question: text(1, 300).optional(), options: lines(80, 7).optional() }).optional(),
  voteMenu: z.record(id, text(1, 120)).optional(),
  survey: z.record(id, z.strictObject({ question: text(1, 300).optional(), options: lines(120, 6).optional() })).optional(),
  guide: z
    .strictObject({
      objectives: lines(300, 8).optional(),
      lessons: z
        .partialRecord(z.enum(["45", "90"]), z.array(z.strictObject({ activity: text(1, 80).optional(), detail: text(1, 600).optional() })).max(16))
        .optional(),
    })
    .optional(),
}) satisfies z.ZodType<ScenarioTexts>;

/** A scenario file as a facilitator writes or uploads it. */
export const scenarioFile = z.strictObject({
  id,
  title: text(3, 80),
  description: text(20, 2000),
  sources: z.array(text(3, 300)).max(30).default([]),
  /** A question, or a question with where the debrief answers it. */
  debriefPrompts: z
    .array(z.union([text(5, 400), z.strictObject({ question: text(5, 400), answer: z.enum(DEBRIEF_ANSWERS) })]))
    .min(1)
    .max(12),
  labels: labels.default({}),
  rules: scenarioRules.default({}),
  topics: z
    .array(z.strictObject({ id: topicId, label: text(1, 60) }))
    .max(20)
    .default([]),
  ballot: z
    .strictObject({ question: text(5, 300), options: z.array(text(1, 80)).min(2).max(7) })
    .nullable()
    .default(null),
  voteMenu: z
    .array(z.strictObject({ id, label: text(3, 120), change: ruleChange }))
    .max(10)
    .default([]),
  /** Optional questions before round 1 and after the debrief; `correct` (an option's index) makes one scored. */
  survey: z
    .array(z.strictObject({ id, question: text(5, 300), options: z.array(text(1, 120)).min(2).max(6), correct: z.number().int().min(0).max(5).optional() }))
    .max(8)
    .default([]),
  schedule: z
    .array(z.strictObject({ round: settingNumber("rounds"), atSecond: z.number().int().min(0).max(SETTING_LIMITS.roundSeconds.max), event: liveCommand }))
    .max(200)
    .default([]),
  guide: guideFields.optional(),
  /** The language of the texts above (English when left out). */
  language: z.enum(LANGUAGES).optional(),
  /** The texts again in other languages; the checker warns of each one missing (shared/scenarios/translations.ts). */
  translations: z.partialRecord(z.enum(LANGUAGES), scenarioTexts).optional(),
});
export type ScenarioFile = z.infer<typeof scenarioFile>;
