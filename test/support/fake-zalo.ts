/**
 * A local fake of the Zalo Bot Platform API (docs/zalo-bot-api.md §1, §4.3, §5) for tests,
 * benchmarks and for trying the bot without a Zalo account.
 *
 * It is a real HTTP server on 127.0.0.1, so the real client (fetch, JSON envelopes, long polls,
 * timeouts, retries) and the real webhook endpoint are exercised end to end:
 *
 *   const fake = await FakeZalo.start();
 *   const client = new ZaloBotClient({ token: fake.token, baseUrl: fake.baseUrl });
 *   // or run the bot with ZALO_BOT_API_BASE=<fake.baseUrl>
 *
 * Tests play the users (`userSends`, `pushRaw`) and assert on what the bot did (`sent`,
 * `waitFor`, `calls`). Timestamps come from `performance.now()` at request-in and
 * response-out, so benchmarks can compute latencies from the server's point of view.
 * People can drive it with curl through the `/__test/*` routes.
 *
 * Where the doc does not know how the platform behaves, the fake picks one plausible answer:
 * errors use the error code as HTTP status (override with `httpStatus`), `retry_after` goes in
 * `parameters`, a quote is `quote_message_id` and a mention flag is `mentions_bot`.
 */
import { randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { waitForRecorded } from "./wait-for.js";

// ---------------------------------------------------------------- public types

/** An update as the platform sends it (the shape of the doc's example, plus the guessed group fields). */
export interface ZaloUpdateJson {
  event_name: string;
  message: {
    message_id: string;
    date: number;
    chat: { id: string; chat_type: "PRIVATE" | "GROUP" };
    from: { id: string; display_name: string; is_bot: boolean };
    text: string;
    quote_message_id?: string;
    mentions_bot?: boolean;
  };
}

export interface UserMessage {
  chatId: string;
  /** Default: the chat itself (in 1:1 chats chat.id equals from.id). Required for groups. */
  from?: { id: string; displayName: string };
  text: string;
  chatType?: "PRIVATE" | "GROUP";
  quotedMessageId?: string;
  mentionsBot?: boolean;
  /** Webhook mode: wrap the body as `{ok:true,result:update}` (the platform's other form). */
  envelope?: boolean;
}

/** An error the fake answers with instead of executing a method. */
export interface FakeZaloError {
  error_code: number;
  description: string;
  /** Seconds; sent as `parameters.retry_after`. */
  retry_after?: number;
  /** Default: error_code when it is an HTTP error status (400–599), else 200. */
  httpStatus?: number;
  /** Answer with a truncated, non-JSON body instead of the envelope. */
  malformed?: boolean;
}

/** Something the bot made visible to a user. */
export interface ZaloSent {
  method: "sendMessage" | "sendPhoto" | "sendSticker";
  chat_id: string;
  text?: string;
  photo?: string;
  caption?: string;
  sticker?: string;
  /** 20 hex digits, as Zalo's. */
  message_id: string;
  /** The request body as received. */
  body: Record<string, unknown>;
  /** performance.now() when the request arrived / when the response was written. */
  at: number;
  respondedAt: number;
}

export interface ZaloCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
  respondedAt?: number;
  httpStatus?: number;
  /** Set when the fake answered with ok: false (or a malformed body). */
  error?: FakeZaloError;
}

export interface WebhookDelivery {
  url: string;
  body: string;
  /** 1 for the first try. */
  attempt: number;
  /** HTTP status, or undefined when the connection failed. */
  status: number | undefined;
  at: number;
}

export interface FakeZaloOptions {
  token?: string;
  botId?: string;
  botName?: string;
  /** Delay before a failed webhook delivery is retried. */
  webhookRetryMs?: number;
  /** Tries per webhook delivery (the doc mentions an unverified 3). */
  webhookAttempts?: number;
}

// ---------------------------------------------------------------- internals

/** Thrown by method handlers; becomes `{ ok: false, ... }`. */
class ApiError extends Error {
  constructor(readonly error: FakeZaloError) {
    super(error.description);
  }
}
const bad = (description: string) => new ApiError({ error_code: 400, description: `Bad Request: ${description}` });
const IDLE_POLL: FakeZaloError = { error_code: 408, description: "Request timeout" };
const WEBHOOK_ACTIVE = "webhook is active, call deleteWebhook before getUpdates";

/** One update waiting for getUpdates or a webhook delivery. */
interface Pending {
  /** Webhook deliveries of one key (chat) go one at a time, in order. */
  key: string;
  /** JSON text used as the getUpdates `result`. */
  resultJson: string;
  /** The webhook request body. */
  webhookBody: string;
}

