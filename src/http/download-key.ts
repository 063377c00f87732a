/**
 * The key that signs download links. A configured secret keeps links valid across restarts
 * and across processes serving the same files; without one, a random key per process still
 * keeps links unforgeable, only they die when the bot restarts.
 */
import { createHash, randomBytes } from "node:crypto";

/** Short secrets could be guessed offline from a single link, which shows an HMAC of known text. */
export const MIN_DOWNLOAD_SECRET_LENGTH = 32;

export function downloadKey(secret: string | undefined, log: { warn(message: string): void }): Buffer {
  if (secret === undefined) {
    log.warn("DOWNLOAD_SIGNING_KEY is not set: using a random key, so download links stop working when the bot restarts");
    return randomBytes(32);
  }
  if (secret.length < MIN_DOWNLOAD_SECRET_LENGTH) {
    // Name the variable, never echo the value.
    throw new Error(`DOWNLOAD_SIGNING_KEY must be at least ${MIN_DOWNLOAD_SECRET_LENGTH} characters`);
  }
  // Hashing turns any secret text into a key of the size HMAC-SHA256 works with best.
  return createHash("sha256").update(secret, "utf8").digest();
}
