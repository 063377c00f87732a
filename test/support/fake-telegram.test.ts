/** Proves FakeTelegram speaks the Bot API the way the real grammY client expects. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, InlineKeyboard, InputFile, webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram, type ChatRef, type UserRef } from "./fake-telegram.js";

const lan: UserRef = { id: 5001, first_name: "Lan", username: "can_bo_lan" };
const lanChat: ChatRef = { id: 5001, type: "private" };

/** Everything a test starts is stopped afterwards, newest first, so vitest can exit. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function startFake(): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start();
  cleanups.push(() => fake.stop());
  return fake;
}

function newBot(fake: FakeTelegram): Bot {
  return new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
}

/** Starts long polling; the cleanup stops it and surfaces any crash of the polling loop. */
function startPolling(bot: Bot): void {
  const running = bot.start();
  running.catch(() => {}); // awaited (and rethrown) in the cleanup
  cleanups.push(async () => {
    await bot.stop();
    await running;
  });
}

describe("FakeTelegram with a long-polling grammY bot", () => {
  it("delivers a text message and records the reply", async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    bot.command("start", (ctx) => ctx.reply(`Xin chào ${ctx.from?.first_name}`));
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    startPolling(bot);

    fake.sendText({ chat: lanChat, from: lan, text: "/start" });
    const hello = await fake.nextMessage(lanChat.id);
    expect(hello).toMatchObject({ method: "sendMessage", chat_id: 5001, text: "Xin chào Lan" });
    expect(hello.respondedAt).toBeGreaterThanOrEqual(hello.at);

    fake.sendText({ chat: lanChat, from: lan, text: "phường 7" });
    const echo = await fake.waitFor((m) => m.text === "echo: phường 7");
    expect(echo.message_id).toBeGreaterThan(hello.message_id);
    expect(echo.message.from).toMatchObject({ id: fake.botId, is_bot: true, username: "BaoCaoTestBot" });
    expect(fake.calls.some((c) => c.method === "getMe")).toBe(true);
  });

  it("round-trips an inline button click", async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    bot.command("menu", (ctx) => ctx.reply("Nộp báo cáo?", { reply_markup: new InlineKeyboard().text("Có", "yes") }));
    bot.callbackQuery("yes", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Đã ghi nhận" });
      await ctx.editMessageText(`Đã chọn: Có (data=${ctx.callbackQuery.data})`);
    });
    startPolling(bot);

    fake.sendText({ chat: lanChat, from: lan, text: "/menu" });
    const menu = await fake.nextMessage(lanChat.id);
    fake.clickButton({ chat: lanChat, from: lan, message: menu, data: "yes" });

    const edit = await fake.waitFor((m) => m.method === "editMessageText");
    expect(edit).toMatchObject({ message_id: menu.message_id, text: "Đã chọn: Có (data=yes)" });
    expect(fake.callbackAnswers).toMatchObject([{ text: "Đã ghi nhận" }]);
    // Editing without reply_markup removes the keyboard, as on Telegram, so the button is gone.
    expect(fake.messageState(lanChat.id, menu.message_id)?.reply_markup).toBeUndefined();
    expect(() => fake.clickButton({ chat: lanChat, from: lan, message: menu, data: "yes" })).toThrow(/no button/);
  });

  it("gives a reply to a bot message the full bot message as reply_to_message", async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    bot.command("hoi", (ctx) => ctx.reply("Số hộ nghèo?", { reply_markup: { force_reply: true } }));
    bot.on("message:text", (ctx) => {
      const original = ctx.message.reply_to_message;
      if (!original) return ctx.reply("not a reply");
      return ctx.reply(`reply to ${original.from?.is_bot}/${original.from?.id === ctx.me.id}: ${original.text}`);
    });
    startPolling(bot);

    fake.sendText({ chat: lanChat, from: lan, text: "/hoi" });
    const question = await fake.nextMessage(lanChat.id);
    const update = fake.sendText({ chat: lanChat, from: lan, text: "12", replyTo: question });
    expect(update.message?.reply_to_message).toMatchObject({ message_id: question.message_id, from: { is_bot: true } });

    const answer = await fake.waitFor((m) => m.text?.startsWith("reply to") ?? false);
    expect(answer.text).toBe("reply to true/true: Số hộ nghèo?");
  });

  it("delivers a raw update twice when pushed twice", async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    let seen = 0;
    bot.on("message:text", (ctx) => ctx.reply(`seen ${++seen}`));
    startPolling(bot);

    const update = fake.sendText({ chat: lanChat, from: lan, text: "x" });
    await fake.waitFor((m) => m.text === "seen 1");
    fake.pushUpdate(update);
    await fake.waitFor((m) => m.text === "seen 2");
  });
});

