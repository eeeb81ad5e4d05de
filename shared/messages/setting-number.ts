import { z } from "zod";
import { SETTING_LIMITS, type LimitedSetting } from "../rules/limits.ts";

/** A limited setting as a schema: its range, and a whole number where it must be one. */
export function settingNumber(name: LimitedSetting) {
  const { min, max, whole } = SETTING_LIMITS[name];
  return (whole ? z.number().int() : z.number()).min(min).max(max);
}
