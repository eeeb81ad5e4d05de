import type { SeatRequest, SeatRequestKind } from "../../shared/messages/seat-messages.ts";
import type { PlayerId } from "../../shared/rules/state.ts";
import type { Worded } from "../../shared/messages/worded.ts";
import type { ErrorParams } from "../../shared/rules/commands.ts";

/** More waiting requests than a projector can list; beyond this, asking is refused until some are answered. */
const REQUESTS_MAX = 20;

export interface Pending extends SeatRequest {
  sessionId: string;
  /** The name as typed, for the join an `admit` runs. */
  typed: string;
  player?: PlayerId;
}

/** Phones waiting in the room for the facilitator's answer: seat back, or a refused name let in. */
export class SeatRequests {
  private byId = new Map<string, Pending>();
  private next = 1;

  get full(): boolean {
    return this.byId.size >= REQUESTS_MAX;
  }

  add(sessionId: string, kind: SeatRequestKind, nickname: string, typed: string, reason: Worded | undefined, player?: PlayerId): Pending {
    const said = {
      reason: reason?.message ?? "",
      ...(reason?.key ? { reasonKey: reason.key } : {}),
      ...(reason?.params ? { params: reason.params as ErrorParams } : {}),
    };
    const request: Pending = { id: `r${this.next++}`, kind, nickname, ...said, sessionId, typed, ...(player ? { player } : {}) };
    this.byId.set(request.id, request);
    return request;
  }

  /** The request with this id, taken off the list (the facilitator answered it). */
  take(id: string): Pending | undefined {
    const request = this.byId.get(id);
    this.byId.delete(id);
    return request;
  }

  /** A waiting phone left: its request goes. True when there was one. */
  dropClient(sessionId: string): boolean {
    for (const [id, r] of this.byId) if (r.sessionId === sessionId) return this.byId.delete(id);
    return false;
  }

  isWaiting(sessionId: string): boolean {
    for (const r of this.byId.values()) if (r.sessionId === sessionId) return true;
    return false;
  }

  /** The list as facilitators see it, oldest first. */
  list(): SeatRequest[] {
    return [...this.byId.values()].map(({ id, kind, nickname, reason, reasonKey, params }) => ({
      id,
      kind,
      nickname,
      reason,
      ...(reasonKey ? { reasonKey } : {}),
      ...(params ? { params } : {}),
    }));
  }
}
