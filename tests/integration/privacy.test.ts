import { Client } from "@colyseus/sdk";
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOM_NAME } from "../../shared/messages/messages.ts";
import { nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

/** What a browser behind a proxy would send along with every request. */
const HEADERS = { "user-agent": "Mozilla/5.0 (PrivacyProbe; School Laptop)", "x-forwarded-for": "203.0.113.77", "x-real-ip": "198.51.100.23" };
const TRACES = ["127.0.0.1", "::1", "::ffff", "localhost", "PrivacyProbe", "Mozilla", "203.0.113.77", "198.51.100.23"];

/** The command fields the log may hold, by kind: nothing about the device or the network. */
const ALLOWED: Record<string, string[]> = {
  // pin: the seat's rejoin PIN, salted and hashed; admitted: the facilitator's yes to a refused name.
  join: ["kind", "at", "nickname", "pin", "admitted"],
  act: ["kind", "at", "player", "action", "target", "deduction"],
  facilitate: ["kind", "at", "command"],
  tick: ["kind", "at"],
};

describe("what a session leaves on disk", () => {
  it("holds nicknames and play, and no IP address or browser detail", async () => {
    const sdk = new Client(game.url, { headers: HEADERS });
    const h = (await sdk.create(ROOM_NAME, { seed: 5 })) as GameRoom;
    const { code } = await nextMessage(h, "welcome");
    const players: GameRoom[] = [];
    for (const name of ["Ana", "Bo"]) players.push((await sdk.joinById(code, { name })) as GameRoom);
    await until(() => h.state.players.size === 2, "both joined");
    h.send("facilitate", { type: "start" });
    await until(() => h.state.phase === "round", "round");
    players[0].send("act", { action: "report", target: [...h.state.players.keys()][1] });
    h.send("facilitate", { type: "end" });
    await until(() => h.state.phase === "ended", "ended");

    const db = new Database(join(game.dataDir, "citizen-score.sqlite"), { readonly: true });
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name).sort();
      // write_probe: the full-disk check's filler, emptied as soon as it is written; nothing about a person.
      expect(tables).toEqual(["commands", "leases", "sessions", "write_probe"]);
      expect(db.prepare("SELECT count(*) AS n FROM write_probe").get()).toEqual({ n: 0 });
      // Which server process runs a session, and until when: nothing about a person.
      const leaseColumns = (db.prepare("SELECT name FROM pragma_table_info('leases')").all() as { name: string }[]).map((c) => c.name).sort();
      expect(leaseColumns).toEqual(["code", "holder", "until"]);
      const columns = (db.prepare("SELECT name FROM pragma_table_info('sessions')").all() as { name: string }[]).map((c) => c.name).sort();
      // auto_resume_seconds: the facilitator's choice of resuming by itself after a crash.
      expect(columns).toEqual([
        "auto_resume_seconds",
        "code",
        "config",
        "created_at",
        "ended_at",
        "host_key_hash",
        "players",
        "rules_version",
        "seed",
        "status",
      ]);
      const rows = JSON.stringify([
        db.prepare("SELECT * FROM sessions").all(),
        db.prepare("SELECT * FROM commands").all(),
        db.prepare("SELECT * FROM leases").all(),
      ]);
      for (const trace of TRACES) expect(rows, trace).not.toContain(trace);
      expect(rows).toContain("Ana");
    } finally {
      db.close();
    }

    for (const { command } of await game.store.commands(code)) {
      for (const key of Object.keys(command)) expect(ALLOWED[command.kind], `${command.kind}.${key}`).toContain(key);
    }
    const onDisk = ["citizen-score.sqlite", "citizen-score.sqlite-wal"].map((f) => {
      try {
        return readFileSync(join(game.dataDir, f)).toString("latin1");
      } catch {
        return "";
      }
    });
    for (const trace of TRACES) expect(onDisk.join(""), trace).not.toContain(trace);
  });
});
