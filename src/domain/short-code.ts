/**
 * Short codes people copy from paper or read aloud (invites, channel links): uppercase letters
 * and digits that cannot be mistaken for one another (no 0/O, 1/I/L): 31 symbols, so six of
 * them give about 887 million codes.
 */
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;

/** `randomIndex(n)` returns an integer in [0, n); tests pass a predictable one. */
export function shortCode(randomIndex: (n: number) => number = randomInt): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)]).join("");
}
