import { ACTION_NAMES } from "../../shared/rules/config.ts";

export type Rnd = () => number;

/** One message as a hostile or clumsy client would send it: a type and any payload at all. */
export interface Junk {
  type: string | number;
  payload: unknown;
  /** Sent with `sendBytes` (a raw byte message) rather than `send`. */
  bytes?: boolean;
}

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** Numbers a schema must not let through: NaN, infinities, negatives, fractions, beyond 2^53. */
const BAD_NUMBERS = [NaN, Infinity, -Infinity, -1, -0.5, 0, 0.5, 2 ** 31 + 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE];

function deep(rnd: Rnd, depth: number): unknown {
  let v: unknown = pick(rnd, ["x", 1, null, true]);
  for (let i = 0; i < depth; i++) v = rnd() < 0.5 ? { a: v } : [v];
  return v;
}

function hugeString(rnd: Rnd): string {
  // At most about 11 KB: under the transport's frame limit, which transport.test.ts covers.
  return pick(rnd, ["A", "é", "🦊", "<script>", "\u0000", "\u202E"]).repeat(200 + Math.floor(rnd() * 1_200));
}

/** Any value at all, weighted toward the shapes that break naive validators. */
function anyValue(rnd: Rnd, ids: readonly string[]): unknown {
  switch (Math.floor(rnd() * 11)) {
    case 0:
      return pick(rnd, BAD_NUMBERS);
    case 1:
      return hugeString(rnd);
    case 2:
      return deep(rnd, 1 + Math.floor(rnd() * 800));
    case 3:
      return pick(rnd, [null, undefined, true, false, "", [], {}]);
    case 4:
      return pick(rnd, ids);
    case 5:
      return `p${Math.floor(rnd() * 1e7)}`;
    case 6:
      return pick(rnd, ACTION_NAMES);
    case 7:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    case 8:
      return new Uint8Array(Math.floor(rnd() * 64)).map(() => Math.floor(rnd() * 256));
    case 9:
      return Math.floor(rnd() * 2 ** 32) - 2 ** 31;
    default:
      return { $gt: "", toString: "x", valueOf: 1 };
  }
}

/** A well-formed `act` the rules will accept or refuse depending on the game: the baseline noise. */
function plausibleAct(rnd: Rnd, ids: readonly string[]): Junk {
  const payload: Record<string, unknown> = { action: pick(rnd, ACTION_NAMES) };
  if (rnd() < 0.7) payload.target = rnd() < 0.85 ? pick(rnd, ids) : `p${Math.floor(rnd() * 999)}`;
  if (payload.action === "appeal" && rnd() < 0.3) payload.deduction = 1 + Math.floor(rnd() * 50);
  return { type: "act", payload };
}

function brokenAct(rnd: Rnd, ids: readonly string[]): Junk {
  const shapes: (() => unknown)[] = [
    () => anyValue(rnd, ids),
    () => ({ action: anyValue(rnd, ids) }),
    () => ({ action: pick(rnd, ACTION_NAMES), target: anyValue(rnd, ids) }),
    () => ({ action: "appeal", deduction: pick(rnd, BAD_NUMBERS) }),
    () => ({ action: pick(rnd, ACTION_NAMES), player: pick(rnd, ids) }),
    () => ({ action: pick(rnd, ACTION_NAMES), [hugeString(rnd).slice(0, 300)]: 1 }),
  ];
  const payload = pick(rnd, shapes)();
  // Some shapes can come out valid by chance (an id where a value was drawn); that is fine,
  // the accounting counts what the server accepted, not what the generator meant.
  return { type: "act", payload };
}

/** The host never removes a fuzzing client: its later messages would go unanswered by design. */
function notAnId(v: unknown, ids: readonly string[]): unknown {
  return typeof v === "string" && ids.includes(v) ? "p999999" : v;
}

function facilitatorCommand(rnd: Rnd, ids: readonly string[]): unknown {
  // Rarely: fifty rounds skipped in a few seconds would end the game and leave nothing to fuzz.
  if (rnd() < 0.01) return { type: "next-round" };
  return pick(rnd, [
    { type: "start" },
    { type: "pause" },
    { type: "resume" },
    { type: "lock" },
    { type: "unlock" },
    { type: "settings", friendWeight: rnd() },
    { type: "settings", rounds: pick(rnd, BAD_NUMBERS) },
    { type: "settings", roundSeconds: 10 + Math.floor(rnd() * 20) },
    { type: "remove", player: `p${Math.floor(rnd() * 999) + 500}` },
    { type: "remove", player: notAnId(anyValue(rnd, ids), ids) },
    { type: anyValue(rnd, ids) },
    anyValue(rnd, ids),
  ]);
}

/** A player's next message: mostly junk, some plausible play, some attempts at the host's buttons. */
export function playerJunk(rnd: Rnd, ids: readonly string[]): Junk {
  const r = rnd();
  if (r < 0.3) return plausibleAct(rnd, ids);
  if (r < 0.7) return brokenAct(rnd, ids);
  if (r < 0.8) return { type: "facilitate", payload: rnd() < 0.3 ? { type: "remove", player: pick(rnd, ids), ban: true } : facilitatorCommand(rnd, ids) };
  if (r < 0.9)
    return { type: pick(rnd, ["", "welcome", "error", "__proto__", "constructor", "act ", "ACT", hugeString(rnd).slice(0, 60)]), payload: anyValue(rnd, ids) };
  if (r < 0.95) return { type: Math.floor(rnd() * 300) - 50, payload: anyValue(rnd, ids) };
  return { type: pick(rnd, ["act", "facilitate", "x"]), payload: new Uint8Array(Math.floor(rnd() * 100)), bytes: true };
}

/** The host's next message: its own commands, valid or not, and actions it may not take. */
export function hostJunk(rnd: Rnd, ids: readonly string[]): Junk {
  if (rnd() < 0.8) return { type: "facilitate", payload: facilitatorCommand(rnd, ids) };
  return rnd() < 0.5 ? plausibleAct(rnd, ids) : brokenAct(rnd, ids);
}
