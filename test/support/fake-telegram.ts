/**
 * A local fake of the Telegram Bot API server for tests and benchmarks.
 *
 * It is a real HTTP server on 127.0.0.1 so the real grammY client (fetch, JSON and
 * multipart payloads, long polling, webhooks, retries) is exercised end to end:
 *
 *   const fake = await FakeTelegram.start();
 *   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
 *
 * Tests play the users (`sendText`, `clickButton`) and assert on what the bot did
 * (`sent`, `waitFor`, `calls`). Timestamps come from `performance.now()` so
 * benchmarks can compute latencies from the server's point of view.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import busboy from "busboy";
import type {
  BotCommand,
  Chat,
  ForceReply,
  InlineKeyboardMarkup,
  Message,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { waitForRecorded } from "./wait-for.js";

// ---------------------------------------------------------------- public types

export interface ChatRef {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
}

export interface UserRef {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** An error the fake answers with instead of executing a method. */
export interface FakeApiError {
  error_code: number;
  description: string;
  /** Seconds; sent as `parameters.retry_after` (what grammY and auto-retry read on 429). */
  retry_after?: number;
  parameters?: Record<string, unknown>;
}

export interface SentDocument {
  filename: string;
  bytes: Buffer;
  mime_type: string;
  file_id: string;
}

/** Something the bot made visible to a user: a new message or an edited text. */
export interface SentMessage {
  method: "sendMessage" | "sendDocument" | "editMessageText";
  message_id: number;
  chat_id: number;
  text?: string;
  caption?: string;
  parse_mode?: string;
  reply_markup?: ReplyMarkup;
  reply_to_message_id?: number;
  document?: SentDocument;
  /** The Message object returned to the bot. */
  message: Message;
  /** The request parameters as received (files as `attach://` strings). */
  body: Record<string, unknown>;
  /** performance.now() when the request arrived / when the response was written. */
  at: number;
  respondedAt: number;
}

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
  respondedAt?: number;
  /** Set when the fake answered with ok: false. */
  error?: FakeApiError;
  /** The call came back in a webhook response body instead of an HTTP request. */
  viaWebhookReply?: boolean;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  at: number;
}

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  botId?: number;
  botFirstName?: string;
  /** Delay before a failed webhook delivery is retried. */
  webhookRetryMs?: number;
  /**
   * Deliver at most the webhook's max_connections updates at a time (default 40, set by
   * setWebhook), as Telegram does. Off by default: tests have few chats; benchmarks have many.
   */
  limitWebhookConnections?: boolean;
  /**
   * Messages per second the bot may send (sendMessage, sendDocument), like Telegram's per-bot
   * limit, with bursts of up to one second's worth; beyond it the call fails with 429 and
   * retry_after 1.
   * Unlimited by default.
   */
  sendsPerSecond?: number;
  /**
   * How long the server keeps an idle connection open (Node's default is 5 s; it announces it
   * to clients as `Keep-Alive: timeout=N`).
   */
  keepAliveTimeoutMs?: number;
}

// ---------------------------------------------------------------- internals

/** Thrown by method handlers; becomes `{ ok: false, ... }`. */
class ApiError extends Error {
  constructor(readonly error: FakeApiError) {
    super(error.description);
  }
}
const bad = (description: string) => new ApiError({ error_code: 400, description: `Bad Request: ${description}` });

interface PendingUpdate {
  update: Update;
  /** Included in a getUpdates response that reached the client. */
  delivered: boolean;
  /** Pushed with an already used update_id: deliver it once even if the offset passed it. */
  redelivery: boolean;
}

interface Params {
  fields: Record<string, unknown>;
  files: Map<string, { filename: string; bytes: Buffer }>;
}

interface Outcome {
  result: unknown;
  sent?: Omit<SentMessage, "at" | "respondedAt">;
}

/** What grammY asks for by default (`allowed_updates: []`). */
const DEFAULT_EXCLUDED_UPDATES = ["chat_member", "message_reaction", "message_reaction_count"];
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MIME_BY_EXT: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  txt: "text/plain",
  json: "application/json",
  zip: "application/zip",
};

export class FakeTelegram {
  readonly token: string;
  readonly botUser: UserFromGetMe;
  readonly sent: SentMessage[] = [];
  readonly calls: ApiCall[] = [];
  readonly callbackAnswers: CallbackAnswer[] = [];
  /**
   * For latency benchmarks, per update_id: performance.now() when the update was queued
   * (available to getUpdates) and, in webhook mode, when its delivery POST started.
   */
  readonly updateTimes = new Map<number, { queuedAt: number; postedAt?: number }>();
  /** Current webhook (set by the bot's setWebhook), or undefined in polling mode. */
  webhook: { url: string; secret_token?: string; max_connections: number } | undefined;

