/**
 * Reminders end to end: the real grammY bot, conversation engine and reminder scheduler, a real
 * database (SQLite file; PostgreSQL too with TEST_DATABASE_URL) and the fake Telegram Bot API
 * over HTTP. The reporting clock is a variable the test moves; each `pass()` is what the
 * scheduler's timer would run at that moment.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localInstant, localMinutes } from "../../src/domain/local-time.js";
import { isQuiet } from "../../src/domain/quiet-hours.js";
import { DEFAULT_POLICY } from "../../src/domain/unit-policy.js";
import { planPeriodReminders } from "../../src/reminders/plan.js";
import type { Db } from "../../src/store/database.js";
import { Person, startBot, TEST_TOKEN, type RunningBot } from "../support/bot-harness.js";
import { postgresSchemaUrl, tempSqliteUrl } from "../support/databases.js";
import { FakeTelegram, type SentMessage } from "../support/fake-telegram.js";
import { assignTo, seedUnit, type SeededUnit } from "../support/seed.js";

const providers = process.env.TEST_DATABASE_URL ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);
const VN = "Asia/Ho_Chi_Minh";
const at = (day: string, time: string) => localInstant(day, time, VN);
const GROUP = -100500;

describe.each(providers)("reminders on %s", (provider) => {
  let fake: FakeTelegram;
  let bot: RunningBot;
  let db: Db;
  let drop: () => Promise<void> = async () => undefined;
  let clock: Date;
  let seeded: SeededUnit;

  async function start(openedAt: Date): Promise<void> {
    clock = openedAt;
    fake = await FakeTelegram.start({ token: TEST_TOKEN });
    let url: string;
    if (provider === "postgresql") ({ url, drop } = postgresSchemaUrl("remind"));
    else url = tempSqliteUrl();
    bot = await startBot(fake, url, { now: () => clock });
    db = bot.core.database.db;
    seeded = await seedUnit(db);
    // The seeded period (tháng 11/2026, due Wednesday 18/11 17:00) opens now, and gets its plan.
    await db.period.update({ where: { id: seeded.periodId }, data: { createdAt: openedAt } });
    await db.$transaction((tx) => planPeriodReminders(tx, seeded.periodId, VN));
  }

  afterEach(async () => {
    await bot.core.reminders.stop();
    await bot.stop();
    await fake.stop();
    await drop();
  });

  /** Joins the unit in a private chat and writes once more, so the bot may write to them first. */
  async function join(id: number, name: string, role: "officer" | "leader" = "officer"): Promise<Person> {
    const person = new Person(fake, { id, type: "private" }, { id, first_name: name, username: `u${id}` });
    const code = role === "leader" ? "LEAD01" : seeded.inviteCode;
    if (role === "leader") await db.invite.create({ data: { unitId: seeded.unitId, code, role: "leader", maxUses: 5 } });
    await person.say(`/start ${code}`);
    await person.say("/trogiup");
    return person;
  }

  async function passAt(time: Date): Promise<SentMessage[]> {
    clock = time;
    const from = fake.sent.length;
    await bot.core.reminders.pass();
    return fake.sent.slice(from);
  }

  const to = (messages: SentMessage[], chatId: number) => messages.filter((m) => m.chat_id === chatId);
  const mentioned = (m: SentMessage) => ((m.body.entities ?? []) as { type: string; user?: { id: number } }[]).filter((e) => e.type === "text_mention").map((e) => e.user!.id);

  describe("a monthly period due Wednesday 18/11/2026 17:00", () => {
    beforeEach(() => start(at("2026-11-09", "08:00")));

    it("reminds exactly those who owe answers, skips whoever is away and reminds their delegate, and tells the leader", async () => {
      const an = await join(2001, "An");
      const binh = await join(2002, "Bình");
      const chi = await join(2003, "Chi");
      const lanh = await join(2004, "Lãnh", "leader");
      // An's message in the group ties the group to the unit.
      const anInGroup = new Person(fake, { id: GROUP, type: "supergroup", title: "UBND phường" }, { id: 2001, first_name: "An", username: "u2001" });
      await anInGroup.say("/tiendo");
      await assignTo(db, seeded, 2001, ["nhiem-vu-ky-toi"]);
      await assignTo(db, seeded, 2002, ["danh-gia-chung"]);
      await assignTo(db, seeded, 2003, ["giao-duc"]);
      const away = await chi.say("/vangmat 12/11-20/11 cho Bình");
      expect(away.text).toContain("vắng mặt từ 12/11/2026 đến 20/11/2026");
      expect(away.text).toContain("Giáo dục");

      // The opening notice (Monday 09/11 08:00). Chi is not away yet, but her section is Bình's now.
      let sent = await passAt(at("2026-11-09", "08:00"));
      expect(to(sent, 2001).map((m) => m.text)).toEqual([expect.stringContaining("đã mở")]);
      expect(to(sent, 2002)).toHaveLength(1);
      expect(to(sent, 2002)[0]!.text).toContain("Đánh giá chung: đã trả lời 0/3 câu");
      expect(to(sent, 2002)[0]!.text).toContain("Giáo dục - đào tạo: đã trả lời 0/5 câu");
      expect(to(sent, 2003)).toHaveLength(0);
      expect(to(sent, 2004)).toHaveLength(0);
      expect(to(sent, GROUP)).toHaveLength(1);
      expect(mentioned(to(sent, GROUP)[0]!).sort()).toEqual([2001, 2002]);

      // T-3 is Sunday 15/11: sent on Friday 13/11 at 08:00, with a button that continues the interview.
      expect(await passAt(at("2026-11-13", "07:59"))).toHaveLength(0);
      sent = await passAt(at("2026-11-13", "08:00"));
      expect(to(sent, 2001)).toHaveLength(1);
      expect(to(sent, 2001)[0]!.text).toContain("còn 5 ngày");
      const next = await an.click(to(sent, 2001)[0]!, "resume:" + seeded.periodId);
      expect(next.text).toContain("nhiệm vụ trọng tâm");
      expect(to(sent, 2002)).toHaveLength(1);
      expect(to(sent, 2003)).toHaveLength(0);
      expect(mentioned(to(sent, GROUP)[0]!).sort()).toEqual([2001, 2002]);
      // The same moment again sends nothing.
      expect(await passAt(at("2026-11-13", "08:30"))).toHaveLength(0);

      // An finishes before T-1.
      await an.say("Tổng kết năm");
      await an.say("bỏ qua");
      expect((await an.say("bỏ qua")).text).toContain("🏁");

      sent = await passAt(at("2026-11-17", "08:00"));
      expect(to(sent, 2001)).toHaveLength(0);
      expect(to(sent, 2002)).toHaveLength(1);
      expect(to(sent, GROUP)).toHaveLength(1);
      expect(mentioned(to(sent, GROUP)[0]!)).toEqual([2002]);
      expect(to(sent, GROUP)[0]!.text).not.toContain("An:");

      // Deadline afternoon: the leader learns who is missing what.
      await passAt(at("2026-11-18", "08:00"));
      sent = await passAt(at("2026-11-18", "14:00"));
      expect(to(sent, 2004)).toHaveLength(1);
      expect(to(sent, 2004)[0]!.text).toMatch(/còn 1 người chưa xong:\n• Bình: Giáo dục - đào tạo \(0\/5\), Đánh giá chung \(0\/3\)$/);
      expect(to(sent, 2002)).toHaveLength(0);
      // The leader's /tiendo shows each section and each person.
      const progress = (await lanh.say("/tiendo")).text ?? "";
      expect(progress).toContain("✅ An: 1/1 phần, 3/3 câu");
      expect(progress).toContain("⏳ Bình: 0/2 phần, 0/8 câu");
      void binh;
    });

    it("a leader's /nhacnho waits for the end of quiet hours unless urgent; officers may not use it", async () => {
      const an = await join(2001, "An");
      await join(2002, "Bình Nguyễn");
      const lanh = await join(2004, "Lãnh", "leader");
      await assignTo(db, seeded, 2002, ["danh-gia-chung"]);
      await passAt(at("2026-11-09", "08:00"));

      expect((await an.say("/nhacnho Bình")).text).toContain("Chỉ lãnh đạo");
      clock = at("2026-11-10", "22:15");
      expect((await lanh.say("/nhacnho nguyen")).text).toContain("bot sẽ nhắc Bình Nguyễn lúc 07:00 11/11/2026");
      // Asked again: still one reminder.
      expect((await lanh.say("/nhacnho Bình Nguyễn")).text).toContain("lúc 07:00 11/11/2026");
      expect(to(await passAt(at("2026-11-10", "23:00")), 2002)).toHaveLength(0);
      const morning = to(await passAt(at("2026-11-11", "07:00")), 2002);
      expect(morning).toHaveLength(1);
      expect(morning[0]!.text).toContain("Lãnh đạo nhắc");

      // "gấp" is sent at once: the running scheduler is woken when the request is saved.
      clock = at("2026-11-11", "22:00");
      bot.core.reminders.start();
      await bot.core.reminders.pass();
      const from = fake.sent.length;
      expect((await lanh.say("/nhacnho Bình Nguyễn gấp")).text).toContain("Đã gửi nhắc nhở");
      await fake.waitFor((m) => m.chat_id === 2002, { after: from, timeoutMs: 10_000 });
      expect((await lanh.say("/nhacnho An")).text).toContain("không cần nhắc");
    });

    it("a 429 storm delays reminders without losing or repeating any", async () => {
      const people = [3001, 3002, 3003, 3004];
      for (const [i, id] of people.entries()) {
        await join(id, `Người ${i}`);
        await assignTo(db, seeded, id, [seeded.sectionKeys[i]!]);
      }
      fake.failWhile("sendMessage", () => ({ error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 }), 2500);
      await passAt(at("2026-11-09", "08:00"));
      for (const id of people) expect(fake.sentTo(id).filter((m) => (m.text ?? "").includes("đã mở"))).toHaveLength(1);
      expect(fake.calls.some((c) => c.method === "sendMessage" && c.error?.error_code === 429)).toBe(true);
      await passAt(at("2026-11-09", "09:00"));
      for (const id of people) expect(fake.sentTo(id).filter((m) => (m.text ?? "").includes("đã mở"))).toHaveLength(1);
    });
  });

  describe("a month of simulated time", () => {
    beforeEach(() => start(at("2026-11-02", "22:30")));

    it("never sends between 21:00 and 07:00, and every message the server got is one recorded as sent", async () => {
      const ids = [4001, 4002, 4003];
      for (const [i, id] of ids.entries()) {
        await join(id, `Cán bộ ${i}`);
        await assignTo(db, seeded, id, [seeded.sectionKeys[i]!]);
      }
      const lanh = await join(4009, "Lãnh", "leader");
      const quiet: string[] = [];
      for (let t = at("2026-11-02", "22:30").getTime(); t <= at("2026-12-02", "22:30").getTime(); t += 20 * 60_000) {
        const when = new Date(t);
        // A leader who works late asks for a nudge now and then.
        if (localMinutes(when, VN) === 21 * 60 + 50 && when.getUTCDate() % 5 === 0) await lanh.say("/nhacnho Cán bộ 1");
        const sent = (await passAt(when)).filter((m) => ids.includes(m.chat_id) || m.chat_id === 4009);
        if (sent.length && isQuiet(when, DEFAULT_POLICY.quietHours, VN)) quiet.push(`${when.toISOString()}: ${sent.length}`);
      }
      expect(quiet).toEqual([]);
      const delivered = await db.reminderDelivery.count({ where: { status: "sent" } });
      const received = fake.sent.filter((m) => [...ids, 4009].includes(m.chat_id) && /^(📋|⏰|❗|🔔|📊)/.test(m.text ?? "")).length;
      expect(received).toBe(delivered);
      // Opening (moved to 07:00), T-3, T-1, deadline morning and five overdue days for each officer.
      for (const id of ids) expect(fake.sentTo(id).filter((m) => /^(📋|⏰|❗)/.test(m.text ?? "")).length).toBeGreaterThanOrEqual(9);
      expect(fake.sentTo(4001).find((m) => (m.text ?? "").startsWith("📋"))).toBeDefined();
      const nudges = await db.reminderSlot.findMany({ where: { kind: "nudge" } });
      expect(nudges.length).toBeGreaterThan(0);
      for (const n of nudges) expect(localMinutes(n.dueAt, VN)).toBe(7 * 60);
    }, 240_000);
  });
});
