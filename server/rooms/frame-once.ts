import { Protocol } from "@colyseus/core";
import { WebSocketClient } from "@colyseus/ws-transport";
import { Socket } from "node:net";
import { WebSocket } from "ws";

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
  enqueueRaw(data: Uint8Array, options?: { afterNextPatch?: boolean }): void;
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

/** A WebSocket made the way ws's server makes one, on a socket that never connects. */
function serverSideWebSocket(): { ws: WsSocket; close: () => void } {
  const socket = new Socket();
  // `null` is how ws's WebSocketServer makes the server end of a connection before setSocket.
  const ws = new WebSocket(null as unknown as string, undefined, { autoPong: true }) as unknown as WsSocket & {
    setSocket(socket: Socket, head: Buffer, options: object): void;
  };
  ws.setSocket(socket, Buffer.alloc(0), { allowSynchronousEvents: true, maxPayload: 0, skipUTF8Validation: false });
  return { ws, close: () => socket.destroy() };
}

/**
 * Why this file cannot run on the installed ws and Colyseus, or undefined when it can. It reads
 * fields neither package documents (package.json pins both exactly), so before it takes over
 * any sending it checks them: on a WebSocket set up as ws's server does, and on Colyseus' own
 * client holding a message for the next patch.
 */
export function frameOnceProblem(
  Client: new (id: string, ref: never) => unknown = WebSocketClient,
  makeWebSocket: () => { ws: WsSocket; close: () => void } = serverSideWebSocket,
): string | undefined {
  if (typeof Protocol.ROOM_STATE_PATCH !== "number") return "@colyseus/core has no Protocol.ROOM_STATE_PATCH";
  if (typeof (Client.prototype as { raw?: unknown }).raw !== "function") return "@colyseus/ws-transport's client has no raw()";
  let made: { ws: WsSocket; close: () => void } | undefined;
  try {
    made = makeWebSocket();
    const { ws } = made;
    if (ws.readyState !== OPEN || typeof ws._socket?.write !== "function") return "ws's WebSocket keeps its socket elsewhere than _socket";
    if (ws._sender?._state !== SENDER_IDLE) return "ws's sender keeps its state elsewhere than _state";
    const client = new Client("frame-once-check", ws as never) as TransportClient;
    const held = Uint8Array.of(Protocol.ROOM_DATA);
    client.enqueueRaw(held, { afterNextPatch: true });
    if (client._pendingFrames?.length !== 1 || client._pendingFrames[0] !== held) {
      return "@colyseus/core holds messages for the next patch elsewhere than _pendingFrames";
    }
    return undefined;
  } catch (err) {
    return `checking ws and Colyseus failed (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    made?.close();
  }
}

let installed: boolean | undefined;

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
 * socket, and the cache lives only until the turn ends. A socket that is not plainly open is
 * sent to the usual way. When ws or Colyseus is not shaped as expected (frameOnceProblem),
 * nothing is installed and one line says so: every message then goes the usual way, correct
 * but with more work per screen. Returns whether it is installed.
 */
export function frameEachMessageOnce(warn: (line: string) => void = console.warn, check = frameOnceProblem): boolean {
  if (installed !== undefined) return installed;
  const problem = check();
  installed = problem === undefined;
  if (problem !== undefined) {
    warn(`Messages are framed per screen, the slower usual way: ${problem} (server/rooms/frame-once.ts checks this at start-up).`);
    return false;
  }
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
  return true;
}
