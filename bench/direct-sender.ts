/**
 * The baseline of the reminder fan-out row, as a child process like the bot it is compared
 * with: grammY's Api with the auto-retry the bot uses, sending one reminder-like message to
 * each chat straight to the fake server, CONCURRENCY requests at a time; no database, no
 * scheduling, no rate limit. Prints "ready", starts on "go" from stdin.
 * Configured by DIRECT_TOKEN, DIRECT_API_ROOT, DIRECT_CHATS (first:count).
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { Api } from "grammy";

const CONCURRENCY = 32;

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const api = new Api(env("DIRECT_TOKEN"), { apiRoot: env("DIRECT_API_ROOT") });
api.config.use(autoRetry({ maxRetryAttempts: 6, maxDelaySeconds: 120, rethrowInternalServerErrors: false }));
const [first, count] = env("DIRECT_CHATS").split(":").map(Number) as [number, number];
let next = 0;
const worker = async () => {
  for (let i = next++; i < count; i = next++) await api.sendMessage(first + i, "⏰ Nhắc hạn báo cáo tháng 11/2026");
};
await api.getMe();
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  void Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`direct sender: ${String(err)}\n`);
      process.exit(1);
    },
  );
});
