/**
 * Child processes for the benchmarks: the real entry point (src/main.ts, as the restart test
 * spawns it), the bare echo bot of the baselines, and a bare Node process; their resident memory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { PROJECT_ROOT } from "../src/paths.js";
import { freePort, TEST_TOKEN, WEBHOOK_SECRET } from "../test/support/bot-harness.js";
import type { FakeTelegram } from "../test/support/fake-telegram.js";
import { sleep } from "./stats.js";

export type Mode = "polling" | "webhook";

export interface BotProcess {
  child: ChildProcess;
  /** What the process logged at warn level and above, counted by message (printed after each run, not as a flood). */
  logSummary(): string[];
  /** The process's own HTTP port (its webhook is http://127.0.0.1:<port>/telegram/webhook). */
  port: number;
  webhookUrl: string;
  /** SIGTERM (clean shutdown, so a --cpu-prof profile is written), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/**
 * The child's log lines (pino JSON on stderr) are counted by message and error; anything that is
 * not a log line (a crash, a stack trace) goes straight to the terminal.
 */
function collect(child: ChildProcess, tag: string): () => string[] {
  const counts = new Map<string, number>();
  let rest = "";
  child.stderr?.on("data", (d: Buffer) => {
    const lines = (rest + d.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        const level = entry.level === undefined ? "" : entry.level >= 50 ? "error" : entry.level >= 40 ? "warn" : "info";
        const key = `${level} "${entry.msg ?? ""}"${entry.err?.message ? `: ${entry.err.message.replace(/\s+/g, " ").trim().slice(0, 140)}` : ""}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      } catch {
        process.stderr.write(`[${tag}] ${line}\n`);
      }
    }
  });
  return () => [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${tag} logged ${n}× ${k}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

/** Waits until the process polls (polling) or has set its webhook (webhook), or fails if it exits first. */
async function ready(fake: FakeTelegram, child: ChildProcess, mode: Mode, webhookUrl: string, callsBefore: number, tag: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${tag} exited during start-up (code ${child.exitCode ?? child.signalCode})`);
    const calls = fake.calls.slice(callsBefore);
    if (mode === "polling" ? calls.some((c) => c.method === "getUpdates") : calls.some((c) => c.method === "setWebhook" && c.body.url === webhookUrl)) return;
    await sleep(50);
  }
  throw new Error(`${tag} did not become ready in 30 s`);
}

/** With a profile directory: `--cpu-prof` into <dir>/<tag>/ (one file per thread; tsx's loader has its own). */
function nodeArgs(script: string, profileDir: string | undefined, tag: string): string[] {
  const args = ["--import", "tsx"];
  if (profileDir) {
    const dir = join(profileDir, tag);
    mkdirSync(dir, { recursive: true });
    args.push("--cpu-prof", "--cpu-prof-dir", dir);
  }
  return [...args, script];
}

/**
 * src/main.ts against the fake, on `databaseUrl`, in polling or webhook mode. Resolves once it is ready.
 * Deadline reminders are off unless asked for: they are a workload of their own (the reminder
 * fan-out row), and a reminder arriving in an officer's chat is not the reply to the answer.
 */
export async function startBotProcess(fake: FakeTelegram, databaseUrl: string, mode: Mode, opts: { profileDir?: string; tag?: string; reminders?: boolean } = {}): Promise<BotProcess> {
  const port = await freePort();
  const webhookUrl = `http://127.0.0.1:${port}/telegram/webhook`;
  const tag = opts.tag ?? "bot";
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    BAOCAO_FILES_DIR: mkdtempSync(join(tmpdir(), "baocao-bench-files-")),
    BAOCAO_REMINDERS: opts.reminders ? "on" : "off",
  };
  if (mode === "webhook") Object.assign(env, { TELEGRAM_WEBHOOK_URL: webhookUrl, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET });
  const callsBefore = fake.calls.length;
  const child = spawn(process.execPath, nodeArgs("src/main.ts", opts.profileDir, tag), { cwd: PROJECT_ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  const logSummary = collect(child, tag);
  const stop = stopper(child);
  try {
    await ready(fake, child, mode, webhookUrl, callsBefore, tag);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, port, webhookUrl, stop, logSummary };
}

/** bench/echo-bot.ts: a bare grammY bot that echoes every text, the baseline of the interview rows. */
export async function startEchoProcess(fake: FakeTelegram, mode: Mode): Promise<BotProcess> {
  const port = await freePort();
  const webhookUrl = `http://127.0.0.1:${port}/telegram/webhook`;
  const env = { PATH: process.env.PATH ?? "", ECHO_TOKEN: TEST_TOKEN, ECHO_API_ROOT: fake.apiRoot, ECHO_MODE: mode, ECHO_PORT: String(port), ECHO_SECRET: WEBHOOK_SECRET };
  const callsBefore = fake.calls.length;
  const child = spawn(process.execPath, nodeArgs("bench/echo-bot.ts", undefined, "echo"), { cwd: PROJECT_ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  const logSummary = collect(child, "echo");
  const stop = stopper(child);
  try {
    await ready(fake, child, mode, webhookUrl, callsBefore, "echo bot");
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, port, webhookUrl, stop, logSummary };
}

/**
 * test/support/reminder-worker.ts (the real core, Telegram sender and reminder scheduler) on
 * `databaseUrl`, its reporting clock read from `clockFile`, sending at most `ratePerSecond`.
 */
export async function startReminderWorker(fake: FakeTelegram, databaseUrl: string, clockFile: string, ratePerSecond: number, opts: { profileDir?: string; tag?: string } = {}): Promise<BotProcess> {
  const tag = opts.tag ?? "reminders";
  const env = { PATH: process.env.PATH ?? "", TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: databaseUrl, CLOCK_FILE: clockFile, RATE_PER_SECOND: String(ratePerSecond) };
  const child = spawn(process.execPath, nodeArgs("test/support/reminder-worker.ts", opts.profileDir, tag), { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const logSummary = collect(child, tag);
  const stop = stopper(child);
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      child.once("exit", (code, signal) => reject(new Error(`the reminder worker exited during start-up (${code ?? signal})`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, port: 0, webhookUrl: "", stop, logSummary };
}

export interface DirectSender {
  /** Sends the whole batch once; resolves when the sender has had every response. */
  go(): Promise<void>;
  /** Ends the process; resolves with its exit code. */
  close(): Promise<number | null>;
}

/** bench/direct-sender.ts, warmed up and ready to send to chats first..first+count-1 on each `go()`. */
export async function startDirectSender(fake: FakeTelegram, first: number, count: number): Promise<DirectSender> {
  const env = { PATH: process.env.PATH ?? "", DIRECT_TOKEN: TEST_TOKEN, DIRECT_API_ROOT: fake.apiRoot, DIRECT_CHATS: `${first}:${count}` };
  const child = spawn(process.execPath, nodeArgs("bench/direct-sender.ts", undefined, "direct"), { cwd: PROJECT_ROOT, env, stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout });
  const nextLine = (expected: string) =>
    new Promise<void>((resolve, reject) => {
      const onLine = (line: string) => {
        if (line.trim() !== expected) return;
        lines.off("line", onLine);
        resolve();
      };
      lines.on("line", onLine);
      void exited.then((code) => reject(new Error(`the direct sender exited (code ${code}) before "${expected}"`)));
    });
  await nextLine("ready");
  return {
    go() {
      const done = nextLine("done");
      child.stdin.write("go\n");
      return done;
    },
    close() {
      child.stdin.end();
      return exited;
    },
  };
}

/** CPU time the whole machine has been busy so far, in clock ticks (every core; /proc/stat without idle and iowait). */
function machineBusyTicks(): number {
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  return user + nice + system + irq + softirq + steal;
}
/** Length of a clock tick in /proc (USER_HZ is 100 on Linux). */
const TICK_MS = 10;

/**
 * Waits until the whole machine has had a quiet `quietMs`: under `busyShare` of one core busy,
 * counting every process (the bot still recording sent prompts, PostgreSQL's background work
 * after a burst, garbage collection), at most `maxMs`. Returns how long it waited, in ms.
 * A baseline run started before that would share the machine with the work just measured.
 */
export async function waitQuiet(quietMs = 300, maxMs = 10_000, busyShare = 0.1): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < maxMs) {
    const before = machineBusyTicks();
    await sleep(quietMs);
    if ((machineBusyTicks() - before) * TICK_MS < busyShare * quietMs) break;
  }
  return performance.now() - start;
}

/** Resident set size of a process in bytes (what process.memoryUsage().rss reports inside it). Linux /proc. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** Samples a process's rss every `everyMs` until stopped; returns the peak and the samples. */
export function sampleRss(pid: number, everyMs = 200): { stop(): { peak: number; samples: number[] } } {
  const samples: number[] = [];
  const take = () => {
    try {
      samples.push(rssOf(pid));
    } catch {
      // the process is gone
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peak: Math.max(...samples), samples };
    },
  };
}

/** rss of a Node process that imports nothing, as it reports it itself. */
export function bareNodeRss(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", "process.stdout.write(String(process.memoryUsage().rss))"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", () => (Number(out) > 0 ? resolve(Number(out)) : reject(new Error(`bare node printed "${out}"`))));
  });
}
