import { ColyseusTestServer } from "@colyseus/testing";
import { Client, type Room } from "@colyseus/sdk";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { roomMessages } from "../../client/net/room-messages.ts";
import { createServer, type AppOptions } from "../../server/app.ts";
import type { ServerLimits } from "../../server/limits/limits.ts";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";
import { EMPTY_INBOX, ROOM_NAME, type ServerMessages } from "../../shared/messages/messages.ts";
import type { ClassroomState } from "../../shared/schema/classroom-state.ts";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface TestGame {
  colyseus: ColyseusTestServer;
  store: SqliteStore;
  port: number;
  url: string;
  sdk: Client;
  dataDir: string;
  shutdown(): Promise<void>;
}

/**
 * Every client of a test comes from one address (loopback), as a whole class behind one NAT
 * would, but far faster than a class: the suite's servers let one address do much more.
 * Tests of those limits pass `serverLimits` themselves (tests/hostile/limits.test.ts), as do
 * tests of latecomers asking the facilitator first (the suite seats them at once).
 */
const SUITE_ADDRESS_LIMITS: Partial<ServerLimits> = {
  sessionsPerAddressPerHour: 100_000,
  joinsPerAddressPerSecond: 10_000,
  wrongCodesPerAddressPerMinute: 100_000,
  floodPauseSeconds: 0,
  // Many tests seat players mid-game without a facilitator's click; tests/hostile/puppets plays the default.
  lateSeatsAsk: false,
};

/** A real server on a free port with its own data folder, as `npm start` would run it. */
export async function startTestServer(opts: Partial<AppOptions> = {}): Promise<TestGame> {
  const dataDir = mkdtempSync(join(tmpdir(), "citizen-score-"));
  const store = new SqliteStore(dataDir);
  const port = await freePort();
  const server = createServer({ store, port, reconnectSeconds: 5, ...opts, serverLimits: { ...SUITE_ADDRESS_LIMITS, ...opts.serverLimits } });
  await server.listen(port);
  const colyseus = new ColyseusTestServer(server);
  const url = `http://127.0.0.1:${port}`;
  return {
    colyseus,
    store,
    port,
    url,
    dataDir,
    sdk: new Client(url),
    async shutdown() {
      await colyseus.shutdown();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type GameRoom = Room<any, ClassroomState>;

/** Resolves with the next message of a type, or rejects after a timeout. */
export function nextMessage<K extends keyof ServerMessages>(room: GameRoom, type: K, timeoutMs = 3000): Promise<ServerMessages[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
    const off = room.onMessage(type, (msg: ServerMessages[K]) => {
      clearTimeout(timer);
      off();
      resolve(msg);
    });
  });
}

/** Waits until a condition on the client's decoded state holds. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What a screen receives besides the state: the public feed, and a player's inbox or a facilitator's true scores. */
export function listen(room: GameRoom) {
  /** Every `inbox` message (the whole, then the fields that changed), oldest first: only the seat's owner gets one. */
  const inboxes: ServerMessages["inbox"][] = [];
  /** Every true score as the facilitator's screen has it now. */
  const hostScores: Record<string, number> = {};
  room.onMessage("rules", () => undefined);
  // As the browser's connection does, so that a client view bound later has what came first.
  const messages = roomMessages(room);
  room.onMessage("inbox", (m: ServerMessages["inbox"]) => inboxes.push(m));
  room.onMessage("host-scores", (m: ServerMessages["host-scores"]) => Object.assign(hostScores, m));
  /** The public feed lines this screen has (the last 60), in order; `onFeed` hears new ones. */
  return { feed: messages.feed, onFeed: messages.onFeed.bind(messages), inboxes, hostScores, inbox: () => messages.inbox ?? EMPTY_INBOX };
}

export async function host(game: TestGame, options: Record<string, unknown> = {}) {
  const room = (await game.sdk.create(ROOM_NAME, { seed: 7, ...options })) as GameRoom;
  const heard = listen(room);
  const welcome = await nextMessage(room, "welcome");
  return { room, code: welcome.code, hostKey: welcome.hostKey!, feed: heard.feed, onFeed: heard.onFeed, hostScores: heard.hostScores };
}

/** `pin` claims an offline seat back, as a phone that kept its rejoin PIN does. */
export async function joinAs(game: TestGame, code: string, name: string, pin?: string) {
  const sdk = new Client(game.url);
  const room = (await sdk.joinById(code, { name, ...(pin ? { pin } : {}) })) as GameRoom;
  const heard = listen(room);
  const welcome = await nextMessage(room, "welcome");
  await until(() => room.state?.players?.get(welcome.playerId!) !== undefined, `${name} in state`);
  return { room, id: welcome.playerId!, sdk, pin: welcome.pin, ...heard };
}
