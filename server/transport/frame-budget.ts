import { WebSocket } from "ws";
import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import { refusals } from "../limits/refusal-log.ts";
import { isDecodableFrame, isRoomMessage } from "./frame-check.ts";

/** What one connection may send before anything decodes it. */
export interface FrameBudget {
  /** More room messages than this within any one second cuts the connection (the join handshake and pings are not messages). */
  messagesPerSecond: number;
  /** Bytes that may arrive at once; a game message is a few dozen bytes. */
  burstBytes: number;
  /** Bytes a second, sustained, after the burst. */
  bytesPerSecond: number;
}

export const DEFAULT_FRAME_BUDGET: FrameBudget = { messagesPerSecond: 40, burstBytes: 32 * 1024, bytesPerSecond: 8 * 1024 };

/** After the close frame, how long the socket may take to go before it is cut. */
const CLOSE_GRACE_MS = 1000;

const floodListeners = new WeakMap<WebSocket, () => void>();

/** Calls `fn` if this socket is ever cut for flooding (the room tells the address guard). */
export function onFlood(ws: unknown, fn: () => void): void {
  if (ws instanceof BudgetedSocket) floodListeners.set(ws, fn);
}

let budget = DEFAULT_FRAME_BUDGET;

export function setFrameBudget(b: FrameBudget): void {
  budget = b;
}

/**
 * A server-side WebSocket (ws' documented `WebSocket` option of the server) that counts each
 * frame's messages and bytes as it arrives, before Colyseus or the room decode it. Past the
 * budget the frame is dropped unread, the client is told why (close code 4429), and the socket
 * stops being read, so a flood costs the server a counter, not a decode per frame. A frame that
 * no SDK could have sent is refused the same way (4415), with one line in the log.
 */
export class BudgetedSocket extends WebSocket {
  /** Arrival times of the last `messagesPerSecond` messages, oldest first once full. */
  private arrivals: number[] = [];
  private next = 0;
  private bytes = budget.burstBytes;
  private bytesAt = performance.now();
  private cut = false;

  emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === "error") return this.protocolError(args[0]) || super.emit(event, ...args);
    if (event !== "message") return super.emit(event, ...args);
    if (this.cut) return false;
    const data = args[0] as Buffer | ArrayBuffer | Buffer[];
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
    const first = Array.isArray(data) ? data[0]?.[0] : new Uint8Array(data as ArrayBuffer, 0, Math.min(1, data.byteLength))[0];
    const reason = this.overBudget(size, performance.now(), isRoomMessage(first));
    if (reason !== undefined) {
      this.cutOff(reason);
      return false;
    }
    if (!isDecodableFrame(data)) {
      this.cut = true;
      refusals.note("undecodable frame", `${size} bytes, first byte ${first}`);
      this.hangUp(CLOSE_CODES.undecodable, "A frame no game client sends: this connection was closed.");
      return false;
    }
    return super.emit(event, ...args);
  }

  /**
   * A frame ws itself refuses (too large, a bad opcode, bad UTF-8: any WS_ERR_*) closes the
   * socket with its own code (1009 for size); it is the client's doing, so it gets one line in
   * the log, not the stack trace Colyseus would print for an error event.
   */
  private protocolError(err: unknown): boolean {
    const code = (err as { code?: unknown })?.code;
    if (typeof code !== "string" || !code.startsWith("WS_ERR_")) return false;
    refusals.note("frame refused by the WebSocket layer", `${code}: ${(err as Error).message}`);
    return true;
  }

  private overBudget(size: number, now: number, message: boolean): string | undefined {
    const { messagesPerSecond, burstBytes, bytesPerSecond } = budget;
    this.bytes = Math.min(burstBytes, this.bytes + ((now - this.bytesAt) * bytesPerSecond) / 1000);
    this.bytesAt = now;
    this.bytes -= size;
    if (this.bytes < 0) return `more than ${burstBytes / 1024} KiB at once (${bytesPerSecond / 1024} KiB a second after that)`;
    if (!message) return undefined;
    if (this.arrivals.length < messagesPerSecond) {
      this.arrivals.push(now);
      return undefined;
    }
    const oldest = this.arrivals[this.next];
    if (now - oldest < 1000) return `more than ${messagesPerSecond} messages within a second`;
    this.arrivals[this.next] = now;
    this.next = (this.next + 1) % messagesPerSecond;
    return undefined;
  }

  private cutOff(reason: string): void {
    this.cut = true;
    refusals.note("flooding connection cut", reason);
    floodListeners.get(this)?.();
    this.hangUp(CLOSE_CODES.flooding, "Too many messages: this connection was closed. Rejoin to play on.");
  }

  /** Says why, stops reading what else the client sent, and lets the socket go soon after. */
  private hangUp(code: number, reason: string): void {
    this.close(code, reason);
    this.pause();
    setTimeout(() => this.terminate(), CLOSE_GRACE_MS).unref();
  }
}
