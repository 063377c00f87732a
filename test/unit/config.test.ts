import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("runs with nothing set: SQLite under ./data, Hanoi time, long polling, console demo", () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe("file:./data/baocao.db");
    expect(c.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(c.telegram.token).toBeUndefined();
    expect(c.telegram.webhookUrl).toBeUndefined();
    expect(c.http.port).toBe(8080);
    expect(c.locale).toBe("vi");
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT"],
    [{ TELEGRAM_WEBHOOK_URL: "https://bot.example.vn/hook" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ BAOCAO_TIMEZONE: "Asia/Saigon_City" }, "BAOCAO_TIMEZONE"],
    [{ PORT: "99999" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ BAOCAO_LOCALE: "fr" }, "BAOCAO_LOCALE"],
  ])("names the bad variable %j", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });

  it("never repeats a token's value in its error", () => {
    const secret = "12345:short";
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: secret });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });

  it("accepts a full webhook setup", () => {
    const c = loadConfig({
      TELEGRAM_BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.vn/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
      DATABASE_URL: "postgresql://u@db:5432/baocao",
      PORT: "3000",
    });
    expect(c.telegram.webhookSecret).toBe("s3cret-s3cret-s3cret");
    expect(c.http.port).toBe(3000);
  });
});
