import { worded, wordedText } from "../../shared/messages/worded.ts";
import { ServerError, type AuthContext, type Client } from "@colyseus/core";
import { JOIN_ERRORS } from "../../shared/messages/messages.ts";
import { cleanNickname, nicknameKey } from "../../shared/rules/nickname.ts";
import type { PlayerId } from "../../shared/rules/state.ts";
import type { AddressGuard } from "../limits/address-guard.ts";
import { serverFull, type ServerLimits } from "../limits/limits.ts";
import { onFlood } from "../transport/frame-budget.ts";
import { anyoneJoined } from "../storage/empty-sessions.ts";
import { ClassroomRoom } from "./classroom-room.ts";

/** What the server shares with its rooms to hold each client address to its limits. */
export interface RoomGuard {
  addresses: AddressGuard;
  limits: ServerLimits;
  /** Sessions this process is running now. */
  live: { count: number };
}

interface Auth {
  address: string;
}

/**
 * The classroom behind the server's limits: how many sessions a process runs, how many seats
 * one address holds in a session, a flooding connection's address kept from new seats for a
 * while, and a session nobody joined not kept as a record of nothing.
 */
export class GuardedClassroom extends ClassroomRoom {
  declare guard: RoomGuard;
  private counted = false;
  private seatsFrom = new Map<string, Set<PlayerId>>();

  async onCreate(options: unknown) {
    const { live, limits } = this.guard;
    // The gate refuses these first (server-full); two creates arriving together can still pass it.
    if (live.count >= limits.liveSessions) {
      const full = serverFull(limits.liveSessions);
      throw new ServerError(full.status, wordedText(full));
    }
    live.count++;
    this.counted = true;
    this.seatReservationTimeout = limits.seatReservationSeconds;
    try {
      await super.onCreate(options);
      // The transport counts messages before they are decoded (frame-budget.ts), exactly; Colyseus'
      // own count would also take the join handshake and pings for messages, and close with 4002.
      this.maxMessagesPerSecond = Infinity;
    } catch (err) {
      this.uncount();
      throw err;
    }
  }

  protected lateSeatsAsk(): boolean {
    return this.guard.limits.lateSeatsAsk;
  }

  /** The address the server's gate judged (it wrote it where Colyseus reads the client's IP). */
  onAuth(_client: Client, _options: unknown, context: AuthContext): Auth {
    return { address: context.ip ?? "unknown" };
  }

  async onJoin(client: Client, options: unknown, auth?: Auth) {
    const address = auth?.address ?? "unknown";
    const name = (options as { name?: unknown } | undefined)?.name;
    const held = this.seatsFrom.get(address);
    // Removed players' seats are gone: a facilitator who clears offline seats makes room.
    if (held) for (const id of held) if (!this.gameState.players[id]) held.delete(id);
    if (typeof name === "string" && held && held.size >= this.guard.limits.seatsPerAddress && !this.heldByName(held, name)) {
      throw new ServerError(JOIN_ERRORS["too-many-seats"], wordedText(worded("errors.join.too-many-seats", { count: held.size })));
    }
    onFlood(client.ref, () => this.guard.addresses.flooded(address));
    await super.onJoin(client, options);
    const player = this.playerOf(client.sessionId);
    if (player === undefined) return;
    if (held) held.add(player);
    else this.seatsFrom.set(address, new Set([player]));
  }

  /** A player coming back to a seat their address already holds takes no new one. */
  private heldByName(held: Set<PlayerId>, name: string): boolean {
    const key = nicknameKey(cleanNickname(name));
    return [...held].some((id) => {
      const p = this.gameState.players[id];
      return p !== undefined && nicknameKey(p.nickname) === key;
    });
  }

  async onDispose() {
    try {
      await super.onDispose();
      // Nobody ever took a seat: there is nothing to resume, replay or debrief.
      if (this.holdsSession && Object.keys(this.gameState.players).length === 0 && !(await anyoneJoined(this.deps.store, this.roomId))) {
        await this.deps.store.delete(this.roomId);
      }
    } finally {
      this.uncount();
    }
  }

  private uncount() {
    if (this.counted) this.guard.live.count--;
    this.counted = false;
  }
}