  private port = 0;
  private stopped = false;
  private nextUpdateId = 100_000_001;
  private pending: PendingUpdate[] = [];
  private allowedUpdates: string[] = [];
  private heldPoll: { wake(): void; fail(e: ApiError): void } | undefined;
  private busyChats = new Set<string>();
  private lastWebhookError: { date: number; message: string } | undefined;
  private chats = new Map<number, Chat>();
  private messages = new Map<string, Message>();
  private lastMessageId = new Map<number, number>();
  private callbackQueries = new Map<string, { answered: boolean }>();
  private files = new Map<string, SentDocument>();
  private commands = new Map<string, BotCommand[]>();
  private faults = new Map<string, FakeApiError[]>();
  private storms: { method: string; make: (remainingMs: number) => FakeApiError; until: number }[] = [];
  /** The send rate limit's bucket (sendsPerSecond), full at the start. */
  private sendTokens = Number.POSITIVE_INFINITY;
  private tokensAt = 0;
  private sentListeners = new Set<() => void>();
  /** Connections that ended: closed by the client (it hung up first) or by the server (idle too long). */
  private closes = { byClient: 0, byServer: 0 };
  private timers = new Set<NodeJS.Timeout>();
  private deliveries = new AbortController();
  private counter = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: Required<Pick<FakeTelegramOptions, "webhookRetryMs" | "limitWebhookConnections">> & Pick<FakeTelegramOptions, "sendsPerSecond">,
    token: string,
    botUser: UserFromGetMe,
  ) {
    this.token = token;
    this.botUser = botUser;
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    // grammY's token format is "<bot id>:<secret>"; keep getMe consistent with it.
    const fromToken = Number(options.token?.split(":")[0]);
    const id = options.botId ?? (Number.isSafeInteger(fromToken) && fromToken > 0 ? fromToken : 7_000_000_001);
    const token = options.token ?? `${id}:AAFakeTelegramTestTokenForBaoCaoBot01`;
    const botUser: UserFromGetMe = {
      id,
      is_bot: true,
      first_name: options.botFirstName ?? "Báo cáo (test)",
      username: options.botUsername ?? "BaoCaoTestBot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    } as UserFromGetMe;
    const server = createServer();
    const fake = new FakeTelegram(server, { webhookRetryMs: options.webhookRetryMs ?? 100, limitWebhookConnections: options.limitWebhookConnections ?? false, sendsPerSecond: options.sendsPerSecond }, token, botUser);
    server.on("request", (req, res) => void fake.handleHttp(req, res));
    if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
    server.on("connection", (socket) => {
      // A client that hangs up sends FIN first ("end"); the server's idle timeout destroys the socket without one.
      let ended = false;
      socket.once("end", () => (ended = true));
      socket.once("close", () => (ended ? fake.closes.byClient++ : fake.closes.byServer++));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** How many connections have ended so far, and who ended them. */
  get connectionCloses(): { byClient: number; byServer: number } {
    return { ...this.closes };
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get botId(): number {
    return this.botUser.id;
  }

  /** Stops the server, cancels webhook deliveries and held long polls, rejects pending waits. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.heldPoll?.wake();
    this.deliveries.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const l of [...this.sentListeners]) l();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // grammY keeps connections alive; without this close() waits for them.
      this.server.closeAllConnections();
    });
  }

  // ------------------------------------------------------------ users act

  /** A user sends a text message (commands get a bot_command entity like real Telegram). */
  sendText(args: { chat: ChatRef; from: UserRef; text: string; replyTo?: SentMessage | number }): Update {
    const chat = this.registerChat(args.chat, args.from);
    const message: Message = {
      message_id: this.nextMessageId(chat.id),
      from: userObject(args.from),
      chat,
      date: nowSeconds(),
      text: args.text,
    };
    const entities = commandEntities(args.text);
    if (entities.length > 0) message.entities = entities;
    if (args.replyTo !== undefined) {
      const id = typeof args.replyTo === "number" ? args.replyTo : args.replyTo.message_id;
      const target = this.messages.get(msgKey(chat.id, id));
      if (!target) throw new Error(`sendText: message ${id} does not exist in chat ${chat.id}`);
      message.reply_to_message = asReply(target);
    }
    this.messages.set(msgKey(chat.id, message.message_id), message);
    return this.enqueue({ update_id: this.nextUpdateId++, message: structuredClone(message) } as Update);
  }

  /**
   * A user presses an inline button. Throws if the message (in its current, possibly
   * edited state) has no button with this callback_data: a real user could not press it.
   * Use pushUpdate to forge callback queries.
   */
  clickButton(args: { chat: ChatRef; from: UserRef; message: SentMessage | number; data: string }): Update {
    this.registerChat(args.chat, args.from);
    const id = typeof args.message === "number" ? args.message : args.message.message_id;
    const message = this.messages.get(msgKey(args.chat.id, id));
    if (!message) throw new Error(`clickButton: message ${id} does not exist in chat ${args.chat.id}`);
    const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
    if (!buttons.some((b) => "callback_data" in b && b.callback_data === args.data)) {
      const have = buttons.map((b) => ("callback_data" in b ? b.callback_data : `(${b.text})`));
      throw new Error(`clickButton: message ${id} has no button with data ${JSON.stringify(args.data)}; it has ${JSON.stringify(have)}`);
    }
    const queryId = `${this.botId}${String(++this.counter).padStart(9, "0")}`;
    this.callbackQueries.set(queryId, { answered: false });
    return this.enqueue({
      update_id: this.nextUpdateId++,
      callback_query: {
        id: queryId,
        from: userObject(args.from),
        message: structuredClone(message),
        chat_instance: String(-4_000_000_000_000 - Math.abs(args.chat.id)),
        data: args.data,
      },
    } as Update);
  }

  /** Queues a raw update as is (reuse an update_id to simulate a duplicate delivery). */
  pushUpdate(update: object): void {
    const u = structuredClone(update) as Update;
    const redelivery = typeof u.update_id === "number" && u.update_id < this.nextUpdateId;
    if (typeof u.update_id !== "number") u.update_id = this.nextUpdateId++;
    else if (u.update_id >= this.nextUpdateId) this.nextUpdateId = u.update_id + 1;
    this.enqueue(u, redelivery);
  }

  // ------------------------------------------------------------ what the bot did

  sentTo(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chat_id === chatId);
  }

  /** The current state of a message (after edits), as the fake knows it. */
  messageState(chatId: number, messageId: number): Message | undefined {
    return this.messages.get(msgKey(chatId, messageId));
  }

  /** Resolves with the first message (from index `after`, default 0) matching predicate. */
  waitFor(predicate: (m: SentMessage) => boolean, opts: { timeoutMs?: number; after?: number } = {}): Promise<SentMessage> {
    return waitForRecorded(
      { items: this.sent, listeners: this.sentListeners, stopped: () => this.stopped, describeRecent: () => this.describeRecent(), name: "FakeTelegram" },
      predicate,
      opts,
    );
  }

  /**
   * Calls `listener` with every message recorded from now on (cheaper than many waitFor
   * calls when a benchmark plays hundreds of users); returns the unsubscribe function.
   */
  onSent(listener: (m: SentMessage) => void): () => void {
    let index = this.sent.length;
    const check = () => {
      for (; index < this.sent.length; index++) listener(this.sent[index]!);
    };
    this.sentListeners.add(check);
    return () => this.sentListeners.delete(check);
  }

  /** The next message to chatId, sent at or after index `after` (default: from now on). */
  nextMessage(chatId: number, opts: { after?: number; timeoutMs?: number } = {}): Promise<SentMessage> {
    return this.waitFor((m) => m.chat_id === chatId, { after: opts.after ?? this.sent.length, timeoutMs: opts.timeoutMs });
  }

  // ------------------------------------------------------------ faults

  /** The next `times` calls of `method` fail with this error. */
  failNext(method: string, error: FakeApiError, times = 1): void {
    const queue = this.faults.get(method.toLowerCase()) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.faults.set(method.toLowerCase(), queue);
  }

  /** Every call of `method` fails for the next `forMs` ms (a 429 storm); the factory sees the remaining ms. */
  failWhile(method: string, make: (remainingMs: number) => FakeApiError, forMs: number): void {
    this.storms.push({ method: method.toLowerCase(), make, until: performance.now() + forMs });
  }

  // ------------------------------------------------------------ webhooks

  /** POSTs an update to any URL like Telegram would; returns the HTTP status. */
  async deliverTo(url: string, update: object, opts: { secret?: string } = {}): Promise<number> {
    const res = await postJson(url, JSON.stringify(update), opts.secret, this.deliveries.signal);
    return res.status;
  }

  // ------------------------------------------------------------ update queue

  private enqueue(update: Update, redelivery = false): Update {
    this.updateTimes.set(update.update_id, { queuedAt: performance.now() });
    this.pending.push({ update, delivered: false, redelivery });
    this.heldPoll?.wake();
    this.pumpWebhook();
    return update;
  }

  /** Drops updates of types the bot did not ask for (allowed_updates is a persistent setting). */
  private dropDisallowed(): void {
    const allowed = this.allowedUpdates;
    this.pending = this.pending.filter(({ update }) => {
      const type = Object.keys(update).find((k) => k !== "update_id") ?? "";
      return allowed.length > 0 ? allowed.includes(type) : !DEFAULT_EXCLUDED_UPDATES.includes(type);
    });
  }

  private async getUpdates(p: Record<string, unknown>, res: ServerResponse): Promise<Update[]> {
    if (this.webhook) {
      throw new ApiError({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
    }
    // Real Telegram terminates the older of two concurrent long polls.
    this.heldPoll?.fail(new ApiError({ error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" }));
    const offset = int(p.offset);
    if (offset !== undefined && offset < 0) {
      this.pending = this.pending.slice(offset);
    } else if (offset !== undefined) {
      this.pending = this.pending.filter((e) => e.update.update_id >= offset || (e.redelivery && !e.delivered));
    }
    const allowed = parseJson(p.allowed_updates);
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.map(String);
    const limit = Math.min(100, Math.max(1, int(p.limit) ?? 100));
    const deadline = performance.now() + Math.max(0, int(p.timeout) ?? 0) * 1000;
    let aborted = false;
    res.once("close", () => (aborted = !res.writableFinished));
    for (;;) {
      this.dropDisallowed();
      const batch = this.pending.slice(0, limit);
      const remaining = deadline - performance.now();
      if (batch.length > 0 || remaining <= 0 || this.stopped || aborted) {
        if (!aborted) for (const e of batch) e.delivered = true;
        return batch.map((e) => e.update);
      }
      // Hold the request until an update arrives, the timeout passes, the client goes away,
      // or a newer getUpdates / setWebhook terminates it.
      await new Promise<void>((resolve, reject) => {
        const done = (e?: ApiError) => {
          clearTimeout(timer);
          res.off("close", poll.wake);
          if (this.heldPoll === poll) this.heldPoll = undefined;
          if (e) reject(e);
          else resolve();
        };
        const poll = { wake: () => done(), fail: (e: ApiError) => done(e) };
        const timer = setTimeout(poll.wake, remaining);
        res.once("close", poll.wake);
        this.heldPoll = poll;
      });
    }
  }

  /** Starts delivering the oldest pending update of every chat that has none in flight. */
  private pumpWebhook(): void {
    if (!this.webhook || this.stopped) return;
    this.dropDisallowed();
    const seen = new Set<string>();
    for (const entry of this.pending) {
      if (this.options.limitWebhookConnections && this.busyChats.size >= this.webhook.max_connections) break;
      const key = chatKey(entry.update);
      if (seen.has(key)) continue;
      seen.add(key);
      if (this.busyChats.has(key)) continue;
      this.busyChats.add(key);
      void this.deliverPending(entry, key);
    }
  }

  private async deliverPending(entry: PendingUpdate, key: string): Promise<void> {
    const hook = this.webhook!;
    let ok = false;
    const times = this.updateTimes.get(entry.update.update_id);
    if (times && times.postedAt === undefined) times.postedAt = performance.now();
    try {
      const res = await postJson(hook.url, JSON.stringify(entry.update), hook.secret_token, this.deliveries.signal);
      ok = res.status >= 200 && res.status < 300;
      if (ok) {
        this.pending = this.pending.filter((e) => e !== entry);
        this.executeWebhookReply(res.body);
      } else {
        this.lastWebhookError = { date: nowSeconds(), message: `Wrong response from the webhook: ${res.status} ${res.statusText}` };
      }
    } catch (e) {
      this.lastWebhookError = { date: nowSeconds(), message: `Connection failed: ${(e as Error).message}` };
    }
    if (this.stopped) return;
    const next = () => {
      this.busyChats.delete(key);
      this.pumpWebhook();
    };
    if (ok) return next();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      next();
    }, this.options.webhookRetryMs);
    this.timers.add(timer);
  }

  /** grammY may answer a webhook with one API call in the response body; Telegram executes it. */
  private executeWebhookReply(body: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (!isObject(parsed) || typeof parsed.method !== "string") return;
    const { method, ...fields } = parsed;
    const call: ApiCall = { method, body: fields, at: performance.now(), viaWebhookReply: true };
    this.calls.push(call);
    void this.execute(method, { fields, files: new Map() }, undefined)
      .then((outcome) => {
        call.respondedAt = performance.now();
        this.recordSent(outcome, call);
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError) call.error = e.error;
      });
  }

  // ------------------------------------------------------------ HTTP

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? "/", "http://x");
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return reply(res, { ok: false, error_code: 404, description: "Not Found" });
    if (m[1] !== this.token) return reply(res, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2]!;
    const call: ApiCall = { method, body: {}, at };
    this.calls.push(call);
    let outcome: Outcome;
    try {
      const params = await readParams(req, url);
      call.body = params.fields;
      const fault = this.takeFault(method);
      if (fault) throw new ApiError(fault);
      outcome = await this.execute(method, params, res);
    } catch (e) {
      const error: FakeApiError =
        e instanceof ApiError ? e.error : { error_code: 500, description: `Internal Server Error: ${(e as Error).message}` };
      call.error = error;
      call.respondedAt = performance.now();
      const parameters = error.retry_after !== undefined ? { ...error.parameters, retry_after: error.retry_after } : error.parameters;
      return reply(res, { ok: false, error_code: error.error_code, description: error.description, ...(parameters ? { parameters } : {}) });
    }
    call.respondedAt = performance.now();
    reply(res, { ok: true, result: outcome.result });
    this.recordSent(outcome, call);
  }

  private takeFault(method: string): FakeApiError | undefined {
    const name = method.toLowerCase();
    const queued = this.faults.get(name);
    if (queued?.length) return queued.shift();
    const now = performance.now();
    this.storms = this.storms.filter((s) => s.until > now);
    const storm = this.storms.find((s) => s.method === name);
    return storm?.make(storm.until - now) ?? this.overRate(name, now);
  }

  /**
   * A token bucket of sendsPerSecond tokens, refilled continuously: a burst of up to one
   * second's worth passes, and sustained sending above the rate is refused.
   */
  private overRate(method: string, now: number): FakeApiError | undefined {
    const limit = this.options.sendsPerSecond;
    if (limit === undefined || (method !== "sendmessage" && method !== "senddocument")) return undefined;
    this.sendTokens = Math.min(limit, this.sendTokens + ((now - this.tokensAt) * limit) / 1000);
    this.tokensAt = now;
    if (this.sendTokens < 1) return { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 };
    this.sendTokens -= 1;
    return undefined;
  }

  /** Recorded only after the response is written, so `respondedAt` is final when waiters see it. */
  private recordSent(outcome: Outcome, call: ApiCall): void {
    if (!outcome.sent) return;
    this.sent.push({ ...outcome.sent, at: call.at, respondedAt: call.respondedAt ?? performance.now() });
    for (const l of [...this.sentListeners]) l();
  }

  // ------------------------------------------------------------ methods

  private async execute(method: string, params: Params, res: ServerResponse | undefined): Promise<Outcome> {
    const p = params.fields;
    switch (method.toLowerCase()) {
      case "getme":
        return { result: this.botUser };
      case "getupdates":
        if (!res) throw bad("getUpdates can't be used in a webhook reply");
        return { result: await this.getUpdates(p, res) };
      case "setwebhook":
        return { result: this.setWebhook(p) };
      case "deletewebhook":
        this.webhook = undefined;
        if (bool(p.drop_pending_updates)) this.pending = [];
        return { result: true };
      case "getwebhookinfo":
        return {
          result: {
            url: this.webhook?.url ?? "",
            has_custom_certificate: false,
            pending_update_count: this.pending.length,
            ...(this.webhook ? { max_connections: this.webhook.max_connections } : {}),
            ...(this.lastWebhookError
              ? { last_error_date: this.lastWebhookError.date, last_error_message: this.lastWebhookError.message }
              : {}),
            ...(this.allowedUpdates.length ? { allowed_updates: this.allowedUpdates } : {}),
          },
        };
      case "sendmessage":
        return this.sendMessage(p);
      case "senddocument":
        return this.sendDocument(p, params.files);
      case "editmessagetext":
        return this.editMessage(p, "text");
      case "editmessagereplymarkup":
        return this.editMessage(p, "markup");
      case "answercallbackquery":
        return { result: this.answerCallbackQuery(p) };
      case "sendchataction":
        this.chatFor(p.chat_id);
        if (typeof p.action !== "string") throw bad("action is empty");
        return { result: true };
      case "setmycommands":
        return { result: this.setMyCommands(p) };
      case "getmycommands":
        return { result: this.commands.get(commandScopeKey(p)) ?? [] };
      case "deletemycommands":
        this.commands.delete(commandScopeKey(p));
        return { result: true };
      case "getchat":
        return { result: this.getChat(p) };
      default:
        throw new ApiError({ error_code: 404, description: "Not Found: method not found" });
    }
  }

  private setWebhook(p: Record<string, unknown>): true {
    const url = str(p.url) ?? "";
    const secret = str(p.secret_token);
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw bad("secret token contains unallowed characters");
    const allowed = parseJson(p.allowed_updates);
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.map(String);
    if (bool(p.drop_pending_updates)) this.pending = [];
    if (url === "") {
      this.webhook = undefined;
      return true;
    }
    // Real Telegram insists on https; the fake accepts http so tests can use a local server.
    if (!/^https?:\/\//.test(url)) throw bad("bad webhook: An HTTPS URL must be provided for webhook");
    this.webhook = { url, max_connections: int(p.max_connections) ?? 40, ...(secret !== undefined ? { secret_token: secret } : {}) };
    this.lastWebhookError = undefined;
    this.heldPoll?.fail(new ApiError({ error_code: 409, description: "Conflict: terminated by setWebhook request" }));
    this.pumpWebhook();
    return true;
  }

  private sendMessage(p: Record<string, unknown>): Outcome {
    const chat = this.chatFor(p.chat_id);
    const text = str(p.text) ?? "";
    if (text.trim() === "") throw bad("message text is empty");
    if (plainText(text, str(p.parse_mode)).length > MAX_TEXT) throw bad("message is too long");
    const markup = this.markup(p.reply_markup);
    const replyTo = this.replyTarget(chat.id, p);
    const message = this.storeBotMessage(chat, { text: plainText(text, str(p.parse_mode)) }, markup, replyTo);
    return {
      result: message,
      sent: {
        method: "sendMessage",
        message_id: message.message_id,
        chat_id: chat.id,
        text,
        ...optional({ parse_mode: str(p.parse_mode), reply_markup: markup, reply_to_message_id: replyTo?.message_id }),
        message,
        body: p,
      },
    };
  }

  private sendDocument(p: Record<string, unknown>, files: Params["files"]): Outcome {
    const chat = this.chatFor(p.chat_id);
    const caption = str(p.caption);
    if (caption !== undefined && plainText(caption, str(p.parse_mode)).length > MAX_CAPTION) throw bad("message caption is too long");
    const document = this.resolveDocument(p.document, files);
    const markup = this.markup(p.reply_markup);
    const replyTo = this.replyTarget(chat.id, p);
    const message = this.storeBotMessage(
      chat,
      {
        document: {
          file_id: document.file_id,
          file_unique_id: document.file_id.slice(-16),
          file_name: document.filename,
          mime_type: document.mime_type,
          file_size: document.bytes.length,
        },
        ...(caption !== undefined ? { caption: plainText(caption, str(p.parse_mode)) } : {}),
      },
      markup,
      replyTo,
    );
    return {
      result: message,
      sent: {
        method: "sendDocument",
        message_id: message.message_id,
        chat_id: chat.id,
        document,
        ...optional({ caption, parse_mode: str(p.parse_mode), reply_markup: markup, reply_to_message_id: replyTo?.message_id }),
        message,
        body: p,
      },
    };
  }

  /** `attach://<part>` for uploads; otherwise a file_id we issued earlier or an http(s) URL. */
  private resolveDocument(value: unknown, files: Params["files"]): SentDocument {
    const ref = str(value);
    if (ref === undefined || ref === "") throw bad("there is no document in the request");
    if (ref.startsWith("attach://")) {
      const file = files.get(ref.slice("attach://".length));
      if (!file) throw bad(`file ${ref} not found in the request`);
      if (file.bytes.length === 0) throw bad("file must be non-empty");
      const ext = file.filename.split(".").pop()?.toLowerCase() ?? "";
      const doc: SentDocument = { ...file, mime_type: MIME_BY_EXT[ext] ?? "application/octet-stream", file_id: this.newFileId() };
      this.files.set(doc.file_id, doc);
      return doc;
    }
    const known = this.files.get(ref);
    if (known) return known;
    if (/^https?:\/\//.test(ref)) {
      const filename = decodeURIComponent(new URL(ref).pathname.split("/").pop() || "document");
      return { filename, bytes: Buffer.alloc(0), mime_type: "application/octet-stream", file_id: this.newFileId() };
    }
    throw bad("wrong file identifier/HTTP URL specified");
  }

  private editMessage(p: Record<string, unknown>, what: "text" | "markup"): Outcome {
    if (p.inline_message_id !== undefined) return { result: true };
    const chat = this.chatFor(p.chat_id);
    const id = int(p.message_id);
    const old = id === undefined ? undefined : this.messages.get(msgKey(chat.id, id));
    if (!old) throw bad("message to edit not found");
    if (old.from?.id !== this.botId) throw bad("message can't be edited");
    const markup = this.markup(p.reply_markup);
    // Like Telegram: an edit without reply_markup removes the inline keyboard.
    const inline = markup && "inline_keyboard" in markup ? markup : undefined;
    const text = what === "text" ? str(p.text) ?? "" : undefined;
    if (text !== undefined && text.trim() === "") throw bad("message text is empty");
    const newText = text === undefined ? old.text : plainText(text, str(p.parse_mode));
    if (newText !== undefined && newText.length > MAX_TEXT) throw bad("message is too long");
    if (newText === old.text && JSON.stringify(inline) === JSON.stringify(old.reply_markup)) {
      throw bad("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    const message: Message = { ...old, edit_date: nowSeconds() };
    if (newText !== undefined) message.text = newText;
    if (inline) message.reply_markup = inline;
    else delete message.reply_markup;
    this.messages.set(msgKey(chat.id, old.message_id), message);
    if (what === "markup") return { result: message };
    return {
      result: message,
      sent: {
        method: "editMessageText",
        message_id: old.message_id,
        chat_id: chat.id,
        text: text!,
        ...optional({ parse_mode: str(p.parse_mode), reply_markup: markup }),
        message,
        body: p,
      },
    };
  }

  private answerCallbackQuery(p: Record<string, unknown>): true {
    const id = str(p.callback_query_id) ?? "";
    const query = this.callbackQueries.get(id);
    if (!query || query.answered) throw bad("query is too old and response timeout expired or query ID is invalid");
    query.answered = true;
    this.callbackAnswers.push({
      callback_query_id: id,
      ...optional({ text: str(p.text), show_alert: bool(p.show_alert), url: str(p.url) }),
      at: performance.now(),
    });
    return true;
  }

  private setMyCommands(p: Record<string, unknown>): true {
    const commands = parseJson(p.commands);
    if (!Array.isArray(commands)) throw bad("commands must be an array");
    for (const c of commands as BotCommand[]) {
      if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad("BOT_COMMAND_INVALID");
      if (typeof c.description !== "string" || c.description.trim() === "" || c.description.length > 256) {
        throw bad("BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    this.commands.set(commandScopeKey(p), commands as BotCommand[]);
    return true;
  }

  private getChat(p: Record<string, unknown>): object {
    const chat = this.chatFor(p.chat_id);
    return { ...chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
  }

  // ------------------------------------------------------------ helpers

  private registerChat(ref: ChatRef, from: UserRef): Chat {
    const chat: Chat =
      ref.type === "private"
        ? { id: ref.id, type: "private", first_name: from.first_name, ...optional({ last_name: from.last_name, username: from.username }) }
        : { id: ref.id, type: ref.type, title: ref.title ?? `Chat ${ref.id}` } as Chat;
    this.chats.set(ref.id, chat);
    return chat;
  }

  /**
   * Unknown numeric chats are accepted (a bot may message officers known from its
   * database); they get a synthetic chat object.
   */
  private chatFor(value: unknown): Chat {
    if (value === undefined || value === null || value === "") throw bad("chat_id is empty");
    const id = int(value);
    if (id === undefined) throw bad("chat not found");
    const known = this.chats.get(id);
    if (known) return known;
    const chat: Chat =
      id > 0
        ? { id, type: "private", first_name: `User ${id}` }
        : id < -1_000_000_000_000
          ? { id, type: "supergroup", title: `Chat ${id}` }
          : { id, type: "group", title: `Chat ${id}` };
    this.chats.set(id, chat);
    return chat;
  }

  private markup(value: unknown): ReplyMarkup | undefined {
    const parsed = parseJson(value);
    if (parsed === undefined) return undefined;
    if (!isObject(parsed)) throw bad("can't parse reply keyboard markup JSON object");
    const markup = parsed as unknown as ReplyMarkup;
    if ("inline_keyboard" in markup) {
      for (const button of markup.inline_keyboard.flat()) {
        if (!button.text) throw bad("text buttons are unallowed in the inline keyboard");
        // 64 *bytes*: Vietnamese text in callback_data hits this quickly.
        if ("callback_data" in button && Buffer.byteLength(button.callback_data ?? "", "utf8") > 64) {
          throw bad("BUTTON_DATA_INVALID");
        }
      }
    }
    return markup;
  }

  private replyTarget(chatId: number, p: Record<string, unknown>): Message | undefined {
    const params = parseJson(p.reply_parameters) as { message_id?: unknown; allow_sending_without_reply?: unknown } | undefined;
    const id = int(params?.message_id ?? p.reply_to_message_id);
    if (id === undefined) return undefined;
    const target = this.messages.get(msgKey(chatId, id));
    if (!target && !bool(params?.allow_sending_without_reply ?? p.allow_sending_without_reply)) {
      throw bad("message to be replied not found");
    }
    return target;
  }

  private storeBotMessage(chat: Chat, content: Partial<Message>, markup: ReplyMarkup | undefined, replyTo: Message | undefined): Message {
    const message = {
      message_id: this.nextMessageId(chat.id),
      from: { id: this.botUser.id, is_bot: true, first_name: this.botUser.first_name, username: this.botUser.username },
      chat,
      date: nowSeconds(),
      ...(replyTo ? { reply_to_message: asReply(replyTo) } : {}),
      ...content,
      // Message.reply_markup only ever echoes inline keyboards.
      ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
    } as Message;
    this.messages.set(msgKey(chat.id, message.message_id), message);
    return structuredClone(message);
  }

  /** User and bot messages share one id sequence per chat, as in Telegram. */
  private nextMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  private newFileId(): string {
    return `BQACAgUAAxkDAAI${(++this.counter).toString(36).padStart(6, "0")}FakeDoc${this.port}`;
  }

  /** Summary of recent traffic for timeout errors: what the bot sent and which calls failed. */
  private describeRecent(): string {
    const lines = this.sent.slice(-10).map((m, i) => {
      const idx = this.sent.length - Math.min(10, this.sent.length) + i;
      const buttons =
        m.reply_markup && "inline_keyboard" in m.reply_markup
          ? ` buttons=${JSON.stringify(m.reply_markup.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : b.text)))}`
          : "";
      const body = m.text ?? (m.document ? `[document ${m.document.filename}] ${m.caption ?? ""}` : "");
      return `  #${idx} ${m.method} chat=${m.chat_id} id=${m.message_id}: ${JSON.stringify(body.slice(0, 160))}${buttons}`;
    });
    const failures = this.calls
      .filter((c) => c.error)
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

type ApiResponse = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: object };

/** Telegram uses the error code as the HTTP status too. */
function reply(res: ServerResponse, body: ApiResponse): void {
  if (res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(body.ok ? 200 : body.error_code, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

/** JSON, urlencoded, query string or multipart (grammY uses JSON, and multipart for uploads). */
async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const fields: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files: Params["files"] = new Map();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return { fields, files };
  if (type.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw bad("can't parse JSON object");
    }
    if (!isObject(parsed)) throw bad("JSON object expected");
    return { fields: { ...fields, ...parsed }, files };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { fields: { ...fields, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) }, files };
  }
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    if (!boundary) throw bad("multipart boundary is missing");
    await new Promise<void>((resolve, reject) => {
      const bb = busboy({ headers: req.headers, defParamCharset: "utf8", limits: { fieldSize: 10 * 1024 * 1024 } });
      bb.on("field", (name, value) => (fields[name] = value));
      bb.on("file", (name, stream, info) => {
        const parts: Buffer[] = [];
        stream.on("data", (d: Buffer) => parts.push(d));
        stream.on("end", () => files.set(name, { filename: info.filename ?? name, bytes: Buffer.concat(parts) }));
      });
      bb.on("close", resolve);
      bb.on("error", reject);
      bb.end(encodeFilenames(body, boundary[1] ?? boundary[2]!));
    });
    return { fields, files };
  }
  throw bad(`unsupported content type ${type}`);
}

/**
 * grammY writes `filename=<raw name>` without quotes. busboy silently drops such a part
 * when the name has spaces or non-ASCII letters ("Báo cáo tuần.docx"), while Telegram
 * accepts it; so rewrite it as RFC 5987 `filename*=UTF-8''…` before parsing.
 */
function encodeFilenames(body: Buffer, boundary: string): Buffer {
  const delimiter = `--${boundary}`;
  const parts = body.toString("latin1").split(delimiter);
  const fixed = parts.map((part, i) => {
    const headEnd = part.indexOf("\r\n\r\n");
    if (i === 0 || headEnd < 0) return part;
    const head = part
      .slice(0, headEnd)
      .replace(/;\s*filename=(?!")([^\r\n]*)/gi, (_, raw: string) => `; filename*=UTF-8''${encodeURIComponent(Buffer.from(raw.trim(), "latin1").toString("utf8"))}`);
    return head + part.slice(headEnd);
  });
  return Buffer.from(fixed.join(delimiter), "latin1");
}

/** POST without connection reuse, so no sockets outlive a test. */
function postJson(url: string, body: string, secret: string | undefined, signal: AbortSignal): Promise<{ status: number; statusText: string; body: string }> {
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
          ...(secret !== undefined ? { "x-telegram-bot-api-secret-token": secret } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** `/cmd` or `/cmd@bot` at the start of a word, like Telegram's bot_command entities. */
function commandEntities(text: string): { type: "bot_command"; offset: number; length: number }[] {
  const out: { type: "bot_command"; offset: number; length: number }[] = [];
  for (const m of text.matchAll(/(^|\s)(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?)(?=$|\s)/g)) {
    out.push({ type: "bot_command", offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  return out;
}

/**
 * The text a user sees (Telegram returns parsed text plus entities). Good enough for
 * length limits and reply_to_message.text; entities are not generated.
 */
function plainText(text: string, parseMode: string | undefined): string {
  switch (parseMode?.toLowerCase()) {
    case "html":
      return text
        .replace(/<[^>]*>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&amp;/g, "&");
    case "markdownv2":
      return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\\(.)|[*_~|`]/g, (_, c?: string) => c ?? "");
    case "markdown":
      return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]/g, "");
    default:
      return text;
  }
}

function userObject(u: UserRef): User {
  return { id: u.id, is_bot: false, first_name: u.first_name, ...optional({ last_name: u.last_name, username: u.username, language_code: u.language_code }) };
}

/** Telegram nests one level only: a replied-to message carries no reply_to_message. */
function asReply(m: Message): NonNullable<Message["reply_to_message"]> {
  const { reply_to_message: _, ...rest } = structuredClone(m);
  return rest as NonNullable<Message["reply_to_message"]>;
}

/** Webhook updates of one chat are delivered one at a time, in order. */
function chatKey(update: Update): string {
  for (const [key, value] of Object.entries(update)) {
    if (key === "update_id" || !isObject(value)) continue;
    const v = value as { chat?: { id?: number }; message?: { chat?: { id?: number } }; from?: { id?: number } };
    const id = v.chat?.id ?? v.message?.chat?.id ?? v.from?.id;
    if (id !== undefined) return String(id);
  }
  return "none";
}

function commandScopeKey(p: Record<string, unknown>): string {
  return `${JSON.stringify(parseJson(p.scope) ?? { type: "default" })}|${str(p.language_code) ?? ""}`;
}

const msgKey = (chatId: number, messageId: number) => `${chatId}:${messageId}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Multipart and urlencoded values are strings; JSON values are typed. Accept both. */
function int(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}
function bool(v: unknown): boolean | undefined {
  return v === true || v === "true" ? true : v === false || v === "false" ? false : undefined;
}
function parseJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    throw bad(`can't parse JSON: ${v.slice(0, 50)}`);
  }
}

/** Drops undefined values so results look like Telegram's (absent, not null). */
function optional<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
