/**
 * What a failed send means for a reminder: try again later (rate limit, network, server
 * trouble) or give up (the user blocked the bot, the chat is gone). Telegram's 429s are
 * mostly absorbed by the auto-retry plugin; what reaches here outlasted it.
 */
import { GrammyError, HttpError } from "grammy";
import { isTransient, ZaloApiError } from "../channels/zalo/errors.js";

export type SendFailure = { retryAfterMs: number } | { permanent: string };

const DEFAULT_RETRY_MS = 30_000;

export function classifySendError(err: unknown): SendFailure {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return { retryAfterMs: (err.parameters.retry_after ?? 30) * 1000 };
    if (err.error_code >= 500) return { retryAfterMs: DEFAULT_RETRY_MS };
    return { permanent: `telegram ${err.error_code}: ${err.description}` };
  }
  if (err instanceof HttpError) return { retryAfterMs: DEFAULT_RETRY_MS };
  if (err instanceof ZaloApiError) {
    const message = err.message; // the token is already scrubbed from it
    return isTransient(err) ? { retryAfterMs: (err.retryAfterSec ?? 30) * 1000 } : { permanent: message };
  }
  return { retryAfterMs: DEFAULT_RETRY_MS };
}
