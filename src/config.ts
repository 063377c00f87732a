/**
 * The application's settings, read once from the environment and validated, so that a wrong
 * value stops the start with a message naming the variable instead of failing later.
 */
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const optionalUrl = optionalString.pipe(z.url({ protocol: /^https?$/ }).optional());

const schema = z
  .object({
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "expected the form 123456789:ABC... given by @BotFather").optional(),
    ),
    TELEGRAM_API_ROOT: optionalUrl,
    TELEGRAM_WEBHOOK_URL: optionalUrl,
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "16 to 256 characters of A-Z, a-z, 0-9, _ and -").optional(),
    ),
    ZALO_BOT_TOKEN: optionalString.pipe(z.string().regex(/^\d+:\S{8,}$/, "expected the form 12345689:abc-xyz given by Zalo Bot Creator").optional()),
    ZALO_BOT_API_BASE: optionalUrl,
    ZALO_WEBHOOK_URL: optionalUrl,
    ZALO_WEBHOOK_SECRET: optionalString.pipe(z.string().min(8, "8 to 256 characters").max(256, "8 to 256 characters").optional()),
    PUBLIC_BASE_URL: optionalUrl,
    DOWNLOAD_SIGNING_KEY: optionalString.pipe(z.string().min(32, "at least 32 characters (e.g. openssl rand -hex 32)").optional()),
    BAOCAO_FILES_DIR: optionalString.transform((v) => v ?? "data/files"),
    DATABASE_URL: optionalString.transform((v) => v ?? "file:./data/baocao.db"),
    BAOCAO_TIMEZONE: optionalString.transform((v) => v ?? "Asia/Ho_Chi_Minh").refine(isTimeZone, "not a known IANA time zone"),
    BAOCAO_LOCALE: optionalString.transform((v) => v ?? "vi").pipe(z.enum(["vi", "en"])),
    BAOCAO_TEMPLATES_DIR: optionalString.transform((v) => v ?? "templates"),
    BAOCAO_REMINDERS: optionalString.transform((v) => v ?? "on").pipe(z.enum(["on", "off"])),
    BAOCAO_REMINDER_RATE: optionalString.transform((v) => Number(v ?? "25")).pipe(z.number().positive().max(1000)),
    LOG_LEVEL: optionalString.transform((v) => v ?? "info").pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
    PORT: optionalString.transform((v) => Number(v ?? "8080")).pipe(z.number().int().min(0).max(65535)),
    HOST: optionalString.transform((v) => v ?? "0.0.0.0"),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back with every update)" });
    }
    if (env.ZALO_WEBHOOK_URL && !env.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "required when ZALO_WEBHOOK_URL is set (Zalo sends it back in X-Bot-Api-Secret-Token)" });
    }
  });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  telegram: { token?: string; apiRoot?: string; webhookUrl?: string; webhookSecret?: string };
  zalo: { token?: string; apiBase: string; webhookUrl?: string; webhookSecret?: string };
  /** Where report files are kept and how their download links are made (Zalo cannot upload files). */
  files: { dir: string; publicBaseUrl: string; signingSecret?: string };
  databaseUrl: string;
  timeZone: string;
  locale: "vi" | "en";
  templatesDir: string;
  /** Whether this process sends reminders, and how many messages a second per channel. */
  reminders: { enabled: boolean; ratePerSecond: number };
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  http: { port: number; host: string };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    // Name the variable, never echo its value: it may be a token.
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhookUrl: e.TELEGRAM_WEBHOOK_URL,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    },
    zalo: {
      token: e.ZALO_BOT_TOKEN,
      apiBase: e.ZALO_BOT_API_BASE ?? "https://bot-api.zaloplatforms.com",
      webhookUrl: e.ZALO_WEBHOOK_URL,
      webhookSecret: e.ZALO_WEBHOOK_SECRET,
    },
    files: {
      dir: e.BAOCAO_FILES_DIR,
      publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
      signingSecret: e.DOWNLOAD_SIGNING_KEY,
    },
    databaseUrl: e.DATABASE_URL,
    timeZone: e.BAOCAO_TIMEZONE,
    locale: e.BAOCAO_LOCALE,
    templatesDir: e.BAOCAO_TEMPLATES_DIR,
    reminders: { enabled: e.BAOCAO_REMINDERS === "on", ratePerSecond: e.BAOCAO_REMINDER_RATE },
    logLevel: e.LOG_LEVEL,
    http: { port: e.PORT, host: e.HOST },
  };
}
