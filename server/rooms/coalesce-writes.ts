import type { Client } from "@colyseus/core";
import type { Socket } from "node:net";

/**
 * Holds the clients' socket writes until the end of this turn of the event loop, so that a
 * patch and the messages sent right after it (a feed batch, an inbox, a lookup result) leave
 * in one write, one system call, instead of several. With hundreds of screens and 20 patches
 * a second, those system calls are most of what the server does. It reaches into the
 * WebSocket transport (`client.ref` is the ws WebSocket, `_socket` its TCP socket); where that
 * shape is missing, writes go out one by one as before.
 */
export function coalesceWritesThisTurn(clients: Iterable<Client>): void {
  const held: Socket[] = [];
  for (const client of clients) {
    const socket = (client as unknown as { ref?: { _socket?: Socket } }).ref?._socket;
    if (!socket || socket.destroyed || typeof socket.cork !== "function") continue;
    socket.cork();
    held.push(socket);
  }
  if (held.length > 0) process.nextTick(() => held.forEach((s) => s.uncork()));
}
