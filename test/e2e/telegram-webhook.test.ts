/**
 * Webhook mode: Telegram posts updates to the bot's own HTTP server. Only requests carrying
 * the configured secret are accepted.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Person, startBot, WEBHOOK_SECRET, type RunningBot } from "../support/bot-harness.js";
import { tempSqliteUrl } from "../support/databases.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { assignTo, seedUnit, type SeededUnit } from "../support/seed.js";

describe("Telegram webhook mode", () => {
  let fake: FakeTelegram;
  let bot: RunningBot;
  let seeded: SeededUnit;

  beforeEach(async () => {
    fake = await FakeTelegram.start({ token: "987654321:TEST-token_abcdefghijklmnopqrstuvwxyz" });
    bot = await startBot(fake, tempSqliteUrl(), { webhook: true });
    seeded = await seedUnit(bot.core.database.db);
  });

  afterEach(async () => {
    await bot.stop();
    await fake.stop();
  });

  it("registers the webhook with its secret and answers through it", async () => {
    expect(fake.webhook?.url).toBe(`http://127.0.0.1:${bot.port}/telegram/webhook`);
    expect(fake.webhook?.secret_token).toBe(WEBHOOK_SECRET);
    const lan = new Person(fake, { id: 9001, type: "private" }, { id: 9001, first_name: "Lan" });
    await lan.say("/start K7M2Q9");
    await assignTo(bot.core.database.db, seeded, 9001, ["kinh-te-ngan-sach"]);
    await lan.say("/nhap");
    expect((await lan.say("5,67 tỷ")).text).toContain("✅ Đã lưu: 5.670.000.000 đồng");
    expect(fake.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("rejects requests without the right secret and changes nothing", async () => {
    const update = {
      update_id: 555,
      message: { message_id: 1, date: 1, chat: { id: 9002, type: "private" }, from: { id: 9002, is_bot: false, first_name: "X" }, text: "/start K7M2Q9", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
    };
    const target = `http://127.0.0.1:${bot.port}/telegram/webhook`;
    expect(await fake.deliverTo(target, update, { secret: "wrong-secret-wrong-secret" })).toBe(401);
    expect(await fake.deliverTo(target, update)).toBe(401);
    const db = bot.core.database.db;
    expect(await db.processedUpdate.count()).toBe(0);
    expect(await db.member.count()).toBe(0);
    expect(await fake.deliverTo(target, update, { secret: WEBHOOK_SECRET })).toBe(200);
    expect(await db.member.count()).toBe(1);
  });
});
