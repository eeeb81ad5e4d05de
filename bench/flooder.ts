import { Client, type Room } from "@colyseus/sdk";
import { createInterface } from "node:readline";

/**
 * The hostile client of the flood scenario (issue 17), in a process of its own so that its own
 * work does not slow the bench's bots: bursts of 500 frames of 15 KiB, and each time the server
 * cuts it off, a rejoin under a new name. Reads "go", "pause" and "stop" lines on stdin; prints
 * "ready" once loaded and, on "stop", one JSON line of counts.
 * Usage: tsx bench/flooder.ts <server url> <join code>
 */
const [url, code] = process.argv.slice(2);
const FRAMES = 500;
const FRAME_BYTES = 15 * 1024;
const counts = { bursts: 0, framesSent: 0, seats: 0, cutOff: 0, joinRefused: 0 };
const refusedCodes: Record<string, number> = {};
let flooding = false;
let stopped = false;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const junk = "x".repeat(FRAME_BYTES);
let names = 0;

async function floodOnce(): Promise<void> {
  let room: Room;
  try {
    room = await new Client(url).joinById(code, { name: `Flood ${++names}` });
    counts.seats++;
  } catch (err) {
    counts.joinRefused++;
    const key = String((err as { code?: unknown }).code);
    refusedCodes[key] = (refusedCodes[key] ?? 0) + 1;
    await sleep(100);
    return;
  }
  room.onMessage("*", () => undefined);
  const closed = new Promise<void>((resolve) => room.onLeave(() => resolve()));
  while (flooding && room.connection.isOpen) {
    counts.bursts++;
    for (let i = 0; i < FRAMES && room.connection.isOpen; i++) {
      room.send("act", { action: "volunteer", target: junk });
      counts.framesSent++;
    }
    await sleep(50);
  }
  if (room.connection.isOpen) await room.leave(true).catch(() => undefined);
  else {
    counts.cutOff++;
    await closed;
  }
}

createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "go") flooding = true;
  if (line === "pause") flooding = false;
  if (line === "stop") stopped = true;
});
process.stdout.write("ready\n");
while (!stopped) {
  if (flooding) await floodOnce();
  else await sleep(20);
}
process.stdout.write(`${JSON.stringify({ ...counts, refusedCodes })}\n`);
process.exit(0);
