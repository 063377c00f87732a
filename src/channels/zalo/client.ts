/**
 * A small typed client for the Zalo Bot Platform (docs/zalo-bot-api.md §1, §4.2).
 *
 * No SDK exists on npm, so this is the project's own: `POST {base}/bot{token}/{method}` with a
 * JSON body. Whether Zalo reports errors with HTTP 200 or a matching status is unknown, so the
 * JSON envelope is read on every status and the status is only a fallback. Every failure, from
 * the network to a body of the wrong shape, surfaces as a ZaloApiError with the token scrubbed.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { z } from "zod";
import {
  botInfoSchema,
  chatActionResultSchema,
  envelopeSchema,
  getUpdatesResultSchema,
  sentMessageSchema,
  setWebhookResultSchema,
  webhookInfoSchema,
  type ZaloBotInfo,
  type ZaloSentMessage,
  type ZaloSetWebhookResult,
  type ZaloWebhookInfo,
} from "./api-types.js";
import { isPollTimeout, isTransient, ZaloApiError, type ZaloApiErrorInit } from "./errors.js";
import { parseUpdates, type ZaloUpdate } from "./update.js";

/** Text and captions: 1–2000 UTF-16 units. Callers split longer text first. */
export const ZALO_TEXT_LIMIT = 2000;

const DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com";
const RETRY_BASE_MS = 500;
const RETRY_CAP_MS = 30_000;
/** A longer retry_after is a quota, not a hiccup: fail and let the caller reschedule. */
const MAX_RETRY_AFTER_SEC = 60;
/** Zalo downloads the photo before answering; OpenClaw allows 150 s, five times the default. */
const PHOTO_TIMEOUT_FACTOR = 5;
/** Long-poll headroom: the HTTP request outlives the poll by this much. */
const POLL_HEADROOM_SEC = 5;
/** How much of an unreadable body goes into the error description. */
const BODY_SNIPPET = 120;

export interface ZaloBotClientOptions {
  token: string;
  /** Default: `ZALO_BOT_API_BASE`, else https://bot-api.zaloplatforms.com. */
  baseUrl?: string;
  /** Per request; getUpdates uses its poll timeout + 5 s, sendPhoto five times this. */
  timeoutMs?: number;
  /** Retries after the first attempt, for transient errors only. */
  retries?: number;
  fetch?: typeof globalThis.fetch;
  /** Waits between retries (and should stop early when the signal aborts); tests inject a recorder. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface CallOptions {
  timeoutMs?: number;
  /** Cancels the call, its retries and the waits between them; the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

export type ZaloChatAction = "typing" | "upload_photo";

export class ZaloBotClient {
  readonly baseUrl: string;
  /** A private field, so logging or serialising the client cannot show the token. */
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #fetch: typeof globalThis.fetch;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(options: ZaloBotClientOptions) {
    if (!/^[^\s/?#%]+$/.test(options.token)) {
      throw new Error("Zalo bot token is empty or has characters that cannot go in a URL path");
    }
    this.#token = options.token;
    this.baseUrl = normaliseBaseUrl(options.baseUrl ?? (process.env.ZALO_BOT_API_BASE || DEFAULT_BASE_URL));
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retries = options.retries ?? 4;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
  }

  getMe(): Promise<ZaloBotInfo> {
    return this.call("getMe", {}, botInfoSchema);
  }

  /**
   * One long poll. Zalo returns at most one update per call and has no offset, so this resolves
   * to zero or one update (more only if Zalo ever batches). An idle poll (408) is `[]`.
   * `signal` ends a held poll on shutdown; an update Zalo was handing over at that moment is
   * lost (the platform has no acknowledgement).
   */
  async getUpdates(timeoutSec = 30, signal?: AbortSignal): Promise<ZaloUpdate[]> {
    try {
      const result = await this.call("getUpdates", { timeout: String(timeoutSec) }, getUpdatesResultSchema, {
        timeoutMs: (timeoutSec + POLL_HEADROOM_SEC) * 1000,
        ...(signal ? { signal } : {}),
      });
      return parseUpdates(result);
    } catch (e) {
      if (isPollTimeout(e)) return [];
      throw e;
    }
  }

  setWebhook(url: string, secretToken: string): Promise<ZaloSetWebhookResult> {
    return this.call("setWebhook", { url, secret_token: secretToken }, setWebhookResultSchema);
  }

  deleteWebhook(): Promise<ZaloWebhookInfo> {
    return this.call("deleteWebhook", {}, webhookInfoSchema);
  }

  /** `url` is "" when no webhook is set (polling mode). */
  getWebhookInfo(): Promise<ZaloWebhookInfo> {
    return this.call("getWebhookInfo", {}, webhookInfoSchema);
  }

  /** Rejects (RangeError) text outside 1–2000 UTF-16 units without calling Zalo. */
  async sendMessage(chatId: string, text: string): Promise<ZaloSentMessage> {
    checkLength("sendMessage", "text", text, 1);
    return this.call("sendMessage", { chat_id: chatId, text }, sentMessageSchema);
  }

