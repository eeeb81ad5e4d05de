import { worded } from "../../shared/messages/worded.ts";
import type { Refusal } from "./address-guard.ts";

/**
 * What one device, or one network address, may do to a server a school shares. A class of 40
 * (or a lecture hall of 500) behind one school NAT shares one address, so the per-address
 * numbers leave room for a whole class joining at once and stop only what no class does.
 */
export interface ServerLimits {
  /** New sessions one address may create in an hour (a bucket: all at once, then spread out). */
  sessionsPerAddressPerHour: number;
  /** Sessions this process runs at once; a create beyond is refused until one ends. */
  liveSessions: number;
  /** Seat requests (`joinById`) one address may make a second, after a burst of 50 (or ten seconds' worth). */
  joinsPerAddressPerSecond: number;
  /** Seats one address may hold in one session (a lecture hall behind one NAT still fits). */
  seatsPerAddress: number;
  /** Wrong join codes one address may type in a minute, all at once or spread out, before it must wait. */
  wrongCodesPerAddressPerMinute: number;
  /** How long an address may not take a new seat after one of its connections was cut for flooding. */
  floodPauseSeconds: number;
  /** Unused seat reservations expire after this many seconds. */
  seatReservationSeconds: number;
  /**
   * A new player arriving after the game started waits for the facilitator's yes (one click
   * on the projector). Seats are per address and a class shares one, so nothing else tells a
   * late classmate from a script's puppets joining mid-round to gang up on someone.
   */
  lateSeatsAsk: boolean;
  /** Client addresses come from X-Forwarded-For (the last hop, which the proxy wrote), for a server behind a reverse proxy. */
  trustProxy: boolean;
  /** Origins besides the server's own whose pages may call it from a browser. */
  allowedOrigins: string[];
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  sessionsPerAddressPerHour: 30,
  liveSessions: 200,
  joinsPerAddressPerSecond: 4,
  seatsPerAddress: 500,
  wrongCodesPerAddressPerMinute: 20,
  floodPauseSeconds: 10,
  seatReservationSeconds: 15,
  lateSeatsAsk: true,
  trustProxy: false,
  allowedOrigins: [],
};

/** The environment variable of each number, as the README's table lists them. */
const LIMIT_VARIABLES = {
  sessionsPerAddressPerHour: "SESSIONS_PER_ADDRESS_PER_HOUR",
  liveSessions: "MAX_LIVE_SESSIONS",
  joinsPerAddressPerSecond: "JOINS_PER_ADDRESS_PER_SECOND",
  seatsPerAddress: "SEATS_PER_ADDRESS",
  wrongCodesPerAddressPerMinute: "WRONG_CODES_PER_ADDRESS_PER_MINUTE",
  floodPauseSeconds: "FLOOD_PAUSE_SECONDS",
  seatReservationSeconds: "SEAT_RESERVATION_SECONDS",
} as const;

/** The limits the environment sets, or a sentence naming the variable that is not a number. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerLimits | string {
  const out: ServerLimits = { ...DEFAULT_SERVER_LIMITS };
  for (const [field, name] of Object.entries(LIMIT_VARIABLES) as [keyof typeof LIMIT_VARIABLES, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) return `${name} must be a positive number (default ${DEFAULT_SERVER_LIMITS[field]}), not "${raw}".`;
    out[field] = n;
  }
  out.trustProxy = ["1", "true", "yes"].includes((env.TRUST_PROXY ?? "").toLowerCase());
  out.lateSeatsAsk = !["0", "false", "no"].includes((env.LATE_SEATS_ASK ?? "").toLowerCase());
  const origins = (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) return `ALLOWED_ORIGINS is a comma-separated list of origins such as https://school.example; "${o}" is not one.`;
  }
  out.allowedOrigins = origins;
  return out;
}

/** A new session while this process runs `liveSessions` already: the gate's answer, and the room's should two arrive at once. */
export function serverFull(liveSessions: number): Refusal {
  return {
    status: 503,
    code: "server-full",
    ...worded("errors.limit.server-full", { max: liveSessions }),
    retryAfterSeconds: 60,
  };
}
