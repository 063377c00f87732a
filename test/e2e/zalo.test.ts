/**
 * End to end on Zalo: the project's own Zalo Bot API client against a fake Zalo server over
 * HTTP, in long-polling and in webhook mode, with the same conversation engine as Telegram.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/domain/answer-value.js";
import type { Question, Template } from "../../src/domain/template.js";
import { sendOutgoing } from "../../src/channels/zalo/send.js";
import { ZaloBotClient } from "../../src/channels/zalo/client.js";
import { answerFor } from "../support/answers.js";
import { buttons, Person, startApp, TEST_TOKEN, ZALO_TEST_TOKEN, ZALO_WEBHOOK_SECRET, ZaloPerson, type RunningBot } from "../support/bot-harness.js";
import { tempSqliteUrl } from "../support/databases.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { FakeZalo, type ZaloSent } from "../support/fake-zalo.js";
import { assignTo, seedUnit, type SeededUnit } from "../support/seed.js";
import { planPeriodReminders } from "../../src/reminders/plan.js";

let running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.reverse()) await r.stop();
  running = [];
});

async function setUp(options: { webhook?: boolean; telegram?: boolean } = {}) {
  const zalo = await FakeZalo.start({ token: ZALO_TEST_TOKEN });
  running.push(zalo);
  const telegram = options.telegram ? await FakeTelegram.start({ token: TEST_TOKEN }) : undefined;
  if (telegram) running.push(telegram);
  const bot = await startApp({ zalo, telegram, databaseUrl: tempSqliteUrl(), webhook: options.webhook });
  running.push({ stop: async () => {
    expect(bot.logs.join("")).not.toContain(ZALO_TEST_TOKEN);
    expect(bot.logs.join("")).not.toContain(TEST_TOKEN);
    await bot.stop();
  } });
  const seeded = await seedUnit(bot.core.database.db);
  return { zalo, telegram, bot, seeded };
}

async function assignZalo(bot: RunningBot, seeded: SeededUnit, zaloUserId: string, sectionKeys: string[]): Promise<void> {
  const db = bot.core.database.db;
  const identity = await db.identity.findUniqueOrThrow({ where: { channel_externalUserId: { channel: "zalo", externalUserId: zaloUserId } } });
  const period = await db.period.findUniqueOrThrow({ where: { id: seeded.periodId } });
  for (const key of sectionKeys) {
    const section = await db.section.findUniqueOrThrow({ where: { templateVersionId_key: { templateVersionId: period.templateVersionId, key } } });
    await db.assignment.create({ data: { periodId: period.id, sectionId: section.id, memberId: identity.memberId } });
  }
}

function labelOf(m: ZaloSent): string | undefined {
  return (m.text ?? "").split("\n").find((l) => l.startsWith("❓ "))?.slice(2);
}

/** Types an answer to every question (choices as their number, optional texts skipped) until the bot says it is done. */
async function answerAll(person: ZaloPerson, first: ZaloSent, template: Template): Promise<{ question: Question; expected: AnswerValue | null }[]> {
  const questions = template.sections.flatMap((s) => s.questions);
  const typed: { question: Question; expected: AnswerValue | null }[] = [];
  let prompt = first;
  for (let i = 0; i < 200 && !(prompt.text ?? "").includes("🏁"); i++) {
    const label = labelOf(prompt);
    const q = questions.find((x) => label === x.label || label?.startsWith(`${x.label} (`));
    if (!q) throw new Error(`not a question: ${prompt.text}`);
    if (q.type === "choice") expect(prompt.text).toMatch(/Trả lời bằng số: 1( hoặc 2|, 2 hoặc 3)\./);
    const skip = !q.required && q.type === "text";
    const { text, expected } = answerFor(q, i);
    typed.push({ question: q, expected: skip ? null : expected });
    prompt = await person.say(skip ? "bo qua" : text);
  }
  expect(prompt.text).toContain("🏁");
  return typed;
}

