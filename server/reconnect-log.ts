/**
 * Colyseus logs two lines for every screen that tries to reconnect to a room this process no
 * longer runs (after a restart, or a takeover by another process): hundreds per restart. This
 * logger counts those and says them in one line a minute at most; everything else goes to the
 * console as before.
 */
const REJOIN_NOISE = /^❌ (room "[^"]*" has been disposed|reconnection token invalid or expired)/u;
const SUMMARY_EVERY_MS = 60_000;

export function reconnectionSummary(out: Pick<Console, "debug" | "error" | "info" | "trace" | "warn"> = console) {
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (count === 0) return;
    out.info(
      `${count} reconnection${count === 1 ? "" : "s"} to sessions this process no longer runs (after a restart or a takeover); those screens join again by code.`,
    );
    count = 0;
  };
  return {
    debug: (...args: unknown[]) => out.debug(...args),
    error: (...args: unknown[]) => out.error(...args),
    trace: (...args: unknown[]) => out.trace(...args),
    warn: (...args: unknown[]) => out.warn(...args),
    info: (...args: unknown[]) => {
      if (typeof args[0] !== "string" || !REJOIN_NOISE.test(args[0])) return out.info(...args);
      count++;
      if (!timer) {
        timer = setTimeout(flush, SUMMARY_EVERY_MS);
        timer.unref();
      }
    },
  };
}
