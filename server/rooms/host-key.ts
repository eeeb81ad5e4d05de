import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newHostKey(): string {
  return randomBytes(18).toString("base64url");
}

export function hashHostKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function hostKeyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(hashHostKey(key), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
