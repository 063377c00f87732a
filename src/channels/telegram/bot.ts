/**
 * The Telegram channel: a grammY bot whose only middleware hands each update to the
 * conversation engine and sends back what it returns. Updates of one chat are handled one
 * after another (sequentialize), different chats at the same time.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { ConversationEngine } from "../../conversation/engine.js";
import type { Translate } from "../../i18n.js";
import type { FileStore } from "../../files/file-store.js";
import type { Logger } from "../../logger.js";
import { keepAliveFetchConfig } from "./http-agent.js";
import { sendOutgoing } from "./send.js";
import { toIncoming } from "./to-incoming.js";

export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  engine: ConversationEngine;
  t: Translate;
  log: Logger;
  files?: FileStore;
}

export const BOT_COMMANDS = ["nhap", "sua", "tiendo", "huy", "vangmat", "kenh", "nhacnho", "lienket", "trogiup"] as const;

export function createTelegramBot({ token, apiRoot, engine, log, files }: TelegramOptions): Bot {
  const bot = new Bot(token, { client: { apiRoot, baseFetchConfig: keepAliveFetchConfig(apiRoot) } });
  // 429 (with retry_after) and 5xx/network errors are retried; the reply is not lost.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 6, maxDelaySeconds: 120, rethrowInternalServerErrors: false }));
  bot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));
  bot.on(["message", "callback_query"], async (ctx) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch((err: unknown) => log.warn({ err }, "answerCallbackQuery failed"));
    const incoming = toIncoming(ctx.update, { id: ctx.me.id, username: ctx.me.username });
    if (!incoming) return;
    const replies = await engine.handle(incoming);
    for (const out of replies) {
      try {
        const id = await sendOutgoing(ctx.api, incoming.chat.externalId, out, files);
        if (out.prompt) await engine.recordPrompt(out.prompt, { externalMessageId: id });
      } catch (err) {
        // The answer is already committed; a failed reply (bot blocked, chat gone) must not undo it.
        log.warn({ err, chat: incoming.chat.externalId }, "sending a reply failed");
      }
    }
  });
  bot.catch((err) => log.error({ err: err.error, update: err.ctx.update.update_id }, "telegram handler failed"));
  return bot;
}

/** The command menu users see next to the text box. */
export async function publishCommands(bot: Bot, t: Translate): Promise<void> {
  await bot.api.setMyCommands(BOT_COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) })));
}
