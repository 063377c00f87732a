/**
 * The baseline of the reminder fan-out row, as a child process like the bot it is compared
 * with: grammY's Api with the auto-retry the bot uses, sending one reminder-like message to
 * each chat straight to the fake server, CONCURRENCY requests at a time; no database, no
 * scheduling, no rate limit.
 *
 * It warms up first (WARMUP messages that do not look like reminders): cold, the first half
 * of the 10,000 went out at half the rate of the second (JIT in this process and in the fake
 * server), so an unwarmed run measured mostly how soon the JIT kicked in. Then it prints
 * "ready", and sends the whole batch once for every "go" line on stdin, printing "done" after
 * each; it exits when stdin closes.
 * Configured by DIRECT_TOKEN, DIRECT_API_ROOT, DIRECT_CHATS (first:count).
 */
import { createInterface } from "node:readline";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api } from "grammy";

const CONCURRENCY = 32;
const WARMUP = 10_000;

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const api = new Api(env("DIRECT_TOKEN"), { apiRoot: env("DIRECT_API_ROOT") });
api.config.use(autoRetry({ maxRetryAttempts: 6, maxDelaySeconds: 120, rethrowInternalServerErrors: false }));
const [first, count] = env("DIRECT_CHATS").split(":").map(Number) as [number, number];

async function sendAll(n: number, text: string): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) await api.sendMessage(first + (i % count), text);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

try {
  await api.getMe();
  await sendAll(WARMUP, "warm-up");
  process.stdout.write("ready\n");
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== "go") continue;
    await sendAll(count, "⏰ Nhắc hạn báo cáo tháng 11/2026");
    process.stdout.write("done\n");
  }
  process.exit(0);
} catch (err) {
  process.stderr.write(`direct sender: ${String(err)}\n`);
  process.exit(1);
}
