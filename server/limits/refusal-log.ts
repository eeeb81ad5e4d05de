/** Lines a kind of refusal may write in a window before the rest are only counted. */
const LINES_PER_WINDOW = 5;
const WINDOW_MS = 60_000;

interface Tally {
  lines: number;
  more: number;
}

/**
 * The log of what the server turned away (undecodable or flooding frames, refused paths,
 * over-limit requests): one line each, no stack trace (these are expected, not faults), and
 * past a few lines a minute of one kind only a count, written when the minute is over. A
 * client that sends a million bad frames writes a handful of lines, not a million. A line says
 * what was refused, never who sent it: no client address is logged (README, data section).
 */
class RefusalLog {
  private tallies = new Map<string, Tally>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private write: (line: string) => void = (line) => console.warn(line)) {}

  /** `kind` groups lines for the count ("frame over budget"); `detail` says which one this was. */
  note(kind: string, detail: string): void {
    let t = this.tallies.get(kind);
    if (!t) {
      t = { lines: 0, more: 0 };
      this.tallies.set(kind, t);
    }
    if (t.lines < LINES_PER_WINDOW) {
      t.lines++;
      this.write(`Refused: ${kind}: ${detail}`);
    } else {
      t.more++;
    }
    this.timer ??= setTimeout(() => this.flush(), WINDOW_MS).unref();
  }

  /** Ends the window: the counts of what was not written, then a fresh window. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [kind, t] of this.tallies) {
      if (t.more > 0) this.write(`Refused: ${kind}: ${t.more} more in the last minute (not each written)`);
    }
    this.tallies.clear();
  }
}

/** One log for the process: every part of the server that refuses writes here. */
export const refusals = new RefusalLog();
