import { parseArgs } from "node:util";
import { WebSocket } from "ws";
import { Client, type Room } from "@colyseus/sdk";
import { ROOM_NAME, type ServerMessages } from "../../shared/messages/messages.ts";
import type { ClassroomState } from "../../shared/schema/classroom-state.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { SETTING_LIMITS } from "../../shared/rules/limits.ts";
import { Bot } from "./bot.ts";
import { PROFILES } from "./behaviour.ts";
import { PRESETS } from "../../shared/scenarios/presets.ts";

// Node 22+'s built-in WebSocket (undici) left the SDK's reconnection to a killed server hanging
// in the fault tests; bots reconnect through the `ws` package instead.
globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

const USAGE = `Usage: npm run bots -- --url http://localhost:2567 --players 30 [--scenario ID] [--rounds 3] [--round-seconds 10] [--code CODE] [--seed N] [--act-every-ms 2000]
Without --code the bots host a new session, play it to the end and end it; with --code they only add players to that session.
--scenario plays a preset (${PRESETS.map((p) => p.id).join(", ")}) with its own rounds and plan unless --rounds or --round-seconds
override them; without it, 3 rounds of 10 seconds of free play. Bots vote when they are among the top players and answer
the secret ballot. If no bot has been connected for --give-up-after-s seconds (default 30), the server counts as gone:
the bots print their summary (with "ended": false) and exit with status 1.`;

const NAMES = [
  "Ana",
  "Bo",
  "Cy",
  "Dee",
  "Eli",
  "Fay",
  "Gus",
  "Hal",
  "Ivy",
  "Jo",
  "Kai",
  "Lu",
  "Max",
  "Nia",
  "Oz",
  "Pia",
  "Quin",
  "Rae",
  "Sol",
  "Tam",
  "Uma",
  "Vic",
  "Wen",
  "Xan",
  "Yas",
  "Zed",
];

