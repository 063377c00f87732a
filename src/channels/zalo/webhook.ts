/**
 * The two checks a Zalo webhook endpoint needs before it trusts a request: the shared secret in
 * `X-Bot-Api-Secret-Token` (a plain secret, not an HMAC) and a bounded JSON body
 * (docs/zalo-bot-api.md §1.3, §4.2).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Node lower-cases header names. */
export const WEBHOOK_SECRET_HEADER = "x-bot-api-secret-token";

const ONE_MIB = 1024 * 1024;

/**
 * Constant time whatever the input: both sides are hashed to equal-length digests before
 * timingSafeEqual, so neither the content nor the length of the secret shows in the timing.
 * An empty configured secret never matches: a misconfiguration must not open the endpoint.
 */
export function verifyWebhookSecret(header: string | undefined, secret: string): boolean {
  if (header === undefined || secret === "") return false;
  const given = Buffer.from(header, "utf8");
  const expected = Buffer.from(secret, "utf8");
  const sameDigest = timingSafeEqual(sha256(given), sha256(expected));
  return sameDigest && given.length === expected.length;
}

function sha256(bytes: Buffer): Buffer {
  return createHash("sha256").update(bytes).digest();
}

/** The caller answers 413. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`request body is larger than ${maxBytes} bytes`);
  }
}

/** The caller answers 400: not JSON, empty, or the client went away mid-body. */
export class InvalidBodyError extends Error {
  override readonly name = "InvalidBodyError";
}

/**
 * Reads and parses a JSON body of at most `maxBytes`. A declared Content-Length over the limit
 * is refused before reading. On overflow the request is paused, not destroyed, so the caller
 * can still write its 413 on the same socket.
 */
export function readJsonBody(req: IncomingMessage, maxBytes = ONE_MIB): Promise<unknown> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.pause();
    return Promise.reject(new BodyTooLargeError(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (settle: () => void) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onAborted);
      settle();
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > maxBytes) {
        req.pause();
        finish(() => reject(new BodyTooLargeError(maxBytes)));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => finish(() => settleJson(Buffer.concat(chunks), resolve, reject));
    const onError = (err: Error) => finish(() => reject(new InvalidBodyError(`reading the request body failed: ${err.message}`)));
    const onAborted = () => finish(() => reject(new InvalidBodyError("the client aborted the request")));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onAborted);
  });
}

/** A UTF-8 byte-order mark is tolerated; JSON.parse would reject it. */
function settleJson(bytes: Buffer, resolve: (value: unknown) => void, reject: (err: Error) => void): void {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  try {
    resolve(JSON.parse(text));
  } catch {
    reject(new InvalidBodyError(text.trim() === "" ? "request body is empty" : "request body is not JSON"));
  }
}
