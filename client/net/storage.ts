/**
 * What a browser keeps between page loads. A player's seat lives in sessionStorage (one tab,
 * one seat, survives a reload); host keys live in localStorage so the facilitator can reopen the
 * projector view after closing it.
 */
export interface Seat {
  code: string;
  nickname: string;
  playerId: string;
  token: string;
  /** The seat's rejoin PIN, shown on this phone: with it the nickname gets the seat back after the grace period. */
  pin?: string;
}

const SEAT = "citizen-score:seat";
const WATCHING = "citizen-score:watching";
const HOSTS = "citizen-score:hosts";

function read<T>(store: Storage, key: string): T | undefined {
  try {
    const raw = store.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(store: Storage, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing may refuse storage; the game still plays, only a reload loses the seat.
  }
}

export const seats = {
  get: (): Seat | undefined => read<Seat>(sessionStorage, SEAT),
  set: (seat: Seat) => write(sessionStorage, SEAT, seat),
  clear: () => sessionStorage.removeItem(SEAT),
};

/** A tab watching a session (the watch view, an observer): its reconnection token gets the same screen back after a reload. */
export interface Watching {
  code: string;
  name?: string;
  token: string;
}

export const watching = {
  get: (): Watching | undefined => read<Watching>(sessionStorage, WATCHING),
  set: (w: Watching) => write(sessionStorage, WATCHING, w),
};

export interface HostEntry {
  code: string;
  hostKey: string;
  createdAt: number;
}

export const hostKeys = {
  all: (): HostEntry[] => Object.values(read<Record<string, HostEntry>>(localStorage, HOSTS) ?? {}).sort((a, b) => b.createdAt - a.createdAt),
  get: (code: string): string | undefined => read<Record<string, HostEntry>>(localStorage, HOSTS)?.[code]?.hostKey,
  set(code: string, hostKey: string): void {
    const all = read<Record<string, HostEntry>>(localStorage, HOSTS) ?? {};
    all[code] = { code, hostKey, createdAt: all[code]?.createdAt ?? Date.now() };
    // Keep the ten most recent sessions; older keys are of no use on this screen.
    const recent = Object.values(all)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, 10);
    write(localStorage, HOSTS, Object.fromEntries(recent.map((e) => [e.code, e])));
  },
  remove(code: string): void {
    const all = read<Record<string, HostEntry>>(localStorage, HOSTS) ?? {};
    delete all[code];
    write(localStorage, HOSTS, all);
  },
};
