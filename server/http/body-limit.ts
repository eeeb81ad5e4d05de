import type { IncomingMessage } from "node:http";
import type { Refusal } from "../limits/address-guard.ts";
import { fieldIssue, WHOLE_FILE } from "../../shared/scenarios/issues.ts";
import type { FieldIssue } from "../../shared/scenarios/load.ts";

/** Matchmaking requests carry `{ name }`, a host key or a few create options: well under a kilobyte. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Colyseus' matchmaking route reads a body whole, so one scripted POST could otherwise fill the
 * server's memory: a body too large, or of unknown size (chunked), is refused before anything reads it.
 */
export function bodyProblem(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Refusal | undefined {
  if (req.headers["transfer-encoding"] !== undefined) return { status: 411, code: "length-required", message: "Send the request with a Content-Length." };
  if (Number(req.headers["content-length"] ?? 0) > maxBytes)
    return { status: 413, code: "too-large", message: `Request bodies are limited to ${maxBytes / 1024} KiB.` };
  return undefined;
}

/** An uploaded scenario express could not read: over the limit, or not JSON. */
export function unreadable(tooBig: boolean): FieldIssue {
  return tooBig ? fieldIssue(WHOLE_FILE, "scenario.issue.too-large", { kib: MAX_BODY_BYTES / 1024 }) : fieldIssue(WHOLE_FILE, "scenario.issue.not-json");
}
