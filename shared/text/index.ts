export * from "./actions.ts";
export * from "./tiers.ts";
export * from "./reasons.ts";
export * from "./feed.ts";
export * from "./availability.ts";
export * from "./score.ts";
export * from "./settings.ts";
export * from "./live.ts";