describe.each([
  ["long polling", false],
  ["webhook", true],
])("Zalo in %s mode", (_mode, webhook) => {
  it("an officer completes the whole monthly template; every answer is stored", async () => {
    const { zalo, bot, seeded } = await setUp({ webhook });
    if (webhook) expect(zalo.webhook?.url).toBe(`http://127.0.0.1:${bot.port}/zalo/webhook`);
    const lan = new ZaloPerson(zalo, "a1b2c3d4e5f6a7b8c9d0", "Nguyễn Thị Lan");
    expect((await lan.say("/start K7M2Q9")).text).toContain("Chào Nguyễn Thị Lan");
    await assignZalo(bot, seeded, lan.id, seeded.sectionKeys);
    const { templateVersionId } = await bot.core.database.db.period.findUniqueOrThrow({ where: { id: seeded.periodId } });
    const template = (await bot.core.database.db.templateVersion.findUniqueOrThrow({ where: { id: templateVersionId } })).definition as unknown as Template;
    const typed = await answerAll(lan, await lan.say("/nhap"), template);
    const stored = await bot.core.database.db.answer.findMany({ where: { periodId: seeded.periodId }, include: { question: true } });
    expect(stored).toHaveLength(typed.length);
    for (const t of typed) expect(stored.find((a) => a.question.key === t.question.key)?.value ?? null, t.question.key).toEqual(t.expected);
    expect(zalo.sent.every((m) => (m.text ?? "").length <= 2000)).toBe(true);
  });
});

