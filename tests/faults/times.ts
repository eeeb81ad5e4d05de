import { appendFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

const OUT = resolve(import.meta.dirname, "../../artifacts");

/** Writes a measured recovery time to artifacts/fault-times.tsv, the source of docs/RELIABILITY.md's table. */
export function recordTime(fault: string, seconds: number): void {
  mkdirSync(OUT, { recursive: true });
  appendFileSync(join(OUT, "fault-times.tsv"), `${new Date().toISOString()}\t${fault}\t${seconds.toFixed(1)}\n`);
  console.log(`${fault}: ${seconds.toFixed(1)} s`);
}
