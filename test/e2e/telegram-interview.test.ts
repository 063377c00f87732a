/**
 * End to end on Telegram: the real grammY bot and conversation engine, a real database
 * (SQLite file; PostgreSQL too with TEST_DATABASE_URL), and a fake Bot API server over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/domain/answer-value.js";
import type { Question, Template } from "../../src/domain/template.js";
import { answerFor } from "../support/answers.js";
import { buttons, Person, promptedLabel, startBot, TEST_TOKEN, type RunningBot } from "../support/bot-harness.js";
import { postgresSchemaUrl, tempSqliteUrl } from "../support/databases.js";
import { FakeTelegram, type SentMessage } from "../support/fake-telegram.js";
import { assignTo, seedUnit, type SeededUnit } from "../support/seed.js";

const providers = process.env.TEST_DATABASE_URL ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

interface Typed {
  question: Question;
  raw: string;
  expected: AnswerValue | null;
}

function questionsByLabel(template: Template): Map<string, Question> {
  const map = new Map<string, Question>();
  for (const s of template.sections) for (const q of s.questions) map.set(q.label, q);
  return map;
}

function findQuestion(labels: Map<string, Question>, prompt: SentMessage): Question {
  const label = promptedLabel(prompt);
  if (!label) throw new Error(`Not a question: ${prompt.text}`);
  const q = [...labels.entries()].find(([l]) => label === l || label.startsWith(`${l} (`))?.[1];
  if (!q) throw new Error(`Unknown question "${label}"`);
  return q;
}

/**
 * Answers every question the bot asks until it says the work is done. Choices are pressed as
 * buttons, optional text questions are skipped, everything else is typed.
 */
async function answerAll(person: Person, first: SentMessage, labels: Map<string, Question>, opts: { reply: boolean }): Promise<Typed[]> {
  const typed: Typed[] = [];
  let prompt = first;
  for (let i = 0; i < 200 && !(prompt.text ?? "").includes("🏁"); i++) {
    const q = findQuestion(labels, prompt);
    if (q.type === "choice") {
      const option = buttons(prompt)[0]!;
      typed.push({ question: q, raw: q.options![0]!.key, expected: { kind: "choice", value: q.options![0]!.key } });
      prompt = await person.click(prompt, option.data);
    } else if (!q.required && q.type === "text") {
      typed.push({ question: q, raw: "bỏ qua", expected: null });
      prompt = await person.say("bỏ qua", opts.reply ? prompt : undefined);
    } else {
      const { text, expected } = answerFor(q, i);
      typed.push({ question: q, raw: text, expected });
      prompt = await person.say(text, opts.reply ? prompt : undefined);
    }
    if (!(prompt.text ?? "").startsWith("🏁")) expect(prompt.text).toMatch(/✅ Đã lưu|⏭ Đã bỏ qua/);
  }
  expect(prompt.text).toContain("🏁");
  return typed;
}

