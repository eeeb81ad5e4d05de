export * from "./config.ts";
export * from "./state.ts";
export * from "./commands.ts";
export * from "./events.ts";
export * from "./apply.ts";
export * from "./fold.ts";
export { checkNickname, cleanNickname, nicknameKey, NICKNAME_MAX } from "./nickname.ts";
export { seededRandom } from "./rng.ts";
