import { matchMaker, ServerError } from "@colyseus/core";
import { CREATE_ERRORS } from "../../shared/messages/messages.ts";
import type { AddressGuard } from "../limits/address-guard.ts";
import { refusals } from "../limits/refusal-log.ts";
import { wordedText } from "../../shared/messages/worded.ts";

type Invoke = typeof matchMaker.controller.invokeMethod;

/** Colyseus' own matchmaking call, kept once: a second server in the process wraps it afresh, not a wrapper. */
let colyseusInvoke: Invoke | undefined;

/**
 * A resume (`create` with `{ resume: code, hostKey }`) names a join code in its body, which
 * the gate does not read: its code is judged where Colyseus hands the parsed options to the
 * matchmaker (the controller's `invokeMethod`). It waits while the address' wrong codes are
 * spent, like a seat request, and a code with no stored session (or a host key that is not
 * the session's, answered the same) is a wrong code.
 */
export function countResumeCodes(guard: AddressGuard): void {
  const controller = matchMaker.controller;
  colyseusInvoke ??= controller.invokeMethod.bind(controller);
  const invoke = colyseusInvoke;
  controller.invokeMethod = async (method, roomName, clientOptions, authOptions) => {
    const resume = (clientOptions as { resume?: unknown } | undefined)?.resume;
    if (method !== "create" || resume === undefined) return invoke(method, roomName, clientOptions, authOptions);
    const address = authOptions?.ip ?? "unknown";
    const refused = guard.beforeCode(address);
    if (refused) {
      refusals.note(refused.code, `resume ${String(resume).slice(0, 20)}`);
      throw new ServerError(refused.status, refused.key ? wordedText(refused) : refused.message);
    }
    let wrong = true;
    try {
      const answer = await invoke(method, roomName, clientOptions, authOptions);
      wrong = false;
      return answer;
    } catch (err) {
      wrong = (err as { code?: unknown }).code === CREATE_ERRORS["unknown-session"];
      throw err;
    } finally {
      guard.codeAnswered(address, wrong);
    }
  };
}
