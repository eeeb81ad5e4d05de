import type { z } from "zod";
import { inEnglish, type MessageKey, type Params } from "../i18n/index.ts";
import type { FieldIssue } from "./load.ts";

/** Where a problem lies when it is no field's: the sentence words these paths too. */
export const WHOLE_FILE = "(the file)";
export const WHOLE_REQUEST = "(the request)";

/** A problem the checker found, in English, with the key and params each screen words it from. */
export function fieldIssue(path: string, key: MessageKey, params?: Params): FieldIssue {
  return { path, message: inEnglish(key, params), key, ...(params ? { params } : {}) };
}

/** Values and keys zod lists are the file's own codes: shown as written, quoted. */
function listed(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** The checker's sentences: `scenario.issue.<finding>`. */
export const ISSUE_PREFIX = "scenario.issue.";

/** The catalog key and params for one of zod's issues; undefined for one only its own sentence describes (a custom check). */
export function zodWording(i: z.core.$ZodIssue): { key: MessageKey; params?: Params } | undefined {
  switch (i.code) {
    case "invalid_type":
      // zod says "expected string, received undefined" for a field left out; a person reads "is required".
      if (/received undefined$/.test(i.message)) return { key: "scenario.issue.required", params: { expected: i.expected } };
      if (i.expected === "int") return { key: "scenario.issue.whole" };
      return { key: "scenario.issue.type", params: { expected: i.expected } };
    case "too_small":
      return { key: "scenario.issue.too-small", params: { origin: i.origin, limit: Number(i.minimum), inclusive: String(i.inclusive !== false) } };
    case "too_big":
      return { key: "scenario.issue.too-big", params: { origin: i.origin, limit: Number(i.maximum), inclusive: String(i.inclusive !== false) } };
    case "invalid_value":
      return { key: "scenario.issue.one-of", params: { values: listed(i.values) } };
    case "unrecognized_keys":
      return { key: "scenario.issue.unknown-keys", params: { count: i.keys.length, keys: listed(i.keys) } };
    case "invalid_format":
      return { key: "scenario.issue.format", params: { format: i.format } };
    case "not_multiple_of":
      return { key: "scenario.issue.multiple-of", params: { divisor: Number(i.divisor) } };
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return { key: "scenario.issue.invalid" };
    default:
      return undefined;
  }
}

/**
 * zod's issues as the checker's: the dotted path, zod's English (the API and English screens
 * keep it, "is required" for a field left out) and the key each other screen words it from.
 */
export function zodIssues(error: z.ZodError, prefix: string[] = [], whole = WHOLE_FILE): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [...prefix, ...i.path.map(String)].join(".") || whole;
    const w = zodWording(i);
    const message = w?.key === "scenario.issue.required" ? `is required (${String((i as { expected?: unknown }).expected)})` : i.message;
    return { path, message, ...(w ? { key: w.key } : {}), ...(w?.params ? { params: w.params } : {}) };
  });
}