describe.each(providers)("Telegram interview on %s", (provider) => {
  let fake: FakeTelegram;
  let bot: RunningBot;
  let seeded: SeededUnit;
  let drop: () => Promise<void>;
  let url: string;

  beforeEach(async () => {
    fake = await FakeTelegram.start({ token: TEST_TOKEN, botUsername: "BaoCaoTestBot" });
    if (provider === "postgresql") {
      const pg = postgresSchemaUrl("e2e");
      url = pg.url;
      drop = pg.drop;
    } else {
      url = tempSqliteUrl();
      drop = async () => undefined;
    }
    bot = await startBot(fake, url);
    seeded = await seedUnit(bot.core.database.db);
  });

  afterEach(async () => {
    expect(bot.logs.join("")).not.toContain(TEST_TOKEN);
    await bot.stop();
    await fake.stop();
    await drop();
  });

  async function template(): Promise<Template> {
    const v = await bot.core.database.db.templateVersion.findFirstOrThrow({ where: { template: { key: "ward-monthly" } } });
    return v.definition as unknown as Template;
  }

  it("an officer completes the whole monthly template in a private chat; every answer is stored with raw text and value", async () => {
    const lan = new Person(fake, { id: 7001, type: "private" }, { id: 7001, first_name: "Lan", username: "lan_vp" });
    expect((await lan.say("/start k7m2q9")).text).toContain("Chào Lan");
    await assignTo(bot.core.database.db, seeded, 7001, seeded.sectionKeys);
    const typed = await answerAll(lan, await lan.say("/nhap"), questionsByLabel(await template()), { reply: false });

    const db = bot.core.database.db;
    const stored = await db.answer.findMany({ where: { periodId: seeded.periodId }, include: { question: true, revisions: true } });
    expect(stored).toHaveLength(typed.length);
    for (const t of typed) {
      const row = stored.find((a) => a.question.key === t.question.key)!;
      expect(row, t.question.key).toBeDefined();
      expect(row.skipped).toBe(t.expected === null);
      expect(row.value ?? null).toEqual(t.expected);
      if (t.question.type !== "choice") expect(row.raw).toBe(t.raw);
      expect(row.revisions).toHaveLength(1);
    }
    const assignments = await db.assignment.findMany({ where: { periodId: seeded.periodId } });
    expect(assignments.every((a) => a.completedAt !== null)).toBe(true);
  });

  it("two officers answer different sections in one group at the same time, each in their own state; chatter gets no reply", async () => {
    const group = { id: -100500, type: "supergroup" as const, title: "UBND Phường 1" };
    const lan = new Person(fake, group, { id: 7101, first_name: "Lan", username: "lan" });
    const minh = new Person(fake, group, { id: 7102, first_name: "Minh", username: "minh" });
    await lan.say("/start K7M2Q9");
    await minh.say("/start K7M2Q9");
    const db = bot.core.database.db;
    await assignTo(db, seeded, 7101, ["kinh-te-ngan-sach"]);
    await assignTo(db, seeded, 7102, ["tu-phap-ho-tich"]);
    const labels = questionsByLabel(await template());

    const before = fake.sent.length;
    fake.sendText({ chat: group, from: { id: 7103, first_name: "Hoa" }, text: "Chiều nay họp lúc mấy giờ?" });
    const [lanTyped, minhTyped] = await Promise.all([
      lan.say("/nhap").then((p) => answerAll(lan, p, labels, { reply: true })),
      minh.say("/nhap").then((p) => answerAll(minh, p, labels, { reply: true })),
    ]);
    // Nothing was addressed to the person who only chatted.
    expect(fake.sent.slice(before).filter((m) => (m.text ?? "").includes("Hoa"))).toEqual([]);
    const addressedToNobody = fake.sent.slice(before).filter((m) => !(m.text ?? "").startsWith("@lan") && !(m.text ?? "").startsWith("@minh"));
    expect(addressedToNobody).toEqual([]);

    const stored = await db.answer.findMany({ where: { periodId: seeded.periodId }, include: { question: { include: { section: true } }, member: true } });
    expect(stored.filter((a) => a.member.displayName === "Lan").every((a) => a.question.section.key === "kinh-te-ngan-sach")).toBe(true);
    expect(stored.filter((a) => a.member.displayName === "Minh").every((a) => a.question.section.key === "tu-phap-ho-tich")).toBe(true);
    expect(stored).toHaveLength(lanTyped.length + minhTyped.length);
    // Prompts in the group open a reply box for the addressee only.
    const prompts = fake.sent.slice(before).filter((m) => promptedLabel(m) && m.reply_markup && "force_reply" in m.reply_markup);
    expect(prompts.length).toBeGreaterThan(5);
    expect(prompts.every((m) => m.reply_markup && "selective" in m.reply_markup && m.reply_markup.selective)).toBe(true);
  });

  it("a reply in a group to someone else's question is not taken as an answer", async () => {
    const group = { id: -100600, type: "supergroup" as const, title: "UBND" };
    const lan = new Person(fake, group, { id: 7201, first_name: "Lan", username: "lan" });
    const minh = new Person(fake, group, { id: 7202, first_name: "Minh", username: "minh" });
    await lan.say("/start K7M2Q9");
    await minh.say("/start K7M2Q9");
    await assignTo(bot.core.database.db, seeded, 7201, ["kinh-te-ngan-sach"]);
    const lanPrompt = await lan.say("/nhap");
    const count = fake.sent.length;
    fake.sendText({ chat: group, from: minh.user, text: "5 tỷ", replyTo: lanPrompt });
    // Lan's own answer still works afterwards and is the only one stored.
    const saved = await lan.say("5,67 tỷ", lanPrompt);
    expect(saved.text).toContain("5.670.000.000 đồng");
    expect(fake.sent.slice(count).filter((m) => (m.text ?? "").startsWith("@minh"))).toEqual([]);
    const answers = await bot.core.database.db.answer.findMany({ where: { periodId: seeded.periodId } });
    expect(answers.map((a) => a.raw)).toEqual(["5,67 tỷ"]);
  });

  it("processes the same update delivered twice only once", async () => {
    const lan = new Person(fake, { id: 7301, type: "private" }, { id: 7301, first_name: "Lan" });
    await lan.say("/start K7M2Q9");
    await assignTo(bot.core.database.db, seeded, 7301, ["kinh-te-ngan-sach"]);
    await lan.say("/nhap");
    const before = fake.sent.length;
    const update = fake.sendText({ chat: lan.chat, from: lan.user, text: "5,67 tỷ" });
    await fake.waitFor((m) => m.chat_id === 7301, { after: before });
    fake.pushUpdate(update);
    // A later message proves the duplicate has been through the bot before we count.
    await lan.say("/tiendo");
    const answers = await bot.core.database.db.answer.findMany({ where: { periodId: seeded.periodId }, include: { revisions: true } });
    expect(answers).toHaveLength(1);
    expect(answers[0]!.revisions).toHaveLength(1);
    expect(fake.sent.slice(before).filter((m) => (m.text ?? "").includes("✅ Đã lưu"))).toHaveLength(1);
  });

  it("replies to bad input with a Vietnamese explanation and an example, then asks again", async () => {
    const lan = new Person(fake, { id: 7401, type: "private" }, { id: 7401, first_name: "Lan" });
    await lan.say("/start K7M2Q9");
    await assignTo(bot.core.database.db, seeded, 7401, ["kinh-te-ngan-sach"]);
    await lan.say("/nhap");
    const reply = await lan.say("năm tỷ");
    expect(reply.text).toMatch(/⚠️ Chưa hiểu câu trả lời: .+ Ví dụ: /);
    expect(promptedLabel(reply)).toBe(promptedLabel(await lan.say("/nhap")));
    expect(await bot.core.database.db.answer.count()).toBe(0);
  });
  it("waits out a 429 from Telegram and delivers the reply once", async () => {
    const lan = new Person(fake, { id: 7501, type: "private" }, { id: 7501, first_name: "Lan" });
    await lan.say("/start K7M2Q9");
    await assignTo(bot.core.database.db, seeded, 7501, ["kinh-te-ngan-sach"]);
    await lan.say("/nhap");
    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 }, 2);
    const reply = await lan.say("5,67 tỷ");
    expect(reply.text).toContain("✅ Đã lưu: 5.670.000.000 đồng");
    expect(fake.calls.filter((c) => c.method === "sendMessage" && c.error?.error_code === 429)).toHaveLength(2);
    expect(fake.sentTo(7501).filter((m) => (m.text ?? "").includes("✅ Đã lưu"))).toHaveLength(1);
  });
});
