/**
 * A bot process for the reminder crash and scale-out tests: the real core, the real Telegram
 * channel (against the fake Bot API) and the real reminder scheduler, with two test-only
 * controls: the reporting clock is read from a file (so the test can move every process's
 * clock at once), and CRASH_AT=claim|send[:n] kills the process with SIGKILL at that point (the n-th time).
 *
 * Env: DATABASE_URL, TELEGRAM_API_ROOT, CLOCK_FILE, LEASE_MS, CRASH_AT and RATE_PER_SECOND (optional;
 * the benchmark of reminder fan-out sets it just under the fake server's limit).
 */
import { readFileSync } from "node:fs";
import { createCore } from "../../src/app.js";
import { createTelegramBot } from "../../src/channels/telegram/bot.js";
import { sendOutgoing } from "../../src/channels/telegram/send.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { ReminderScheduler } from "../../src/reminders/scheduler.js";
import { TemplateCache } from "../../src/conversation/template-index.js";

const env = process.env;
const clockFile = env.CLOCK_FILE!;
const now = () => new Date(readFileSync(clockFile, "utf8").trim());
const config = loadConfig({ ...env, BAOCAO_REMINDERS: "off" });
const log = createLogger("warn");
const core = await createCore(config, log, now);
// Only the sending side of the Telegram channel: several processes polling one bot would
// conflict (409), as they would on Telegram; a scaled-out bot takes updates by webhook.
const bot = createTelegramBot({ token: config.telegram.token!, apiRoot: config.telegram.apiRoot, engine: core.engine, t: core.t, log });
await bot.init();
core.senders.set("telegram", async (chatId, out) => void (await sendOutgoing(bot.api, chatId, out)));

// CRASH_AT=send or send:3 (at the third send).
const [crashPoint, crashAfter] = (env.CRASH_AT ?? "").split(":");
let reached = 0;
const crash = (point: string) => () => {
  if (crashPoint === point && ++reached >= Number(crashAfter ?? 1)) process.kill(process.pid, "SIGKILL");
};
const scheduler = new ReminderScheduler({
  db: core.database.db,
  t: core.t,
  templates: new TemplateCache(),
  log,
  timeZone: config.timeZone,
  senders: core.senders,
  now,
  leaseMs: Number(env.LEASE_MS ?? 1000),
  ratePerSecond: Number(env.RATE_PER_SECOND ?? 1000),
  intervalMs: 100,
  hooks: { afterClaim: crash("claim"), afterSend: crash("send") },
});
scheduler.start();
process.stdout.write("ready\n");
// A clean exit on SIGTERM, so that a benchmark's --cpu-prof profile gets written.
process.once("SIGTERM", () => void scheduler.stop().finally(() => process.exit(0)));
