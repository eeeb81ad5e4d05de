import { parseArgs } from "node:util";
import { bestPass, formatWork, measureWork } from "./work.ts";

const USAGE = `Usage: npm run bench:work -- [--players 300] [--rounds 3] [--passes 4]
Times the server's own work per action (decoding, rules, projection, notes, patch encoding) over
a generated session, in this process, without sockets, and prints microseconds per action.`;

const { values } = parseArgs({
  options: {
    players: { type: "string", default: "300" },
    rounds: { type: "string", default: "3" },
    passes: { type: "string", default: "4" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const num = (name: "players" | "rounds" | "passes", min: number, max: number) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}.\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const players = num("players", 2, 2000);
const rounds = num("rounds", 1, 50);
const passes = num("passes", 1, 20);
process.stderr.write(`Generating a session of ${players} players and ${rounds} rounds...\n`);
const { commands, passes: done } = measureWork({ players, rounds, passes, progress: (l) => process.stderr.write(`${l}\n`) });
console.log(`${commands.toLocaleString("en")} commands, ${done.length} passes, Node ${process.version}`);
console.log(formatWork(players, bestPass(done)));