describe("FakeTelegram in webhook mode", () => {
  async function startWebhookServer(bot: Bot, secretToken: string): Promise<string> {
    const handle = webhookCallback(bot, "http", { secretToken });
    const server: Server = createServer((req, res) => {
      handle(req, res).catch(() => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  }

  it("POSTs updates with the secret, retries failures in order, and refuses getUpdates", async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    let failed = false;
    bot.on("message:text", async (ctx) => {
      if (ctx.message.text === "first" && !failed) {
        failed = true;
        throw new Error("handler crashed once");
      }
      await ctx.reply(`ok: ${ctx.message.text}`);
    });
    const url = await startWebhookServer(bot, "s3cret-token");
    await bot.api.setWebhook(url, { secret_token: "s3cret-token" });
    expect(await bot.api.getWebhookInfo()).toMatchObject({ url, pending_update_count: 0 });

    fake.sendText({ chat: lanChat, from: lan, text: "first" });
    fake.sendText({ chat: lanChat, from: lan, text: "second" });
    await fake.waitFor((m) => m.text === "ok: second");
    // The failed "first" was retried before "second" was delivered (one at a time per chat).
    expect(fake.sentTo(lanChat.id).map((m) => m.text)).toEqual(["ok: first", "ok: second"]);
    expect((await bot.api.getWebhookInfo()).last_error_message).toMatch(/500/);

    const forged = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "X" }, text: "hi" } };
    expect(await fake.deliverTo(url, forged, { secret: "wrong" })).toBe(401);
    expect(await fake.deliverTo(url, forged)).toBe(401);

    const conflict = await bot.api.getUpdates().catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(GrammyError);
    expect(conflict).toMatchObject({ error_code: 409 });

    await bot.api.deleteWebhook();
    expect(await bot.api.getUpdates()).toEqual([]);
  });
});

describe("FakeTelegram faults and uploads", () => {
  it("surfaces a 429 as a GrammyError with retry_after", async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 5", retry_after: 5 });

    const error = await bot.api.sendMessage(lanChat.id, "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 5 } });
    await expect(bot.api.sendMessage(lanChat.id, "x")).resolves.toMatchObject({ text: "x" });
  });

  it("refuses sends beyond sendsPerSecond (a burst of one second's worth) with 429 and retry_after", async () => {
    const fake = await FakeTelegram.start({ sendsPerSecond: 5 });
    cleanups.push(() => fake.stop());
    const bot = newBot(fake);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => bot.api.sendMessage(lanChat.id, `tin ${i}`)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as GrammyError] : []));
    expect(refused.map((e) => [e.error_code, e.parameters.retry_after])).toEqual([[429, 1], [429, 1], [429, 1]]);
    // Other methods are not counted; after a second the window has room again.
    await bot.api.getMe();
    await new Promise((r) => setTimeout(r, 1050));
    await bot.api.sendMessage(lanChat.id, "sau một giây");
    expect(fake.sent).toHaveLength(6);
  });

  it("lets @grammyjs/auto-retry wait out a 429", async () => {
    const fake = await startFake();
    const bot = newBot(fake);
    bot.api.config.use(autoRetry());
    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });

    const started = performance.now();
    await bot.api.sendMessage(lanChat.id, "sau khi chờ");
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    const attempts = fake.calls.filter((c) => c.method === "sendMessage");
    expect(attempts.map((c) => c.error?.error_code)).toEqual([429, undefined]);
    expect(fake.sent.map((m) => m.text)).toEqual(["sau khi chờ"]);
  });

  it("parses grammY's multipart document uploads, including Vietnamese file names", async () => {
    const fake = await startFake();
    const bot = newBot(fake);

    const msg = await bot.api.sendDocument(lanChat.id, new InputFile(Buffer.from("abc"), "r.docx"), { caption: "Báo cáo" });
    expect(fake.sent[0]).toMatchObject({ method: "sendDocument", chat_id: lanChat.id, caption: "Báo cáo" });
    expect(fake.sent[0]!.document).toMatchObject({ filename: "r.docx", bytes: Buffer.from("abc") });
    expect(msg.document).toMatchObject({ file_name: "r.docx", file_size: 3, mime_type: expect.stringContaining("wordprocessingml") });

    await bot.api.sendDocument(lanChat.id, new InputFile(Buffer.from("xyz"), "Báo cáo tuần 12.docx"));
    expect(fake.sent[1]!.document?.filename).toBe("Báo cáo tuần 12.docx");

    await bot.api.sendDocument(lanChat.id, msg.document.file_id); // resend by file_id, as JSON
    expect(fake.sent[2]!.document?.bytes.toString()).toBe("abc");
  });

  it("answers like Telegram to bad tokens, unknown methods and empty texts", async () => {
    const fake = await startFake();
    const post = async (path: string, body: object) => {
      const res = await fetch(`${fake.apiRoot}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await post("/bot123:wrong/getMe", {})).toEqual({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
    expect((await post(`/bot${fake.token}/sendSticker`, {})).body).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });

    const bot = newBot(fake);
    await expect(bot.api.sendMessage(lanChat.id, "  ")).rejects.toThrow("Bad Request: message text is empty");
    const longText = "a".repeat(4097);
    await expect(bot.api.sendMessage(lanChat.id, longText)).rejects.toThrow("message is too long");
    await expect(
      bot.api.sendMessage(lanChat.id, "x", { reply_markup: new InlineKeyboard().text("ok", "báo cáo tháng mười hai năm hai nghìn hai mươi lăm phường bảy") }),
    ).rejects.toThrow("BUTTON_DATA_INVALID");
    await expect(fake.waitFor(() => false, { timeoutMs: 20 })).rejects.toThrow(/no matching message after 20 ms[\s\S]*recent failed API calls/);
  });
});
