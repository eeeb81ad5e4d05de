import { currentLocale, isMessageKey, type Params, t } from "../i18n/index.ts";
import { CREATE_ERRORS, JOIN_ERRORS } from "../messages/messages.ts";
import { LINK_EXPIRED } from "../messages/phone-link.ts";
import { SEAT_ERRORS } from "../messages/seat-codes.ts";
import { FIELD_PROBLEM } from "../messages/worded.ts";
import { ISSUE_PREFIX } from "../scenarios/issues.ts";

/** An error as a screen receives it: the socket's `error` message, a refused join's numeric code, an HTTP error body. */
export interface ErrorLike {
  code: string | number;
  /** The server's sentence, in English. */
  message: string;
  /** A rule's refusal: which of its sentences ("errors.rule.<reason>"). */
  reason?: string;
  /** Any other sentence the server worded (shared/messages/worded.ts): its full catalog key. */
  key?: string;
  params?: Params;
}

/** A refused join's number (a matchmaking error's `code`) as the code it stands for; 0 is no answer at all. */
const NUMBERED: Record<number, string> = {
  ...Object.fromEntries(Object.entries({ ...JOIN_ERRORS, ...SEAT_ERRORS }).map(([code, n]) => [n, code])),
  [LINK_EXPIRED]: "link-expired",
  [CREATE_ERRORS["unknown-session"]]: "unknown-session",
  [CREATE_ERRORS["cannot-replay"]]: "cannot-replay",
  522: "not-running",
  0: "unreachable",
};

/** A malformed message's problem: the field, and zod's finding in the checker's words. */
function fieldProblem(params: Params): string | undefined {
  const finding = `${ISSUE_PREFIX}${String(params.issue)}`;
  if (!isMessageKey(finding)) return undefined;
  return t(FIELD_PROBLEM, { where: params.where, field: params.field, problem: t(finding, params) });
}

/**
 * What went wrong, in this screen's language: the sentence the server named (a key, or a rule's reason),
 * else the code's, else the server's English sentence (a code this catalog does not know).
 * English screens show the server's sentence as it came: it is the most specific one.
 */
export function errorText(e: ErrorLike): string {
  if (currentLocale() === "en" && e.message) return e.message;
  const problem = e.key === FIELD_PROBLEM && e.params ? fieldProblem(e.params) : undefined;
  if (problem) return problem;
  if (e.key && isMessageKey(e.key)) return t(e.key, e.params);
  const reason = `errors.rule.${e.reason ?? ""}`;
  if (e.reason && isMessageKey(reason)) return t(reason, e.params);
  const code = typeof e.code === "number" ? NUMBERED[e.code] : e.code;
  const key = `errors.code.${code}`;
  if (code !== undefined && isMessageKey(key)) return t(key, e.params);
  return e.message;
}
