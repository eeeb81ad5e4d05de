import { inEnglish, type MessageKey, type Params } from "../i18n/index.ts";
import type { Rejection } from "../rules/commands.ts";

/**
 * A sentence for a screen in any language: the English text (what English screens and other
 * clients show) with the catalog key and the params that word it elsewhere.
 */
export interface Worded {
  message: string;
  key?: string;
  params?: Params;
}

export function worded(key: MessageKey, params?: Params): Worded {
  return { message: inEnglish(key, params), key, ...(params ? { params } : {}) };
}

/**
 * A refused join or matchmaking request reaches the SDK as a number and one string
 * (`MatchMakeError`): that string is the worded sentence as JSON, so the key and its params
 * (the other player's name, the seconds left) travel with the English sentence.
 */
export function wordedText(w: Worded): string {
  return JSON.stringify(w);
}

function isParams(v: unknown): v is Params {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean")
  );
}

/** The sentence in a refusal's string: its key and params when the server sent them, else the string as it came. */
export function readWorded(text: string): Worded {
  if (!text.startsWith("{")) return { message: text };
  try {
    const v = JSON.parse(text) as { message?: unknown; key?: unknown; params?: unknown };
    if (typeof v.message !== "string") return { message: text };
    return {
      message: v.message,
      ...(typeof v.key === "string" ? { key: v.key } : {}),
      ...(isParams(v.params) ? { params: v.params } : {}),
    };
  } catch {
    return { message: text };
  }
}

/** A malformed message's problem: its field (`where` says whether it has one) and zod's finding (`issue`, a `scenario.issue.*` key, with its params). */
export const FIELD_PROBLEM: MessageKey = "errors.field-problem";

/** A rule's refusal as a worded sentence: its reason names the key ("errors.rule.<reason>"). */
export function ruleWorded(r: Rejection): Worded {
  return { message: r.message, key: `errors.rule.${r.reason}`, ...(r.params ? { params: r.params } : {}) };
}
