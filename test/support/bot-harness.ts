/**
 * Runs the real application core and the real grammY channel in this process, against a
 * FakeTelegram server over HTTP, on a given database. Also: a person who chats with the bot.
 */
import { createServer } from "node:net";
import { Writable } from "node:stream";
import { createCore, type Core } from "../../src/app.js";
import type { RunningChannel } from "../../src/channels/channel.js";
import { startTelegram } from "../../src/channels/telegram/start.js";
import { startZalo } from "../../src/channels/zalo/start.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createHttpServer, type HttpServer } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { registerDownloads } from "../../src/http/download-route.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChatRef, FakeTelegram, SentMessage, UserRef } from "./fake-telegram.js";
import type { FakeZalo, ZaloSent } from "./fake-zalo.js";

export const TEST_TOKEN = "987654321:TEST-token_abcdefghijklmnopqrstuvwxyz";
export const WEBHOOK_SECRET = "test-webhook-secret-0123456789";

export interface RunningBot {
  core: Core;
  config: Config;
  /** Everything the application logged, for assertions (e.g. that no token leaks). */
  logs: string[];
  port: number;
  http: HttpServer;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export const ZALO_TEST_TOKEN = "12345689:zalo-test-secret-token";
export const ZALO_WEBHOOK_SECRET = "zalo-webhook-secret-123";

/** Telegram only, as most tests need. */
export function startBot(fake: FakeTelegram, databaseUrl: string, options: { webhook?: boolean; now?: () => Date } = {}): Promise<RunningBot> {
  return startApp({ telegram: fake, databaseUrl, ...options });
}

/** The application with the channels whose fake servers are given, each in polling or webhook mode. */
export async function startApp(options: { telegram?: FakeTelegram; zalo?: FakeZalo; databaseUrl: string; webhook?: boolean; now?: () => Date }): Promise<RunningBot> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: "info",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_BASE_URL: base,
    BAOCAO_FILES_DIR: mkdtempSync(join(tmpdir(), "baocao-files-")),
    DOWNLOAD_SIGNING_KEY: "test-download-signing-key-0123456789abcdef",
  };
  if (options.telegram) {
    Object.assign(env, { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: options.telegram.apiRoot });
    if (options.webhook) Object.assign(env, { TELEGRAM_WEBHOOK_URL: `${base}/telegram/webhook`, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET });
  }
  if (options.zalo) {
    Object.assign(env, { ZALO_BOT_TOKEN: ZALO_TEST_TOKEN, ZALO_BOT_API_BASE: options.zalo.baseUrl });
    if (options.webhook) Object.assign(env, { ZALO_WEBHOOK_URL: `${base}/zalo/webhook`, ZALO_WEBHOOK_SECRET: ZALO_WEBHOOK_SECRET });
  }
  const config = loadConfig(env);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const log = createLogger(config.logLevel, sink);
  const core = await createCore(config, log, options.now);
  const http: HttpServer = createHttpServer((err) => log.error({ err }, "http handler failed"));
  registerDownloads(http, { store: core.files, key: core.downloads.key });
  await http.listen(config.http.port, config.http.host);
  const channels: RunningChannel[] = [];
  try {
    if (options.telegram) channels.push(await startTelegram(core, config, http));
    if (options.zalo) channels.push(await startZalo(core, config, http));
  } catch (error) {
    await Promise.all(channels.map((c) => c.stop()));
    await http.close();
    await core.database.close();
    throw error;
  }
  return {
    core,
    config,
    logs,
    port,
    http,
    async stop() {
      await Promise.all(channels.map((c) => c.stop()));
      await core.reports.idle();
      await http.close();
      await core.database.close();
    },
  };
}

/** A person in a chat with the bot: types, replies and presses buttons, and waits for the bot's answer. */
export class Person {
  constructor(
    readonly fake: FakeTelegram,
    readonly chat: ChatRef,
    readonly user: UserRef,
  ) {}

  /** Sends text (as a reply to `replyTo` if given) and resolves with the bot's answer to it. */
  async say(text: string, replyTo?: SentMessage): Promise<SentMessage> {
    const from = this.fake.sent.length;
    const update = this.fake.sendText({ chat: this.chat, from: this.user, text, replyTo });
    return this.#answer(from, update.message!.message_id);
  }

  async click(message: SentMessage, data: string): Promise<SentMessage> {
    const from = this.fake.sent.length;
    this.fake.clickButton({ chat: this.chat, from: this.user, message, data });
    return this.#answer(from);
  }

  #answer(from: number, messageId?: number): Promise<SentMessage> {
    // In a group several people talk at once: the bot's answer is the message addressed to this
    // person (quoting their message or naming them). In a private chat it is the next message.
    const mine = (m: SentMessage) =>
      m.chat_id === this.chat.id &&
      (this.chat.type === "private" ||
        (messageId !== undefined && m.reply_to_message_id === messageId) ||
        (m.text ?? "").startsWith(`@${this.user.username}`));
    return this.fake.waitFor(mine, { after: from, timeoutMs: 15_000 });
  }
}

/** The question label of a prompt ("❓ label (unit)" line), or undefined if the message asks nothing. */
export function promptedLabel(message: SentMessage): string | undefined {
  const line = (message.text ?? "").split("\n").find((l) => l.startsWith("❓ "));
  return line?.slice(2);
}

export function buttons(message: SentMessage): { text: string; data: string }[] {
  const markup = message.reply_markup;
  if (!markup || !("inline_keyboard" in markup)) return [];
  return markup.inline_keyboard.flat().map((b) => ({ text: b.text, data: "callback_data" in b ? (b.callback_data ?? "") : "" }));
}

/** A person writing to the Zalo bot 1:1 (or in a group, mentioning it). */
export class ZaloPerson {
  constructor(
    readonly fake: FakeZalo,
    readonly id: string,
    readonly displayName: string,
  ) {}

  /** Sends text and resolves with the bot's next message to this chat (the last part if it was split). */
  async say(text: string): Promise<ZaloSent> {
    const from = this.fake.sent.length;
    this.fake.userSends({ chatId: this.id, from: { id: this.id, displayName: this.displayName }, text });
    await this.fake.waitFor((m) => m.chat_id === this.id, { after: from, timeoutMs: 15_000 });
    // Long answers arrive in parts: wait until the chat has been quiet for a moment, return the last part.
    let count = 0;
    while (count !== this.#mine(from).length) {
      count = this.#mine(from).length;
      await new Promise((r) => setTimeout(r, 60));
    }
    return this.#mine(from).at(-1)!;
  }

  #mine(from: number): ZaloSent[] {
    return this.fake.sent.slice(from).filter((m) => m.chat_id === this.id);
  }
}
