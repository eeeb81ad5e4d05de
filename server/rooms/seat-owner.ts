import type { Client } from "@colyseus/core";
import { WebSocket } from "ws";

/** How long a socket gets to answer a ping before it is taken for dead. */
const PROBE_MS = 2000;

/** The `ws` socket under a Colyseus client (ws-transport's `ref`). */
function socketOf(client: Client): WebSocket | undefined {
  return client.ref instanceof WebSocket ? client.ref : undefined;
}

/** Whether the client's socket is open as far as the server knows. */
export function isOpen(client: Client): boolean {
  return socketOf(client)?.readyState === WebSocket.OPEN;
}

/**
 * A socket the server still holds may be a phone that went out of range a moment ago: it gets
 * PROBE_MS to answer a ping, and is closed if it does not, so its owner's next reconnection gets
 * the seat instead of waiting for the transport's own ping to notice.
 */
export function probe(client: Client): void {
  const socket = socketOf(client);
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  const timer = setTimeout(() => socket.terminate(), PROBE_MS);
  socket.once("pong", () => clearTimeout(timer));
  socket.ping();
}
