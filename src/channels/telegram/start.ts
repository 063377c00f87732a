/**
 * Runs the Telegram channel in long-polling mode, or in webhook mode on the bot's HTTP
 * server when TELEGRAM_WEBHOOK_URL is set (the secret is checked by grammY on every request).
 */
import { webhookCallback } from "grammy";
import type { Core } from "../../app.js";
import type { Config } from "../../config.js";
import type { HttpServer } from "../../http/server.js";
import type { RunningChannel } from "../channel.js";
import { createTelegramBot, publishCommands } from "./bot.js";
import { Poller } from "./polling.js";
import { sendOutgoing } from "./send.js";

export async function startTelegram(core: Core, config: Config, http: HttpServer): Promise<RunningChannel> {
  const { token, apiRoot, webhookUrl, webhookSecret } = config.telegram;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const bot = createTelegramBot({ token, apiRoot, engine: core.engine, t: core.t, log: core.log, files: core.files });
  await bot.init();
  await publishCommands(bot, core.t).catch((err: unknown) => core.log.warn({ err }, "setMyCommands failed"));
  core.senders.set("telegram", async (chatId, out) => void (await sendOutgoing(bot.api, chatId, out, core.files)));
  core.log.info({ bot: bot.botInfo.username, mode: webhookUrl ? "webhook" : "polling" }, "telegram bot started");

  if (webhookUrl && webhookSecret) {
    // Telegram retries a delivery until it gets 200, which we give only after the commit.
    http.route("POST", new URL(webhookUrl).pathname, webhookCallback(bot, "http", { secretToken: webhookSecret, timeoutMilliseconds: 25_000 }));
    await bot.api.setWebhook(webhookUrl, { secret_token: webhookSecret, allowed_updates: ["message", "callback_query"] });
    return { stop: async () => undefined };
  }
  const poller = new Poller(bot, core.log);
  await poller.start();
  return { stop: () => poller.stop() };
}
