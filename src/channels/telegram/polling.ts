/**
 * Long polling that confirms an update only after it was handled.
 *
 * grammY's runner confirms updates as soon as it fetches them, so a crash loses whatever was
 * in flight, and `bot.start()` handles one update at a time across all chats. This loop takes
 * a batch, handles it concurrently (per-chat order comes from the bot's sequentialize
 * middleware), and asks for the next batch (which confirms this one) only when all of it is
 * committed. A crash therefore means redelivery, and the engine's processed-update table makes
 * the redelivery harmless.
 */
import { GrammyError, HttpError, type Bot } from "grammy";
import type { Logger } from "../../logger.js";

export class Poller {
  readonly #bot: Bot;
  readonly #log: Logger;
  #abort = new AbortController();
  #done: Promise<void> | undefined;

  constructor(bot: Bot, log: Logger) {
    this.#bot = bot;
    this.#log = log;
  }

  async start(): Promise<void> {
    await this.#bot.init();
    await this.#bot.api.deleteWebhook();
    this.#done = this.#loop();
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#done;
  }

  async #loop(): Promise<void> {
    let offset = 0;
    let failures = 0;
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      try {
        const updates = await this.#bot.api.getUpdates({ offset, timeout: 25, allowed_updates: ["message", "callback_query"] }, signal as Parameters<Bot["api"]["getUpdates"]>[1]);
        failures = 0;
        await Promise.all(
          updates.map((u) =>
            this.#bot.handleUpdate(u).catch((err: unknown) => this.#log.error({ err, update: u.update_id }, "handling an update failed")),
          ),
        );
        const last = updates.at(-1);
        if (last) offset = last.update_id + 1;
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof GrammyError && err.error_code === 401) {
          this.#log.fatal("Telegram rejected the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN.");
          throw err;
        }
        failures += 1;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        this.#log.warn({ err: err instanceof HttpError || err instanceof GrammyError ? err.message : err, delay }, "getUpdates failed, retrying");
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
}
