import { defineRoom, defineServer, Room, type Client } from "@colyseus/core";
import { schema, t, type SchemaType } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";

/**
 * The yardstick of the benchmark: the barest Colyseus room on the same packages, transport and
 * patch rate as the product, where a message changes one number of the sender's schema and
 * nothing else. Whatever our room costs beyond this is the game's own cost.
 */
const BarePlayer = schema({ id: t.string(), score: t.uint32() }, "BarePlayer");

const BareState = schema({ players: t.map(BarePlayer) }, "BareState");
type BareState = SchemaType<typeof BareState>;

// bench/baseline-client.ts joins it by this name.
const BASELINE_ROOM = "bare";

class BareRoom extends Room<{ state: BareState }> {
  state = new BareState();
  maxClients = 1000;
  maxMessagesPerSecond = 40;

  messages = {
    bump: (client: Client) => {
      const p = this.state.players.get(client.sessionId);
      if (p) p.score += 1;
    },
  };

  onJoin(client: Client, options: { observe?: boolean } | undefined) {
    if (options?.observe) return;
    this.state.players.set(client.sessionId, new BarePlayer({ id: client.sessionId, score: 0 }));
  }

  onLeave(client: Client) {
    this.state.players.delete(client.sessionId);
  }
}

const port = Number(process.env.PORT ?? 2568);
const server = defineServer({
  rooms: { [BASELINE_ROOM]: defineRoom(BareRoom) },
  // The product's MAX_FRAME_BYTES (server/app.ts), written out so this process loads none of the product.
  transport: new WebSocketTransport({ maxPayload: 16 * 1024 }),
  greet: false,
});
await server.listen(port, process.env.HOST || "127.0.0.1");
console.log("Baseline is running.");
