export * from "./classroom-state.ts";
export * from "./cause-codes.ts";
