import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The replay seek and counterfactual numbers come from `runReplayBench()` in bench/replay.ts,
 * which the recording work provides. Until that module is there, the load benchmark runs alone.
 */
export async function replayNumbers(progress: (line: string) => void): Promise<unknown> {
  const module = new URL("./replay.ts", import.meta.url);
  if (!existsSync(fileURLToPath(module))) return undefined;
  const { runReplayBench } = (await import(module.href)) as { runReplayBench?: (o: { progress: (line: string) => void }) => unknown };
  if (typeof runReplayBench !== "function") return undefined;
  progress("replay: seek and counterfactual benchmark");
  return await runReplayBench({ progress });
}

/** Lines for the printed report, whatever shape of object the replay benchmark returns. */
export function formatReplay(numbers: unknown): string {
  if (numbers === undefined || numbers === null) return "Replay: bench/replay.ts is not present; no seek or counterfactual numbers.";
  if (typeof numbers === "string") return numbers;
  if (typeof numbers !== "object" || numbers === null) return `Replay: ${String(numbers)}`;
  const lines = Object.entries(numbers).map(([k, v]) => `  ${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  return ["Replay", ...lines].join("\n");
}
