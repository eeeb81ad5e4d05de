import { describe, expect, it, vi } from "vitest";
import { reconnectionSummary } from "../../server/reconnect-log.ts";

describe("the server log after a restart", () => {
  it("says the screens reconnecting to rooms it no longer runs in one line a minute, and everything else as it comes", () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const log = reconnectionSummary({
        debug: () => undefined,
        error: (m: string) => lines.push(`E ${m}`),
        info: (m: string) => lines.push(m),
        trace: () => undefined,
        warn: () => undefined,
      });
      for (let i = 0; i < 150; i++) {
        log.info(`❌ room "ABCDE" has been disposed. Did you miss .allowReconnection()?\n👉 https://docs.colyseus.io/room#allow-reconnection`);
        log.info(`❌ reconnection token invalid or expired. Did you miss .allowReconnection()?\n👉 https://docs.colyseus.io/room#allow-reconnection`);
      }
      log.info("Citizen Score is running.");
      log.error("a real problem");
      expect(lines).toEqual(["Citizen Score is running.", "E a real problem"]);
      vi.advanceTimersByTime(60_000);
      expect(lines.slice(2)).toEqual([
        "300 reconnections to sessions this process no longer runs (after a restart or a takeover); those screens join again by code.",
      ]);
      vi.advanceTimersByTime(120_000);
      expect(lines).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
