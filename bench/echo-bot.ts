/**
 * The baseline of the interview rows: a bare grammY bot that echoes every text, run as a child
 * process against the same fake Bot API server with the same load. Long polling through
 * @grammyjs/runner (concurrent, like the project's own poller), or a webhook on node:http.
 * The same Bot API transport as the real bot (auto-retry settings, and the agent that closes idle
 * connections before the server does), so that only the work per update differs.
 * Configured by ECHO_TOKEN, ECHO_API_ROOT, ECHO_MODE (polling | webhook), ECHO_PORT, ECHO_SECRET.
 */
import { createServer } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { Bot, webhookCallback } from "grammy";
import { keepAliveFetchConfig } from "../src/channels/telegram/http-agent.js";

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const apiRoot = env("ECHO_API_ROOT");
const bot = new Bot(env("ECHO_TOKEN"), { client: { apiRoot, baseFetchConfig: keepAliveFetchConfig(apiRoot) } });
bot.api.config.use(autoRetry({ maxRetryAttempts: 6, maxDelaySeconds: 120, rethrowInternalServerErrors: false }));
bot.on("message:text", async (ctx) => {
  await ctx.reply(ctx.message.text).catch((err: unknown) => process.stderr.write(`echo bot: ${String(err)}\n`));
});
bot.catch((err) => process.stderr.write(`echo bot: ${String(err.error)}\n`));
await bot.init();

if (process.env.ECHO_MODE === "webhook") {
  const port = Number(env("ECHO_PORT"));
  const handle = webhookCallback(bot, "http", { secretToken: env("ECHO_SECRET") });
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      process.stderr.write(`echo bot: ${String(err)}\n`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await bot.api.setWebhook(`http://127.0.0.1:${port}/telegram/webhook`, { secret_token: env("ECHO_SECRET") });
  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
} else {
  await bot.api.deleteWebhook();
  const runner = run(bot);
  process.once("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
}
