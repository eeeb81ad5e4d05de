import type { Command } from "./commands.ts";

export type ActCommand = Extract<Command, { kind: "act" }>;
