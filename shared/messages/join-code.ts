/** Join codes avoid characters that look alike on a projector: no 0/O, no 1/I/L. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 5;

export function isJoinCode(s: string): boolean {
  return s.length === JOIN_CODE_LENGTH && [...s].every((ch) => JOIN_CODE_ALPHABET.includes(ch));
}

/** A code as typed, made one that could be: upper case, without characters no code has, no longer than a code. */
export function cleanJoinCode(typed: string): string {
  return [...typed.toUpperCase()]
    .filter((ch) => JOIN_CODE_ALPHABET.includes(ch))
    .join("")
    .slice(0, JOIN_CODE_LENGTH);
}