describe("Zalo", () => {
  it("an officer starts on Telegram, links Zalo, and finishes the same section there: one set of answers", async () => {
    const { zalo, telegram, bot, seeded } = await setUp({ telegram: true });
    const onTelegram = new Person(telegram!, { id: 6001, type: "private" }, { id: 6001, first_name: "Lan" });
    await onTelegram.say("/start K7M2Q9");
    const db = bot.core.database.db;
    const identity = await db.identity.findFirstOrThrow({ where: { channel: "telegram" } });
    const section = await db.section.findFirstOrThrow({ where: { key: "kinh-te-ngan-sach", templateVersion: { periods: { some: { id: seeded.periodId } } } } });
    await db.assignment.create({ data: { periodId: seeded.periodId, sectionId: section.id, memberId: identity.memberId } });
    await onTelegram.say("/nhap");
    await onTelegram.say("5,67 tỷ");
    await onTelegram.say("4,31 tỷ");
    const code = /\/lienket ([A-Z0-9]{6})/.exec((await onTelegram.say("/lienket")).text ?? "")![1]!;

    const onZalo = new ZaloPerson(zalo, "ffeeddccbbaa99887766", "Lan");
    expect((await onZalo.say(`/liên kết ${code}`)).text).toContain("Đã liên kết");
    expect((await onZalo.say("/nhap")).text).toContain("Tổng số cơ sở");
    for (const text of ["947", "12", "86", "3"]) await onZalo.say(text);
    expect((await onZalo.say("bỏ qua")).text).toContain("🎉 Xong phần «Kinh tế và ngân sách»");

    const answers = await db.answer.findMany({ where: { periodId: seeded.periodId }, include: { revisions: true } });
    expect(answers).toHaveLength(7);
    expect(new Set(answers.map((a) => a.memberId))).toEqual(new Set([identity.memberId]));
    expect(answers.flatMap((a) => a.revisions).map((r) => r.channel).sort()).toEqual(["telegram", "telegram", "zalo", "zalo", "zalo", "zalo", "zalo"]);
  });

  it("splits a 4,500-character message into three messages of at most 2,000 characters at line boundaries", async () => {
    const zalo = await FakeZalo.start({ token: ZALO_TEST_TOKEN });
    running.push(zalo);
    const lines = Array.from({ length: 90 }, (_, i) => `• Dòng ${String(i + 1).padStart(2, "0")}: ${"số liệu ".repeat(5)}`.padEnd(49, ".").slice(0, 49));
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThanOrEqual(4400);
    expect(text.length).toBeLessThanOrEqual(4600);
    await sendOutgoing(new ZaloBotClient({ token: ZALO_TEST_TOKEN, baseUrl: zalo.baseUrl }), "chat1", { text });
    const parts = zalo.sentTo("chat1").map((m) => m.text ?? "");
    expect(parts).toHaveLength(3);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join("\n")).toBe(text);
    expect(parts.every((p) => p.split("\n").every((line) => lines.includes(line)))).toBe(true);
  });

  it("webhook: wrong or missing secret gets 401 and changes nothing; a duplicate is processed once", async () => {
    const { zalo, bot } = await setUp({ webhook: true });
    const url = `http://127.0.0.1:${bot.port}/zalo/webhook`;
    const update = {
      event_name: "message.text.received",
      message: { message_id: "0123456789abcdef0123", date: Date.now(), chat: { id: "u1", chat_type: "PRIVATE" }, from: { id: "u1", display_name: "Hùng", is_bot: false }, text: "/start K7M2Q9" },
    };
    const db = bot.core.database.db;
    expect(await zalo.deliverTo(url, update, { secret: "wrong-secret-value" })).toBe(401);
    expect(await zalo.deliverTo(url, update)).toBe(401);
    expect(await db.member.count()).toBe(0);
    expect(await zalo.deliverTo(url, "{not json", { secret: ZALO_WEBHOOK_SECRET })).toBe(400);
    expect(await zalo.deliverTo(url, update, { secret: ZALO_WEBHOOK_SECRET })).toBe(200);
    expect(await zalo.deliverTo(url, { ok: true, result: update }, { secret: ZALO_WEBHOOK_SECRET })).toBe(200);
    await zalo.waitFor((m) => m.chat_id === "u1");
    const hung = new ZaloPerson(zalo, "u1", "Hùng");
    await hung.say("/tiendo");
    expect(await db.member.count()).toBe(1);
    expect(zalo.sentTo("u1").filter((m) => (m.text ?? "").includes("Chào Hùng"))).toHaveLength(1);
  });

  it("a 429 storm from Zalo loses nothing: every reply arrives once, after the wait", async () => {
    const { zalo, bot, seeded } = await setUp();
    const lan = new ZaloPerson(zalo, "abcabcabcabcabcabc00", "Lan");
    await lan.say("/start K7M2Q9");
    await assignZalo(bot, seeded, lan.id, ["kinh-te-ngan-sach"]);
    await lan.say("/nhap");
    zalo.failWhile("sendMessage", () => ({ error_code: 429, description: "quota exceeded", retry_after: 1 }), 1500);
    const from = zalo.sent.length;
    for (const text of ["5,67 tỷ", "4,31 tỷ", "947"]) zalo.userSends({ chatId: lan.id, from: { id: lan.id, displayName: "Lan" }, text });
    await zalo.waitFor((m) => m.chat_id === lan.id && (m.text ?? "").includes("947 cơ sở"), { after: from, timeoutMs: 20_000 });
    const saved = zalo.sentTo(lan.id).slice(-3).map((m) => /✅ Đã lưu: (.+)/.exec(m.text ?? "")?.[1]);
    expect(saved).toEqual(["5.670.000.000 đồng", "4.310.000.000 đồng", "947 cơ sở"]);
    expect(zalo.calls.some((c) => c.error?.error_code === 429)).toBe(true);
    expect(await bot.core.database.db.answer.count()).toBe(3);
  });
  it("in a group, answers that quote the bot's question are taken; chatter is ignored", async () => {
    const { zalo, bot, seeded } = await setUp();
    const group = "9999aaaa9999aaaa9999";
    const lan = { id: "1111aaaa1111aaaa1111", displayName: "Lan" };
    const say = async (text: string, extra: { quotedMessageId?: string; mentionsBot?: boolean } = {}) => {
      const from = zalo.sent.length;
      zalo.userSends({ chatId: group, chatType: "GROUP", from: lan, text, ...extra });
      return zalo.waitFor((m) => m.chat_id === group, { after: from });
    };
    await say("/start K7M2Q9", { mentionsBot: true });
    const db = bot.core.database.db;
    const identity = await db.identity.findFirstOrThrow({ where: { channel: "zalo" } });
    const section = await db.section.findFirstOrThrow({ where: { key: "kinh-te-ngan-sach", templateVersion: { periods: { some: { id: seeded.periodId } } } } });
    await db.assignment.create({ data: { periodId: seeded.periodId, sectionId: section.id, memberId: identity.memberId } });
    const prompt = await say("/nhap", { mentionsBot: true });
    expect(prompt.text).toContain("Tổng thu ngân sách");
    const before = zalo.sent.length;
    zalo.userSends({ chatId: group, chatType: "GROUP", from: lan, text: "Mọi người họp lúc 2 giờ nhé" });
    const saved = await say("5,67 tỷ", { quotedMessageId: prompt.message_id });
    expect(saved.text).toContain("✅ Đã lưu: 5.670.000.000 đồng");
    expect(zalo.sent.slice(before)).toHaveLength(1);
    expect(await db.answer.count()).toBe(1);
  });
});