  /** Zalo fetches `photoUrl` itself (no upload), so it must be publicly reachable over HTTPS. */
  async sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<ZaloSentMessage> {
    if (caption !== undefined) checkLength("sendPhoto", "caption", caption, 0);
    const body = { chat_id: chatId, photo: photoUrl, ...(caption !== undefined ? { caption } : {}) };
    return this.call("sendPhoto", body, sentMessageSchema, { timeoutMs: this.#timeoutMs * PHOTO_TIMEOUT_FACTOR });
  }

  sendSticker(chatId: string, stickerId: string): Promise<ZaloSentMessage> {
    return this.call("sendSticker", { chat_id: chatId, sticker: stickerId }, sentMessageSchema);
  }

  async sendChatAction(chatId: string, action: ZaloChatAction = "typing"): Promise<void> {
    await this.call("sendChatAction", { chat_id: chatId, action }, chatActionResultSchema);
  }

  /** One API call with retries on transient errors (exponential backoff with jitter, or retry_after). */
  private async call<T>(method: string, body: object, schema: z.ZodType<T>, opts: CallOptions = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(method, body, schema, opts);
      } catch (e) {
        opts.signal?.throwIfAborted();
        const wait = this.retryDelay(e, attempt);
        if (wait === undefined) throw e;
        await this.#sleep(wait, opts.signal);
      }
    }
  }

  private retryDelay(e: unknown, attempt: number): number | undefined {
    if (attempt >= this.#retries || !isTransient(e)) return undefined;
    if (e.retryAfterSec !== undefined) return e.retryAfterSec > MAX_RETRY_AFTER_SEC ? undefined : e.retryAfterSec * 1000;
    const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private async attempt<T>(method: string, body: object, schema: z.ZodType<T>, opts: CallOptions): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? this.#timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const fail = (init: Omit<ZaloApiErrorInit, "method" | "token">) => new ZaloApiError({ ...init, method, token: this.#token });
    let status: number;
    let text: string;
    try {
      const res = await this.#fetch(`${this.baseUrl}/bot${this.#token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      throw fail(isTimeout(e) ? { kind: "timeout", code: 0, description: `no answer within ${timeoutMs} ms` } : { kind: "network", code: 0, description: describeNetworkError(e) });
    }
    return interpret(text, status, schema, fail);
  }
}

/** Reads an answer: the envelope wins over the HTTP status; the status explains bodies that are not envelopes. */
function interpret<T>(text: string, status: number, schema: z.ZodType<T>, fail: (init: Omit<ZaloApiErrorInit, "method" | "token">) => ZaloApiError): T {
  const envelope = envelopeSchema.safeParse(parseJson(text));
  if (envelope.success && envelope.data.ok === true) {
    const result = schema.safeParse(envelope.data.result);
    if (result.success) return result.data;
    const issues = result.error.issues.map((i) => `${["result", ...i.path.map(String)].join(".")}: ${i.message}`).join("; ");
    throw fail({ kind: "malformed", code: status, httpStatus: status, description: `unexpected result shape (${issues})` });
  }
  if (envelope.success && (envelope.data.ok === false || envelope.data.error_code !== undefined)) {
    const { error_code, description, retry_after, parameters } = envelope.data;
    const retryAfterSec = parameters?.retry_after ?? retry_after;
    throw fail({
      kind: "api",
      code: error_code ?? status,
      httpStatus: status,
      description: description ?? `error ${error_code ?? status}`,
      ...(retryAfterSec !== undefined ? { retryAfterSec } : {}),
    });
  }
  const snippet = JSON.stringify(text.slice(0, BODY_SNIPPET));
  if (status >= 200 && status < 300) {
    throw fail({ kind: "malformed", code: status, httpStatus: status, description: `answer is not a Zalo envelope: ${snippet}` });
  }
  throw fail({ kind: "http", code: status, httpStatus: status, description: `HTTP ${status}: ${snippet}` });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An abort from the caller's signal is rethrown by `call` before this classification matters. */
function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
}

/** Node's fetch says "fetch failed" and hides the reason (ECONNREFUSED, DNS…) in `cause`. */
function describeNetworkError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? e.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return [e.message, cause?.message, typeof code === "string" && !cause?.message.includes(code) ? code : undefined]
    .filter((part) => part !== undefined && part !== "")
    .join(": ");
}

function checkLength(method: string, field: string, value: string, min: number): void {
  if (value.length < min || value.length > ZALO_TEXT_LIMIT) {
    throw new RangeError(
      `Zalo ${method}: ${field} has ${value.length} UTF-16 units; allowed ${min}–${ZALO_TEXT_LIMIT} (split long text before sending)`,
    );
  }
}

/** Strips trailing slashes; a query or fragment would end up in the middle of every request URL. */
function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("Zalo API base URL (ZALO_BOT_API_BASE) is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("Zalo API base URL must use http:// or https://");
  if (url.search !== "" || url.hash !== "" || /[?#]/.test(raw)) {
    throw new Error("Zalo API base URL must not include a query string or fragment");
  }
  return url.href.replace(/\/+$/, "");
}