function options() {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://localhost:2567" },
      players: { type: "string", default: "30" },
      rounds: { type: "string" },
      "round-seconds": { type: "string" },
      scenario: { type: "string" },
      "act-every-ms": { type: "string", default: "2000" },
      code: { type: "string" },
      seed: { type: "string", default: "1" },
      "give-up-after-s": { type: "string", default: "30" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.scenario !== undefined && !PRESETS.some((p) => p.id === values.scenario)) {
    console.error(`--scenario must be one of ${PRESETS.map((p) => p.id).join(", ")}.\n${USAGE}`);
    process.exit(2);
  }
  const plain = values.scenario === undefined;
  values.rounds ??= plain ? "3" : undefined;
  values["round-seconds"] ??= plain ? "10" : undefined;
  const optional = (name: "rounds" | "round-seconds", setting: "rounds" | "roundSeconds") =>
    values[name] === undefined ? undefined : num(name, SETTING_LIMITS[setting].min, SETTING_LIMITS[setting].max);
  const num = (name: keyof typeof values, min: number, max: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max) {
      console.error(`--${name} must be a whole number from ${min} to ${max}.\n${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  return {
    url: values.url!,
    players: num("players", 1, 1000),
    scenario: values.scenario,
    rounds: optional("rounds", "rounds"),
    roundSeconds: optional("round-seconds", "roundSeconds"),
    actEveryMs: num("act-every-ms", 50, 60_000),
    seed: num("seed", 0, 2 ** 32 - 1),
    giveUpAfterS: num("give-up-after-s", 1, 3600),
    code: values.code?.toUpperCase(),
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function waitFor(room: Room<any, ClassroomState>, check: (s: ClassroomState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (room.state && check(room.state)) {
        clearInterval(poll);
        resolve();
      }
    }, 100);
  });
}

async function main() {
  const o = options();
  let hostRoom: Room<any, ClassroomState> | undefined;
  /** Every player's true score, as the facilitator's screen receives it. */
  const trueScores: Record<string, number> = {};
  let hostKey: string | undefined;
  let code = o.code;
  if (!code) {
    const overrides = { ...(o.rounds ? { rounds: o.rounds } : {}), ...(o.roundSeconds ? { roundSeconds: o.roundSeconds } : {}) };
    const create = { seed: o.seed, ...(o.scenario ? { scenario: o.scenario } : {}), overrides };
    hostRoom = (await new Client(o.url).create(ROOM_NAME, create)) as Room<any, ClassroomState>;
    hostRoom.onMessage("rules", () => undefined);
    hostRoom.onMessage("feed", () => undefined);
    hostRoom.onMessage("host-scores", (m: ServerMessages["host-scores"]) => Object.assign(trueScores, m));
    const welcome = await new Promise<ServerMessages["welcome"]>((resolve) => hostRoom!.onMessage("welcome", resolve));
    code = welcome.code;
    hostKey = welcome.hostKey;
    hostRoom.onMessage("error", (e: ServerMessages["error"]) => log(`host error: ${e.code}: ${e.message}`));
    log(`Hosting session ${code}${o.scenario ? ` (${o.scenario})` : ""}`);
  }
  const bots: Bot[] = [];
  for (let i = 0; i < o.players; i++) {
    // The number goes after "bot": "Ana10" reads as a profanity to the nickname filter.
    const name = `${NAMES[i % NAMES.length]}-bot${i >= NAMES.length ? Math.floor(i / NAMES.length) + 1 : ""}`;
    const bot = new Bot(name, PROFILES[i % PROFILES.length], seededRandom(o.seed * 1000 + i));
    await bot.join(o.url, code);
    bots.push(bot);
    if ((i + 1) % 10 === 0 || i + 1 === o.players) log(`Joined ${i + 1}/${o.players} players`);
  }
  const watch = hostRoom ?? bots[0].room;
  if (hostRoom) hostRoom.send("facilitate", { type: "start" });
  for (const bot of bots) bot.play(o.actEveryMs);

  let lastRound = 0;
  let lastRounds = 0;
  let seenEvents = 0;
  const progress = setInterval(() => {
    const s = watch.state;
    // A facilitator may change the number of rounds mid-game: the line follows at once.
    if (s.phase === "round" && s.round === lastRound && s.rounds !== lastRounds) {
      lastRounds = s.rounds;
      log(`The facilitator set ${s.rounds} rounds: round ${s.round}/${s.rounds}`);
    }
    if (s.round !== lastRound && s.phase === "round") {
      lastRound = s.round;
      lastRounds = s.rounds;
      const actions = bots.reduce((n, b) => n + b.actions, 0);
      const errors = bots.reduce((n, b) => n + b.errors, 0);
      log(`Round ${s.round}/${s.rounds}: ${s.players.size} players, ${actions} actions sent, ${errors} errors so far`);
    }
    while (s.liveEvents.length > seenEvents) {
      const e = s.liveEvents[seenEvents++];
      log(`Event in round ${e.round}: ${e.kind}${e.scheduled ? " (planned)" : ""}`);
    }
  }, 200);
  const ended = await Promise.race([
    waitFor(watch, (s) => s.phase === "ended").then(() => true),
    serverGone(bots, hostRoom, o.giveUpAfterS * 1000).then(() => false),
  ]);
  clearInterval(progress);
  if (ended) await new Promise((r) => setTimeout(r, 300));

  const s = watch.state;
  const scores: Record<string, number> = {};
  for (const bot of bots) scores[bot.nickname] = trueScores[bot.id] ?? (bot.inbox.ownScore || s.players.get(bot.id)?.score) ?? 0;
  const result = {
    code,
    ...(hostKey ? { hostKey } : {}),
    players: bots.length,
    rounds: s.round,
    actions: bots.reduce((n, b) => n + b.actions, 0),
    errors: bots.reduce((n, b) => n + b.errors, 0),
    votes: bots.reduce((n, b) => n + b.votes, 0),
    ballots: bots.reduce((n, b) => n + b.ballots, 0),
    events: [...s.liveEvents].map((e) => e.kind),
    scores,
    ...(ended ? {} : { ended: false, reason: `The server at ${o.url} went away before the game ended; the scores are the last the bots were shown.` }),
  };
  const sample = bots.flatMap((b) => b.lastErrors).slice(0, 3);
  if (sample.length) log(`Sample of errors (refused moves are part of play): ${sample.join(" | ")}`);
  await Promise.all(bots.map((b) => b.leave()));
  if (hostRoom?.connection?.isOpen) await hostRoom.leave(true).catch(() => undefined);
  console.log(JSON.stringify(result));
  process.exit(ended ? 0 : 1);
}

/** Settles once no bot (and no host screen) has been connected for `afterMs`: the server went away. */
function serverGone(bots: Bot[], host: Room<any, ClassroomState> | undefined, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    let since: number | undefined;
    const poll = setInterval(() => {
      const anyone = bots.some((b) => b.connected) || host?.connection?.isOpen === true;
      since = anyone ? undefined : (since ?? Date.now());
      if (since !== undefined && Date.now() - since >= afterMs) {
        clearInterval(poll);
        log(`No bot has been connected for ${afterMs / 1000} s: the server went away; stopping.`);
        resolve();
      }
    }, 500);
  });
}

main().catch((err) => {
  console.error(`Bots failed: ${err?.message ?? err}`);
  process.exit(1);
});
