import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Command } from "../../shared/rules/commands.ts";
import { cleanNickname, nicknameKey } from "../../shared/rules/nickname.ts";
import { PIN_LENGTH } from "../../shared/messages/seat-messages.ts";

/** Wrong PINs a seat takes before only the facilitator can give it back: 5 guesses in a million. */
const MISSES_ALLOWED = 5;

function digest(salt: string, pin: string): string {
  return createHash("sha256").update(`${salt}:${pin}`).digest("hex");
}

export type PinCheck = "ok" | "wrong" | "locked" | "none";

/**
 * The rejoin PIN of each seat, by nickname key. The PIN is shown once, on the phone that took
 * the seat; the server keeps only a salted hash, and writes it into the seat's join command so
 * a session resumed after a restart still knows it. That hash never leaves the server (withoutPins).
 */
export class SeatPins {
  private sealed = new Map<string, string>();
  private misses = new Map<string, number>();

  /** A fresh PIN for a seat that is being taken, and what goes into its join command. */
  issue(): { pin: string; sealed: string } {
    const pin = String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, "0");
    const salt = randomBytes(8).toString("hex");
    return { pin, sealed: `${salt}:${digest(salt, pin)}` };
  }

  /** After the join is applied: this seat's PIN from now on (a returning removed player gets a new one). */
  remember(nickname: string, sealed: string): void {
    const key = nicknameKey(cleanNickname(nickname));
    this.sealed.set(key, sealed);
    this.misses.delete(key);
  }

  /** Every seat's PIN as the log left it: the last join under each name holds its seat's PIN. */
  restore(log: Iterable<{ command: Command }>): void {
    for (const { command } of log) if (command.kind === "join" && command.pin) this.remember(command.nickname, command.pin);
  }

  check(nickname: string, pin: string): PinCheck {
    const key = nicknameKey(cleanNickname(nickname));
    const sealed = this.sealed.get(key);
    if (!sealed) return "none";
    const misses = this.misses.get(key) ?? 0;
    if (misses >= MISSES_ALLOWED) return "locked";
    const [salt, hash] = sealed.split(":");
    const a = Buffer.from(digest(salt, pin), "hex");
    const b = Buffer.from(hash, "hex");
    if (a.length === b.length && timingSafeEqual(a, b)) {
      this.misses.delete(key);
      return "ok";
    }
    this.misses.set(key, misses + 1);
    return misses + 1 >= MISSES_ALLOWED ? "locked" : "wrong";
  }
}

/**
 * The log as it leaves the server (the data API and every export): without the seats' PIN
 * hashes. Ten thousand guesses undo a 4-digit PIN's hash in milliseconds, and whoever read one
 * could claim that seat. The rules ignore `pin`, so the log replays the same without it.
 */
export function withoutPins<E extends { command: Command }>(log: readonly E[]): E[] {
  return log.map((e) => {
    if (e.command.kind !== "join" || e.command.pin === undefined) return e;
    const { pin: _sealed, ...command } = e.command;
    return { ...e, command };
  });
}
