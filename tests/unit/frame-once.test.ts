import { Protocol } from "@colyseus/core";
import { WebSocketClient } from "@colyseus/ws-transport";
import { Socket, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { frameEachMessageOnce, frameOnceProblem } from "../../server/rooms/frame-once.ts";

expect(frameEachMessageOnce()).toBe(true);

let server: WebSocketServer | undefined;
afterEach(() => server?.close());

/** A real WebSocket pair: the server end wrapped the way Colyseus wraps it, the other a plain ws client. */
async function connected(): Promise<{ sender: WebSocketClient; received: Buffer[]; arrived: (n: number) => Promise<void> }> {
  server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => server!.once("listening", resolve));
  const serverSide = new Promise<WebSocket>((resolve) => server!.once("connection", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Buffer[] = [];
  client.on("message", (data) => received.push(data as Buffer));
  await new Promise((resolve) => client.once("open", resolve));
  const sender = new WebSocketClient("s1", await serverSide);
  const arrived = async (n: number) => {
    while (received.length < n) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { sender, received, arrived };
}

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

describe("messages framed once for every screen", () => {
  it("arrive whole and in order at every payload length the frame header encodes differently", async () => {
    const { sender, received, arrived } = await connected();
    // 7-bit, 16-bit and 64-bit lengths, and the edges between them.
    const sent = [0, 1, 125, 126, 65535, 65536, 200_000].map((n, i) => bytes(n, i));
    for (const data of sent) sender.raw(data);
    await arrived(sent.length);
    expect(received.map((b) => b.length)).toEqual(sent.map((b) => b.length));
    received.forEach((b, i) => expect(new Uint8Array(b)).toEqual(sent[i]));
  });

  it("send the bytes as they were when sent, even if the sender's buffer is reused after", async () => {
    const { sender, received, arrived } = await connected();
    const shared = bytes(40, 1);
    const before = shared.slice();
    sender.raw(shared);
    shared.fill(0);
    sender.raw(shared.subarray(0, 3));
    await arrived(2);
    expect(new Uint8Array(received[0])).toEqual(before);
    expect(new Uint8Array(received[1])).toEqual(new Uint8Array(3));
  });

  it("put the messages waiting for a patch right behind it, in the same socket write", async () => {
    const { sender, received, arrived } = await connected();
    const socket = (sender.ref as unknown as { _socket: { write: (...args: unknown[]) => boolean } })._socket;
    const write = socket.write.bind(socket);
    let writes = 0;
    socket.write = (...args: unknown[]) => (writes++, write(...args));
    const patch = Uint8Array.of(Protocol.ROOM_STATE_PATCH, 1, 2, 3);
    const inbox = bytes(300, 2);
    const feed = bytes(20, 3);
    (sender as unknown as { _pendingFrames: Uint8Array[] })._pendingFrames = [inbox, feed];
    sender.raw(patch);
    await arrived(3);
    expect(writes).toBe(1);
    expect(received.map((b) => new Uint8Array(b))).toEqual([patch, inbox, feed]);
    expect((sender as unknown as { _pendingFrames: Uint8Array[] })._pendingFrames).toEqual([]);
  });

  it("leave a closing socket to ws, which reports the send as failed instead of writing", async () => {
    const { sender } = await connected();
    (sender.ref as WebSocket).close();
    const result = await new Promise<Error | undefined>((resolve) => sender.raw(bytes(4, 0), undefined, (err?: Error) => resolve(err)));
    expect(result?.message).toMatch(/not open/);
  });
});

describe("the start-up check of what frame-once relies on", () => {
  it("passes on the ws and Colyseus versions package.json pins", () => {
    expect(frameOnceProblem()).toBeUndefined();
  });

  it("notices a Colyseus that holds a patch's messages under another name", () => {
    class Renamed extends WebSocketClient {
      override enqueueRaw(data: Uint8Array) {
        (this as unknown as { _framesAfterPatch: Uint8Array[] })._framesAfterPatch = [data];
      }
    }
    expect(frameOnceProblem(Renamed)).toMatch(/_pendingFrames/);
  });

  it("notices a ws whose socket or sender state moved", () => {
    const socket = new Socket();
    const made = (ws: object) => () => ({ ws: ws as never, close: () => undefined });
    expect(frameOnceProblem(WebSocketClient, made({ readyState: 1, _sender: { _state: 0 } }))).toMatch(/_socket/);
    expect(frameOnceProblem(WebSocketClient, made({ readyState: 1, _socket: socket, _sender: { state: 0 } }))).toMatch(/_state/);
    socket.destroy();
  });

  it("turns frame-once off with one line when the check fails", async () => {
    vi.resetModules();
    const fresh = await import("../../server/rooms/frame-once.ts");
    const lines: string[] = [];
    expect(
      fresh.frameEachMessageOnce(
        (line) => lines.push(line),
        () => "ws's sender keeps its state elsewhere than _state",
      ),
    ).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/framed per screen.*_state/)]);
  });
});
