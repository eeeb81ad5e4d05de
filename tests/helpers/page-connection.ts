import { vi } from "vitest";
import type { Connection, Status } from "../../client/net/connection.ts";

/** A browser's origin and storage as plain objects, so the pages' own connection runs in Node. */
export function browserGlobals(origin: string): void {
  const storage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
  };
  vi.stubGlobal("location", { origin });
  vi.stubGlobal("sessionStorage", storage());
  vi.stubGlobal("localStorage", storage());
}

/** A page's connection (client/net/connection.ts) through `origin`, with every status it went through. */
export async function pageConnection(origin: string): Promise<{ conn: Connection; statuses: Status[]; errors: string[]; times: number[] }> {
  browserGlobals(origin);
  const { Connection } = await import("../../client/net/connection.ts");
  const conn = new Connection();
  const statuses: Status[] = [];
  const errors: string[] = [];
  /** When each status came. */
  const times: number[] = [];
  conn.onStatus((s) => {
    statuses.push(s);
    times.push(Date.now());
  });
  conn.onError((e) => errors.push(e.message));
  return { conn, statuses, errors, times };
}
