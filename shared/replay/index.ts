export { isReplayProblem, type ReplayLog } from "./log.ts";
export { buildReplay, type Replay, type ReplayPlayer, type RoundSpan } from "./replay-index.ts";
export * from "./seek.ts";
export { causeChain, type CauseChain } from "./cause-chain.ts";
export { keyMoments, type KeyMoment } from "./key-moments.ts";
export { debriefMetrics } from "./metrics/index.ts";
export type * from "./metrics/index.ts";
export { PRESET_CHANGES, runCounterfactual, type ConfigChanges, type Counterfactual } from "./counterfactual.ts";
export { generateSession } from "./generate.ts";
