/**
 * Entry point (`npm start`): configuration → database → channels → HTTP server.
 * Without any bot token it explains how to set one and opens a demo chat in the terminal.
 */
import { existsSync } from "node:fs";
import { createCore, type Core } from "./app.js";
import { startConsole } from "./channels/console/console-channel.js";
import { ensureDemo } from "./channels/console/demo.js";
import type { RunningChannel } from "./channels/channel.js";
import { startTelegram } from "./channels/telegram/start.js";
import { startZalo } from "./channels/zalo/start.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { registerDownloads } from "./http/download-route.js";
import { createHttpServer } from "./http/server.js";
import { createTranslator } from "./i18n.js";
import { createLogger } from "./logger.js";

async function main(): Promise<void> {
  // A .env file next to package.json is read if present (variables already set win).
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const consoleMode = !config.telegram.token && !config.zalo.token;
  // In the terminal chat, logs would mix with the conversation: keep only warnings.
  const log = createLogger(consoleMode && config.logLevel === "info" ? "warn" : config.logLevel);
  const core = await createCore(config, log);
  const http = createHttpServer((err) => log.error({ err }, "http handler failed"));
  const channels: RunningChannel[] = [];
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    await core.reminders.stop();
    await Promise.allSettled(channels.map((c) => c.stop()));
    await core.reports.idle();
    await http.close();
    await core.database.close();
    process.exit(code);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());

  if (consoleMode) {
    await runConsole(core, config);
    await stop();
    return;
  }
  registerDownloads(http, { store: core.files, key: core.downloads.key });
  // Listen first: in webhook mode Telegram starts posting as soon as the webhook is set.
  const port = await http.listen(config.http.port, config.http.host);
  log.info({ port }, "http server listening");
  if (config.telegram.token) channels.push(await startTelegram(core, config, http));
  if (config.zalo.token) channels.push(await startZalo(core, config, http));
  if (config.reminders.enabled) core.reminders.start();
}

async function runConsole(core: Core, config: Config): Promise<void> {
  const t = createTranslator(config.locale);
  const greeting = await ensureDemo(core, config);
  process.stderr.write(`${t("console.no_token")}\n\n`);
  // The terminal cannot receive a file: say where the compiled report was written.
  core.senders.set("console", async (_chat, out) => {
    const where = out.file ? `\n${t("console.file_saved", { path: core.files.pathOf(out.file), name: out.file.fileName })}` : "";
    process.stdout.write(`\n${out.text}${where}\n> `);
  });
  if (config.reminders.enabled) core.reminders.start();
  const chat = startConsole(core.engine, process.stdin, process.stdout, `${t("console.greeting")}\n${greeting}`);
  await chat.closed;
  await core.reports.idle();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