interface Outcome {
  /** JSON text of `result`; undefined answers `{"ok":true}` (sendChatAction). */
  resultJson?: string;
  sent?: Omit<ZaloSent, "at" | "respondedAt">;
}

const MAX_TEXT = 2000;
const MAX_POLL_SEC = 60;
const WEBHOOK_HEADER = "x-bot-api-secret-token";
/** Loopback webhooks are allowed in this fake only; the platform blocks them (`webhook.err.blocked`). */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export class FakeZalo {
  readonly token: string;
  readonly botId: string;
  readonly botName: string;
  readonly sent: ZaloSent[] = [];
  readonly calls: ZaloCall[] = [];
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** Current webhook (set by the bot's setWebhook), or undefined in polling mode. */
  webhook: { url: string; secret_token: string } | undefined;

  private port = 0;
  private stopped = false;
  private webhookUpdatedAt = Date.now();
  private queue: Pending[] = [];
  private chains = new Map<string, Promise<void>>();
  /** Held long polls; woken when an update arrives, a webhook is set or the fake stops. */
  private polls = new Set<() => void>();
  /** Pending pauses (webhook retry waits, delayed answers); cut short when the fake stops. */
  private pauses = new Set<() => void>();
  private faults = new Map<string, FakeZaloError[]>();
  private delays = new Map<string, number[]>();
  private storms: { method: string; make: (remainingMs: number) => FakeZaloError; until: number }[] = [];
  private sentListeners = new Set<() => void>();
  private deliveries = new AbortController();

  private constructor(
    private readonly server: Server,
    private readonly options: Required<Pick<FakeZaloOptions, "webhookRetryMs" | "webhookAttempts">>,
    identity: { token: string; botId: string; botName: string },
  ) {
    this.token = identity.token;
    this.botId = identity.botId;
    this.botName = identity.botName;
  }

  static async start(options: FakeZaloOptions = {}): Promise<FakeZalo> {
    // Zalo tokens look like "{bot_id}:{secret}"; keep getMe consistent with the token.
    const botId = options.botId ?? options.token?.split(":")[0] ?? "1459232241454765289";
    const token = options.token ?? `${botId}:FakeZaloBotTokenForBaoCaoTests01`;
    const server = createServer();
    const fake = new FakeZalo(
      server,
      { webhookRetryMs: options.webhookRetryMs ?? 100, webhookAttempts: options.webhookAttempts ?? 3 },
      { token, botId, botName: options.botName ?? "bot.BaoCaoTest" },
    );
    server.on("request", (req, res) => void fake.handleHttp(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** Point the client here (ZALO_BOT_API_BASE). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops the server, ends held long polls and webhook deliveries, rejects pending waits. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const wake of [...this.polls, ...this.pauses]) wake();
    this.deliveries.abort();
    for (const l of [...this.sentListeners]) l();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ------------------------------------------------------------ users act

  /**
   * A user sends a text message: queued for getUpdates, or POSTed to the webhook (with the
   * secret header) when one is set.
   */
  userSends(msg: UserMessage): ZaloUpdateJson {
    const chatType = msg.chatType ?? "PRIVATE";
    if (chatType === "GROUP" && !msg.from) throw new Error("userSends: a GROUP message needs `from` (chat.id is the group's)");
    const from = msg.from ?? { id: msg.chatId, displayName: `Người dùng ${msg.chatId.slice(0, 4)}` };
    const update: ZaloUpdateJson = {
      event_name: "message.text.received",
      message: {
        message_id: hexId(),
        date: Date.now(),
        chat: { id: msg.chatId, chat_type: chatType },
        from: { id: from.id, display_name: from.displayName, is_bot: false },
        text: msg.text,
        ...(msg.quotedMessageId !== undefined ? { quote_message_id: msg.quotedMessageId } : {}),
        ...(msg.mentionsBot !== undefined ? { mentions_bot: msg.mentionsBot } : {}),
      },
    };
    const json = JSON.stringify(update);
    this.enqueue({ key: msg.chatId, resultJson: json, webhookBody: msg.envelope ? `{"ok":true,"result":${json}}` : json });
    return update;
  }

  /**
   * Delivers an arbitrary body as the next getUpdates `result` or webhook body (arrays, null,
   * duplicates, junk). A string is sent verbatim (use it for broken JSON); anything else as JSON.
   */
  pushRaw(body: unknown): void {
    const text = typeof body === "string" ? body : (JSON.stringify(body) ?? "null");
    this.enqueue({ key: "raw", resultJson: text, webhookBody: text });
  }

  // ------------------------------------------------------------ what the bot did

  sentTo(chatId: string): ZaloSent[] {
    return this.sent.filter((m) => m.chat_id === chatId);
  }

  /** Resolves with the first message (from index `after`, default 0) matching predicate. */
  waitFor(predicate: (m: ZaloSent) => boolean, opts: { timeoutMs?: number; after?: number } = {}): Promise<ZaloSent> {
    return waitForRecorded(
      { items: this.sent, listeners: this.sentListeners, stopped: () => this.stopped, describeRecent: () => this.describeRecent(), name: "FakeZalo" },
      predicate,
      opts,
    );
  }

  // ------------------------------------------------------------ faults

  /** The next `times` calls of `method` fail with this error (the method is not executed). */
  failNext(method: string, error: FakeZaloError, times = 1): void {
    const queue = this.faults.get(method.toLowerCase()) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.faults.set(method.toLowerCase(), queue);
  }

  /** Every call of `method` fails for the next `forMs` ms (a 429 storm); the factory sees the remaining ms. */
  failWhile(method: string, make: (remainingMs: number) => FakeZaloError, forMs: number): void {
    this.storms.push({ method: method.toLowerCase(), make, until: performance.now() + forMs });
  }

  /**
   * The next `times` calls of `method` are executed at once but answered only after `ms`: a slow
   * platform, or (past the client's timeout) a send that happened although the client gave up.
   */
  delayNext(method: string, ms: number, times = 1): void {
    const queue = this.delays.get(method.toLowerCase()) ?? [];
    for (let i = 0; i < times; i++) queue.push(ms);
    this.delays.set(method.toLowerCase(), queue);
  }

  // ------------------------------------------------------------ webhooks

  /** POSTs a body to any URL like the platform would (a string verbatim, else JSON); returns the HTTP status. */
  async deliverTo(url: string, body: unknown, opts: { secret?: string } = {}): Promise<number> {
    const text = typeof body === "string" ? body : (JSON.stringify(body) ?? "null");
    return (await postJson(url, text, opts.secret, this.deliveries.signal)).status;
  }

  // ------------------------------------------------------------ update queue

  private enqueue(item: Pending): void {
    if (this.webhook) return this.deliver(item);
    this.queue.push(item);
    for (const wake of [...this.polls]) wake();
  }

  /** Chains the delivery behind earlier ones of the same chat, so a chat's updates stay in order. */
  private deliver(item: Pending): void {
    const previous = this.chains.get(item.key) ?? Promise.resolve();
    const next = previous.then(() => this.deliverWithRetries(item));
    this.chains.set(item.key, next);
    void next.finally(() => {
      if (this.chains.get(item.key) === next) this.chains.delete(item.key);
    });
  }

  private async deliverWithRetries(item: Pending): Promise<void> {
    for (let attempt = 1; attempt <= this.options.webhookAttempts && !this.stopped; attempt++) {
      const hook = this.webhook;
      if (!hook) return this.enqueue(item); // deleteWebhook meanwhile: back to polling
      const delivery: WebhookDelivery = { url: hook.url, body: item.webhookBody, attempt, status: undefined, at: performance.now() };
      this.webhookDeliveries.push(delivery);
      try {
        delivery.status = (await postJson(hook.url, item.webhookBody, hook.secret_token, this.deliveries.signal)).status;
      } catch {
        // connection failed: retried like a non-2xx answer
      }
      if (delivery.status !== undefined && delivery.status >= 200 && delivery.status < 300) return;
      if (attempt < this.options.webhookAttempts) await this.pause(this.options.webhookRetryMs);
    }
  }

  /** Resolves after `ms`, or at once when the fake stops. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pauses.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pauses.add(done);
    });
  }

  /** Holds the poll until an update arrives, the timeout passes, a webhook is set, the client leaves or the fake stops. */
  private async getUpdates(p: Record<string, unknown>, res: ServerResponse): Promise<Outcome> {
    const timeoutSec = Math.min(MAX_POLL_SEC, Math.max(0, num(p.timeout) ?? 30));
    const deadline = performance.now() + timeoutSec * 1000;
    let gone = false;
    res.once("close", () => (gone = !res.writableFinished));
    for (;;) {
      if (this.webhook) throw bad(WEBHOOK_ACTIVE);
      if (gone || this.stopped) throw new ApiError(IDLE_POLL);
      // One update per call: Zalo's `result` is an object, not an array.
      const next = this.queue.shift();
      if (next) return { resultJson: next.resultJson };
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new ApiError(IDLE_POLL);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          res.off("close", done);
          this.polls.delete(done);
          resolve();
        };
        const timer = setTimeout(done, remaining);
        res.once("close", done);
        this.polls.add(done);
      });
    }
  }

  // ------------------------------------------------------------ HTTP

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname.startsWith("/__test/")) return this.handleControl(req, res, url.pathname);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return reply(res, 404, errorBody({ error_code: 404, description: "Not Found" }));
    const method = m[2]!;
    const call: ZaloCall = { method, body: {}, at };
    this.calls.push(call);
    let outcome: Outcome | undefined;
    let error: FakeZaloError | undefined;
    try {
      call.body = await readParams(req, url);
      if (m[1] !== this.token) throw new ApiError({ error_code: 401, description: "Unauthorized" });
      const fault = this.takeFault(method);
      if (fault) throw new ApiError(fault);
      outcome = await this.execute(method, call.body, res);
    } catch (e) {
      error = e instanceof ApiError ? e.error : { error_code: 500, description: `Internal Server Error: ${(e as Error).message}` };
    }
    const delay = this.delays.get(method.toLowerCase())?.shift();
    if (delay !== undefined) await this.pause(delay);
    const status = error ? (error.httpStatus ?? (error.error_code >= 400 && error.error_code <= 599 ? error.error_code : 200)) : 200;
    const body = error ? errorBody(error) : okBody(outcome?.resultJson);
    call.httpStatus = status;
    if (error) call.error = error;
    call.respondedAt = performance.now();
    reply(res, status, error?.malformed ? body.slice(0, Math.floor(body.length / 2)) : body);
    if (!outcome?.sent) return;
    // Recorded after the response is written, so `respondedAt` is final when waiters see it; and
    // even if the client left, because the user got the message anyway.
    this.sent.push({ ...outcome.sent, at, respondedAt: call.respondedAt });
    for (const l of [...this.sentListeners]) l();
  }

  /** The curl-able control routes of docs/zalo-bot-api.md §4.3. */
  private async handleControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const json = (status: number, body: unknown) => reply(res, status, JSON.stringify(body));
    try {
      const route = `${req.method ?? "GET"} ${path}`;
      if (route === "GET /__test/sent") return json(200, { ok: true, result: this.sent });
      const p = await readParams(req, new URL("http://x"));
      if (route === "POST /__test/inbound") {
        if ("raw" in p) {
          this.pushRaw(p.raw);
          return json(200, { ok: true });
        }
        if (typeof p.chatId !== "string" || typeof p.text !== "string") throw bad("chatId and text are required strings");
        return json(200, { ok: true, result: this.userSends(p as unknown as UserMessage) });
      }
      if (route === "POST /__test/fail") {
        const { method, times, ...error } = p;
        if (typeof method !== "string" || typeof error.error_code !== "number") throw bad("method and error_code are required");
        this.failNext(method, { description: "Injected error", ...error } as FakeZaloError, num(times) ?? 1);
        return json(200, { ok: true });
      }
      json(404, { ok: false, error_code: 404, description: "Not Found" });
    } catch (e) {
      const error = e instanceof ApiError ? e.error : { error_code: 500, description: (e as Error).message };
      reply(res, error.error_code, errorBody(error));
    }
  }

  private takeFault(method: string): FakeZaloError | undefined {
    const name = method.toLowerCase();
    const queued = this.faults.get(name);
    if (queued?.length) return queued.shift();
    const now = performance.now();
    this.storms = this.storms.filter((s) => s.until > now);
    const storm = this.storms.find((s) => s.method === name);
    return storm?.make(storm.until - now);
  }

  // ------------------------------------------------------------ methods

  private async execute(method: string, p: Record<string, unknown>, res: ServerResponse): Promise<Outcome> {
    switch (method.toLowerCase()) {
      case "getme":
        return result({ id: this.botId, account_name: this.botName, account_type: "BASIC", can_join_groups: false });
      case "getupdates":
        return this.getUpdates(p, res);
      case "setwebhook":
        return result(this.setWebhook(p));
      case "deletewebhook":
        this.webhook = undefined;
        this.webhookUpdatedAt = Date.now();
        return result({ url: "", updated_at: this.webhookUpdatedAt });
      case "getwebhookinfo":
        return result({ url: this.webhook?.url ?? "", updated_at: this.webhookUpdatedAt });
      case "sendmessage": {
        const chatId = chatIdOf(p);
        const text = checkText(p.text, "text", 1);
        return this.sendOutcome("sendMessage", chatId, { text }, p);
      }
      case "sendphoto": {
        const chatId = chatIdOf(p);
        const photo = str(p.photo) ?? "";
        if (!/^https?:\/\/\S+$/.test(photo)) throw bad("photo must be an http(s) URL");
        const caption = p.caption === undefined ? undefined : checkText(p.caption, "caption", 0);
        return this.sendOutcome("sendPhoto", chatId, { photo, ...(caption !== undefined ? { caption } : {}) }, p);
      }
      case "sendsticker": {
        const chatId = chatIdOf(p);
        const sticker = str(p.sticker);
        if (!sticker) throw bad("sticker is required");
        return this.sendOutcome("sendSticker", chatId, { sticker }, p);
      }
      case "sendchataction":
        chatIdOf(p);
        if (!str(p.action)) throw bad("action is required");
        return {};
      default:
        throw new ApiError({ error_code: 404, description: "Not Found: method not found" });
    }
  }

  private setWebhook(p: Record<string, unknown>): { url: string; updated_at: number } {
    const url = str(p.url) ?? "";
    const secret = str(p.secret_token) ?? "";
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw bad("url is not a valid URL");
    }
    const loopbackHttp = parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname);
    if (parsed.protocol !== "https:" && !loopbackHttp) throw bad("webhook url must use https");
    if (secret.length < 8 || secret.length > 256) throw bad("secret_token must be 8-256 characters");
    this.webhook = { url, secret_token: secret };
    this.webhookUpdatedAt = Date.now();
    for (const wake of [...this.polls]) wake(); // held polls now answer 400
    for (const item of this.queue.splice(0)) this.deliver(item);
    return { url, updated_at: this.webhookUpdatedAt };
  }

  private sendOutcome(
    method: ZaloSent["method"],
    chatId: string,
    content: Pick<ZaloSent, "text" | "photo" | "caption" | "sticker">,
    body: Record<string, unknown>,
  ): Outcome {
    const message_id = hexId();
    return {
      resultJson: JSON.stringify({ message_id, date: Date.now() }),
      sent: { method, chat_id: chatId, ...content, message_id, body },
    };
  }

  /** Summary of recent traffic for timeout errors: what the bot sent and which calls failed. */
  private describeRecent(): string {
    const lines = this.sent.slice(-10).map((m) => `  ${m.method} chat=${m.chat_id}: ${JSON.stringify((m.text ?? m.caption ?? m.photo ?? m.sticker ?? "").slice(0, 160))}`);
    const failures = this.calls
      .filter((c) => c.error && c.error.error_code !== 408)
      .slice(-5)
      .map((c) => `  ${c.method} -> ${c.error!.error_code} ${c.error!.description}`);
    return [
      `last ${lines.length} of ${this.sent.length} sent messages:`,
      ...(lines.length ? lines : ["  (none)"]),
      ...(failures.length ? ["recent failed API calls:", ...failures] : []),
    ].join("\n");
  }
}

