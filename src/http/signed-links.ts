/**
 * Signed, expiring download links. Zalo's Bot API cannot upload files, so a compiled report
 * is sent as a link to the bot's own HTTP server; the link must not be guessable, must stop
 * working after a while and must not open any other file. An HMAC over the file id and the
 * expiry gives all three without storing anything per link. Pure functions: the key and the
 * clock are passed in.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The path under which the download route serves files; links and route share it. */
export const DOWNLOAD_PATH = "/files/";

export type DownloadVerdict = "ok" | "expired" | "bad_signature";

/** `${baseUrl}/files/<fileId>?exp=<unix seconds>&sig=<HMAC-SHA256, base64url>`. */
export function signDownload(args: { fileId: string; expiresAt: Date; key: Buffer; baseUrl: string }): string {
  // Rounded down, so a link never lives longer than asked.
  const exp = String(Math.floor(args.expiresAt.getTime() / 1000));
  const base = args.baseUrl.replace(/\/+$/, "");
  return `${base}${DOWNLOAD_PATH}${args.fileId}?exp=${exp}&sig=${signature(args.fileId, exp, args.key)}`;
}

/**
 * Checks a link's parts exactly as they arrived. The signature is checked first, so a forged
 * or altered link is refused the same way whether or not it would have expired. `exp` is
 * verified as the string that was signed, so only the canonical form we produced passes.
 */
export function verifyDownload(args: { fileId: string; exp: string; sig: string; key: Buffer; now: Date }): DownloadVerdict {
  const expected = Buffer.from(signature(args.fileId, args.exp, args.key));
  // Compared as text, not decoded: base64url decoding ignores stray characters and the spare
  // bits of the last one, which would let several spellings of one signature pass.
  const given = Buffer.from(args.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad_signature";
  return args.now.getTime() >= Number(args.exp) * 1000 ? "expired" : "ok";
}

/** The file id is base64url and exp is digits, so "." cannot make two inputs collide. */
function signature(fileId: string, exp: string, key: Buffer): string {
  return createHmac("sha256", key).update(`${fileId}.${exp}`).digest("base64url");
}
