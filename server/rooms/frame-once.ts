import { Protocol } from "@colyseus/core";
import { WebSocketClient } from "@colyseus/ws-transport";
import type { Socket } from "node:net";

/** ws's WebSocket as far as this file relies on it; anything else goes the usual way. */
interface WsSocket {
  readyState: number;
  _socket?: Socket;
  _sender?: { _state?: number };
}

/** Colyseus' client as far as this file relies on it. */
interface TransportClient {
  ref: WsSocket;
  /** Messages sent with `afterNextPatch`, waiting for the patch. */
  _pendingFrames?: Uint8Array[];
}

type Raw = (this: TransportClient, data: unknown, options?: unknown, cb?: (err?: Error | null) => void) => void;

const OPEN = 1;
/** ws's Sender between messages: not compressing, not reading a Blob. */
const SENDER_IDLE = 0;
/** FIN and the binary opcode: every frame the server sends is one whole binary message. */
const FIN_BINARY = 0x82;

function headerSize(n: number): number {
  return n < 126 ? 2 : n < 65536 ? 4 : 10;
}

/** Writes `data` as one unmasked binary frame (RFC 6455, 5.2) into `out` at `at`; returns where it ends. */
function writeFrame(out: Buffer, at: number, data: Uint8Array): number {
  const n = data.length;
  out[at] = FIN_BINARY;
  if (n < 126) out[at + 1] = n;
  else if (n < 65536) {
    out[at + 1] = 126;
    out.writeUInt16BE(n, at + 2);
  } else {
    out[at + 1] = 127;
    out.writeUInt32BE(Math.floor(n / 2 ** 32), at + 2);
    out.writeUInt32BE(n >>> 0, at + 6);
  }
  const head = headerSize(n);
  out.set(data, at + head);
  return at + head + n;
}

/** Frames made this turn of the event loop, by the bytes Colyseus handed over. */
const framed = new Map<Uint8Array, Buffer>();

function frameOnce(data: Uint8Array): Buffer {
  let frame = framed.get(data);
  if (frame === undefined) {
    if (framed.size === 0) queueMicrotask(() => framed.clear());
    frame = Buffer.allocUnsafe(headerSize(data.length) + data.length);
    writeFrame(frame, 0, data);
    framed.set(data, frame);
  }
  return frame;
}

/** The patch's frame followed by the frames of the messages waiting for it, in one buffer. */
function patchWithMessages(patch: Buffer, messages: Uint8Array[]): Buffer {
  let size = patch.length;
  for (const m of messages) size += headerSize(m.length) + m.length;
  const out = Buffer.allocUnsafe(size);
  patch.copy(out, 0);
  let at = patch.length;
  for (const m of messages) at = writeFrame(out, at, m);
  return out;
}

let installed = false;

/**
 * Every screen in a room gets the same patch bytes, 20 times a second. Colyseus hands them to
 * each client's WebSocket, which frames them anew for each one (a header buffer, a corked pair
 * of writes, a writev); with hundreds of screens that framing was a third of the server's own
 * work in sending, the rest being the kernel's. Here a message is framed once per turn and
 * each socket gets one plain write of the same buffer: the same bytes on the wire.
 *
 * The messages a room sends `afterNextPatch` (an inbox, a lookup result, a feed batch) go in
 * the patch's write, right behind it, so a screen gets a patch and what follows it in one
 * system call, and Colyseus finds nothing left to send after the patch.
 *
 * Frames are copies, so bytes Colyseus reuses later cannot change what is still waiting in a
 * socket, and the cache lives only until the turn ends. A socket that is not plainly open, or
 * a WebSocket whose shape is not the one expected, is sent to the usual way.
 */
export function frameEachMessageOnce(): void {
  if (installed) return;
  installed = true;
  const proto = WebSocketClient.prototype as unknown as { raw: Raw };
  const send = proto.raw;
  proto.raw = function (data, options, cb) {
    const ws = this.ref;
    const socket = ws._socket;
    if (!(data instanceof Uint8Array) || ws.readyState !== OPEN || ws._sender?._state !== SENDER_IDLE || !socket || socket.destroyed) {
      return send.call(this, data, options, cb);
    }
    const waiting = this._pendingFrames;
    if (waiting !== undefined && waiting.length > 0 && data[0] === Protocol.ROOM_STATE_PATCH) {
      socket.write(patchWithMessages(frameOnce(data), waiting), cb);
      waiting.length = 0;
    } else {
      socket.write(frameOnce(data), cb);
    }
  };
}
