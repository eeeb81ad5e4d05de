import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "/work/wt-replay/server/app.ts";
import { SqliteStore } from "/work/wt-replay/server/storage/sqlite-store.ts";
import { hashHostKey } from "/work/wt-replay/server/rooms/host-key.ts";
import { generateSession } from "/work/wt-replay/shared/replay/generate.ts";
import { playBotGame } from "/work/wt-replay/tests/helpers/bot-game.ts";
import { presetById } from "/work/wt-replay/shared/scenarios/presets.ts";
import { scenarioConfig } from "/work/wt-replay/shared/scenarios/load.ts";
import { RULES_VERSION } from "/work/wt-replay/shared/rules/state.ts";
import { CLIENT_DIR } from "/work/wt-replay/server/build/client-bundle.ts";

const dir = mkdtempSync(join(tmpdir(), "replay-dev-"));
const store = new SqliteStore(dir);
const put = (code: string, config: any, seed: number, commands: any[]) => {
  store.createSession({ code, hostKeyHash: hashHostKey("devkey-" + code), createdAt: Date.now(), endedAt: Date.now(), seed, rulesVersion: RULES_VERSION, config });
  commands.forEach((c, i) => store.append(code, i + 1, c));
  store.markEnded(code, Date.now());
};
const big = generateSession({ players: Number(process.env.PLAYERS ?? 300), rounds: Number(process.env.ROUNDS ?? 20), actionPoints: 8, seed: 7 });
put("BGBGB", big.meta.config, big.meta.seed, big.commands.map((e) => e.command));
const cfg = scenarioConfig(presetById("citizen-score-2015")!);
const sc = playBotGame({ ...cfg, roundSeconds: 60 }, 5, 30);
put("SCNRE", { ...cfg, roundSeconds: 60 }, 5, sc.log);
const port = Number(process.env.PORT ?? 4599);
const server = createServer({ store, port, clientDir: CLIENT_DIR, reconnectSeconds: 5 } as any);
await server.listen(port, "127.0.0.1");
console.log(`ready http://127.0.0.1:${port} big=${big.commands.length} scenario=${sc.log.length}`);
