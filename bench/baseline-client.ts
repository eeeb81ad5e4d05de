import type { Client } from "@colyseus/sdk";
import type { DataChange } from "@colyseus/schema";
import { LoadClient } from "./load-client.ts";

/** The baseline's room name, as bench/baseline-server.ts registers it. */
const BARE_ROOM = "bare";

/** A client of the bare baseline room: each message bumps its own number, and every screen sees it. */
export class BaselineClient extends LoadClient {
  /** The watching screen opens the room, as the facilitator does in the product. */
  async host(sdk: Client): Promise<string> {
    const room = await sdk.create(BARE_ROOM, { observe: true });
    this.attach(room);
    return room.roomId;
  }

  async join(sdk: Client, roomId: string): Promise<void> {
    const room = await sdk.joinById(roomId, {});
    this.id = room.sessionId;
    this.attach(room);
  }

  protected actOnce(at: number): boolean {
    this.startAction(at, true);
    this.room.send("bump");
    return true;
  }

  protected onChanges(changes: DataChange[], at: number): void {
    for (const c of changes) {
      if (c.field !== "score") continue;
      const id = (c.ref as unknown as { id: string }).id;
      this.probes.observed(id, this.index, c.value as number, at);
      if (id === this.id && this.inFlightSince !== undefined) {
        this.probes.confirm(id, c.value as number);
        this.resolveAction(true);
      }
    }
  }
}
