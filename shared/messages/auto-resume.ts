import { t } from "../i18n/index.ts";
import { z } from "zod";
import { type Worded, worded } from "./worded.ts";

/** What a new session resumes by itself after a server restart, unless its facilitator changes it. */
export const DEFAULT_AUTO_RESUME_SECONDS = 30;

/** The choices /host offers for resuming by itself after a server restart; null is off. */
export const AUTO_RESUME_CHOICES: readonly (number | null)[] = [15, 30, 60, 120, 300, null];

/** Facilitator → server: resume by itself this many seconds after a restart, or never (null). */
export const autoResumeMessage = z.strictObject({ seconds: z.number().int().min(5).max(3600).nullable() });

/** HTTP status (the client shows a 503's sentence while it waits) and code of a join whose session resumes by itself shortly. */
export const RESUMING_STATUS = 503;
export const RESUMING_CODE = "session-resuming";

export function autoResumeLabel(seconds: number | null): string {
  if (seconds === null) return t("errors.resume.off");
  return seconds < 60 ? t("errors.resume.after-seconds", { count: seconds }) : t("errors.resume.after-minutes", { count: seconds / 60 });
}

/** What a waiting player is told, `ms` before the session resumes by itself: each screen words the seconds in its language. */
export function resumesIn(ms: number): Worded {
  return worded("errors.resume.in", { seconds: Math.max(1, Math.ceil(ms / 1000)) });
}
