import { WebSocketClient } from "@colyseus/ws-transport";
import type { Socket } from "node:net";

/** ws's WebSocket as far as this file relies on it; anything else goes the usual way. */
interface WsSocket {
  readyState: number;
  _socket?: Socket;
  _sender?: { _state?: number };
}

const OPEN = 1;
/** ws's Sender between messages: not compressing, not reading a Blob. */
const SENDER_IDLE = 0;
/** FIN and the binary opcode: every frame the server sends is one whole binary message. */
const FIN_BINARY = 0x82;

/** `data` as one unmasked WebSocket binary frame (RFC 6455, 5.2), header and payload in one buffer. */
export function binaryFrame(data: Uint8Array): Buffer {
  const n = data.length;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = FIN_BINARY;
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
    frame.writeUInt32BE(n >>> 0, 6);
  }
  frame.set(data, head);
  return frame;
}

let installed = false;

/** Frames made this turn of the event loop, by the bytes Colyseus handed over. */
const framed = new Map<Uint8Array, Buffer>();

function frameOnce(data: Uint8Array): Buffer {
  let frame = framed.get(data);
  if (frame === undefined) {
    if (framed.size === 0) queueMicrotask(() => framed.clear());
    frame = binaryFrame(data);
    framed.set(data, frame);
  }
  return frame;
}

/**
 * Every screen in a room gets the same patch bytes, 20 times a second. Colyseus hands them to
 * each client's WebSocket, which frames them anew for each one (a header buffer, a corked pair
 * of writes, a writev); with hundreds of screens that framing was a third of the server's own
 * work in sending, the rest being the kernel's. Here a message is framed once per turn and
 * each socket gets one plain write of the same buffer: the same bytes on the wire.
 *
 * The frame is a copy, so bytes Colyseus reuses later cannot change what is still waiting in a
 * socket, and the cache lives only until the turn ends. A socket that is not plainly open, or
 * a WebSocket whose shape is not the one expected, is sent to the usual way.
 */
export function frameEachMessageOnce(): void {
  if (installed) return;
  installed = true;
  const proto = WebSocketClient.prototype as unknown as { raw: (data: unknown, options?: unknown, cb?: (err?: Error | null) => void) => void; ref: WsSocket };
  const send = proto.raw;
  proto.raw = function (this: { ref: WsSocket }, data: unknown, options?: unknown, cb?: (err?: Error | null) => void) {
    const ws = this.ref;
    const socket = ws._socket;
    if (!(data instanceof Uint8Array) || ws.readyState !== OPEN || ws._sender?._state !== SENDER_IDLE || !socket || socket.destroyed) {
      return send.call(this, data, options, cb);
    }
    socket.write(frameOnce(data), cb);
  };
}