describe("reminders on Zalo", () => {
  it("go to the app the officer used last, or to the one chosen with /kenh; on Zalo the text says what to type", async () => {
    let clock = new Date("2026-11-17T01:00:00Z"); // 08:00 in Vietnam, T-1 of the seeded period
    const zalo = await FakeZalo.start({ token: ZALO_TEST_TOKEN });
    running.push(zalo);
    const telegram = await FakeTelegram.start({ token: TEST_TOKEN });
    running.push(telegram);
    const bot = await startApp({ zalo, telegram, databaseUrl: tempSqliteUrl(), now: () => clock });
    running.push({ stop: () => bot.stop() });
    const db = bot.core.database.db;
    const seeded = await seedUnit(db);
    await db.period.update({ where: { id: seeded.periodId }, data: { createdAt: new Date("2026-11-09T01:00:00Z") } });
    await db.$transaction((tx) => planPeriodReminders(tx, seeded.periodId, "Asia/Ho_Chi_Minh"));

    const onTelegram = new Person(telegram, { id: 9301, type: "private" }, { id: 9301, first_name: "Lan" });
    await onTelegram.say("/start K7M2Q9");
    const code = /\/lienket ([A-Z0-9]{6})/.exec((await onTelegram.say("/lienket")).text ?? "")![1]!;
    const onZalo = new ZaloPerson(zalo, "ffeeddccbbaa99887766", "Lan");
    await onZalo.say(`/lienket ${code}`);
    await assignTo(db, seeded, 9301, ["giao-duc"]);

    const reminders = () => ({ zalo: zalo.sent.filter((m) => (m.text ?? "").startsWith("⏰")), telegram: telegram.sent.filter((m) => (m.text ?? "").startsWith("⏰")) });
    await bot.core.reminders.pass();
    expect(reminders().telegram).toHaveLength(0);
    expect(reminders().zalo).toHaveLength(1);
    expect(reminders().zalo[0]!.text).toContain("Giáo dục - đào tạo: đã trả lời 0/5 câu");
    expect(reminders().zalo[0]!.text).toContain("Gõ /nhap");

    expect((await onZalo.say("/kenh telegram")).text).toContain("qua Telegram");
    clock = new Date("2026-11-18T01:00:00Z");
    await bot.core.reminders.pass();
    expect(reminders().zalo).toHaveLength(1);
    expect(reminders().telegram).toHaveLength(1);
    expect(buttons(reminders().telegram[0]!).map((b) => b.text)).toEqual(["▶️ Nhập tiếp"]);
  });
});