// ---------------------------------------------------------------- free helpers

function result(value: unknown): Outcome {
  return { resultJson: JSON.stringify(value) };
}

function okBody(resultJson: string | undefined): string {
  return resultJson === undefined ? '{"ok":true}' : `{"ok":true,"result":${resultJson}}`;
}

function errorBody(e: FakeZaloError): string {
  return JSON.stringify({
    ok: false,
    error_code: e.error_code,
    description: e.description,
    ...(e.retry_after !== undefined ? { parameters: { retry_after: e.retry_after } } : {}),
  });
}

/** Does nothing when the client is already gone. */
function reply(res: ServerResponse, status: number, body: string): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** JSON body merged over the query string (some samples use GET for getMe and getUpdates). */
async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const fields: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return fields;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad("body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw bad("body must be a JSON object");
  return { ...fields, ...(parsed as Record<string, unknown>) };
}

function chatIdOf(p: Record<string, unknown>): string {
  const id = str(p.chat_id);
  if (!id) throw bad("chat_id is required");
  return id;
}

/** Zalo counts UTF-16 units. */
function checkText(value: unknown, field: string, min: number): string {
  const text = str(value) ?? "";
  if (text.length < min || text.length > MAX_TEXT) throw bad(`${field} must be ${min}-${MAX_TEXT} characters`);
  return text;
}

/** POST without connection reuse, so no sockets outlive a test. */
function postJson(url: string, body: string, secret: string | undefined, signal: AbortSignal): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: "POST",
        agent: false,
        signal,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          connection: "close",
          ...(secret !== undefined ? { [WEBHOOK_HEADER]: secret } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Zalo message ids are 20 hex digits. */
const hexId = () => randomBytes(10).toString("hex");

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}
function num(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
