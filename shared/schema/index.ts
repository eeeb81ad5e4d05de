export * from "./classroom-state.ts";
