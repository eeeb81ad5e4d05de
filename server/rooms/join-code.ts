import { randomInt } from "node:crypto";

/** Join codes avoid characters that look alike on a projector: no 0/O, no 1/I/L. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 5;

export function randomJoinCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function isJoinCode(s: string): boolean {
  return s.length === CODE_LENGTH && [...s].every((ch) => CODE_ALPHABET.includes(ch));
}
