/**
 * The one error type of the Zalo client, and the predicates callers branch on.
 *
 * The bot token travels in the URL path (`/bot{token}/{method}`), so anything that echoes the
 * URL (Node's fetch errors, a proxy's error page) would leak it. The constructor scrubs every
 * string it keeps, so no code path can forget to.
 */

/**
 * - `api`: Zalo answered with an error envelope.
 * - `http`: a non-2xx status without a readable envelope (a proxy page, a bare 502).
 * - `malformed`: a 2xx answer that is not JSON or whose `result` has the wrong shape.
 * - `network` / `timeout`: no answer at all.
 */
export type ZaloErrorKind = "api" | "http" | "malformed" | "network" | "timeout";

export interface ZaloApiErrorInit {
  method: string;
  kind: ZaloErrorKind;
  /** `error_code`, else the HTTP status; 0 when no response arrived. */
  code: number;
  httpStatus?: number;
  description: string;
  /** Seconds, from `retry_after` or `parameters.retry_after`. */
  retryAfterSec?: number;
  /** Replaced by `<redacted>` in the description; never stored. */
  token: string;
}

export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";
  readonly method: string;
  readonly kind: ZaloErrorKind;
  readonly code: number;
  readonly httpStatus?: number;
  readonly description: string;
  readonly retryAfterSec?: number;

  constructor(init: ZaloApiErrorInit) {
    const description = redact(init.description, init.token);
    super(`Zalo ${init.method} failed (${init.code === 0 ? init.kind : init.code}): ${description}`);
    this.method = init.method;
    this.kind = init.kind;
    this.code = init.code;
    this.description = description;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    if (init.retryAfterSec !== undefined) this.retryAfterSec = init.retryAfterSec;
  }
}

/** An idle long poll: getUpdates had nothing to deliver. */
export function isPollTimeout(e: unknown): e is ZaloApiError {
  return e instanceof ZaloApiError && e.code === 408;
}

/** The token is wrong or was reset in Bot Creator: fatal, retrying cannot help. */
export function isUnauthorized(e: unknown): e is ZaloApiError {
  return e instanceof ZaloApiError && e.code === 401;
}

export function isRateLimited(e: unknown): e is ZaloApiError {
  return e instanceof ZaloApiError && e.code === 429;
}

/**
 * Worth retrying: quota (429), Zalo's "internal server error" which it numbers 403, 5xx, and
 * no answer at all. A malformed 2xx is not: the request was processed, so a retry could send a
 * message twice.
 */
export function isTransient(e: unknown): e is ZaloApiError {
  if (!(e instanceof ZaloApiError)) return false;
  if (e.kind === "network" || e.kind === "timeout") return true;
  if (e.kind === "malformed") return false;
  return e.code === 429 || e.code === 403 || (e.code >= 500 && e.code <= 599);
}

/**
 * The token, its URL-encoded form and its secret half (after `{bot_id}:`) are all replaced; the
 * half only when long enough not to match ordinary words.
 */
function redact(text: string, token: string): string {
  const secretHalf = token.slice(token.indexOf(":") + 1);
  const forms = [token, encodeURIComponent(token), ...(secretHalf.length >= 8 ? [secretHalf] : [])];
  return forms.filter((f) => f !== "").reduce((acc, form) => acc.replaceAll(form, "<redacted>"), text);
}
