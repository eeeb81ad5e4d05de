import { CLOSE_LINK_ENDED } from "./phone-link.ts";
import { CLOSE_HOST_KEY_CHANGED, CLOSE_REQUEST_DENIED } from "./seat-codes.ts";

/**
 * Why the server closed a room's socket, one code per reason (docs/PROTOCOL.md). 4000-4010 are
 * Colyseus' own; the game's are above them. The SDK reconnects by itself only after an abnormal
 * close (1006 and the like): after any of these it hands the close to the page.
 */
export const CLOSE_CODES = {
  /** The facilitator removed this player. */
  removed: 4000,
  /** Colyseus: the server is shutting down; come back once it is up. */
  serverShutdown: 4001,
  /** Colyseus: a join or reconnection failed after its socket opened. */
  joinFailed: 4002,
  /** The facilitator said no to this phone's request for a seat or for the controls (its `error` says why). */
  requestDenied: CLOSE_REQUEST_DENIED,
  /** The host key was changed on another facilitator screen: this one is signed out. */
  hostKeyChanged: CLOSE_HOST_KEY_CHANGED,
  /** The phone link this phone waited on expired, or a newer link or host key ended it, before a facilitator answered. */
  linkEnded: CLOSE_LINK_ENDED,
  /** The client sent a frame no SDK sends (undecodable, or of a kind this game never uses). */
  undecodable: 4415,
  /** The client sent more than the connection's budget of frames or bytes. */
  flooding: 4429,
  /** The session's log could not be written: the room stopped; the facilitator resumes it. */
  sessionStopped: 4503,
} as const;
