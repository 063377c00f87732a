/**
 * The conversation engine on its own (no channel): navigation, corrections with history,
 * last period's values, conditional questions and progress, on a real SQLite database.
 */
import { randomUUID } from "node:crypto";
import dayjs from "dayjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Incoming } from "../../src/conversation/types.js";
import { createLogger } from "../../src/logger.js";
import { tempSqliteUrl } from "../support/databases.js";
import { seedUnit, type SeededUnit } from "../support/seed.js";

let core: Core;
let seeded: SeededUnit;

async function say(text: string, user = "u1", chat = { externalId: user, kind: "private" as const }): Promise<string> {
  const incoming: Incoming = { channel: "console", updateKey: randomUUID(), chat, user: { externalId: user, displayName: `Người ${user}` }, messageId: randomUUID(), text };
  const replies = await core.engine.handle(incoming);
  return replies.map((r) => r.text).join("\n---\n");
}

async function assign(user: string, sections: string[], periodId = seeded.periodId): Promise<void> {
  const db = core.database.db;
  const identity = await db.identity.findUniqueOrThrow({ where: { channel_externalUserId: { channel: "console", externalUserId: user } } });
  const period = await db.period.findUniqueOrThrow({ where: { id: periodId } });
  for (const key of sections) {
    const section = await db.section.findUniqueOrThrow({ where: { templateVersionId_key: { templateVersionId: period.templateVersionId, key } } });
    await db.assignment.create({ data: { periodId, sectionId: section.id, memberId: identity.memberId } });
  }
}

beforeEach(async () => {
  core = await createCore(loadConfig({ DATABASE_URL: tempSqliteUrl(), LOG_LEVEL: "silent" }), createLogger("silent"));
  seeded = await seedUnit(core.database.db);
  await say("/start K7M2Q9");
});

afterEach(async () => {
  await core.database.close();
});

describe("conversation engine", () => {
  it("tells someone without an invite how to join, with an example", async () => {
    expect(await say("xin chào", "stranger")).toMatch(/\/start K7M2Q9/);
    expect(await say("/start SAIMA1", "stranger")).toMatch(/không đúng.*ví dụ: \/start/i);
  });

  it("says so when nothing is assigned", async () => {
    expect(await say("/nhap")).toContain("không có phần báo cáo nào");
  });

  it("skips only optional questions, goes back, and keeps the current answer with giữ nguyên", async () => {
    await assign("u1", ["kinh-te-ngan-sach"]);
    expect(await say("/nhap")).toContain("Tổng thu ngân sách");
    expect(await say("bỏ qua")).toContain("bắt buộc");
    await say("5,67 tỷ");
    expect(await say("quay lại")).toMatch(/Tổng thu ngân sách[\s\S]*Đang ghi: 5\.670\.000\.000 đồng/);
    const kept = await say("giữ nguyên");
    expect(kept).toContain("Giữ nguyên: 5.670.000.000 đồng");
    expect(kept).toContain("Tổng chi ngân sách");
    const revisions = await core.database.db.answerRevision.count();
    expect(revisions).toBe(1);
  });

  it("corrects an earlier answer with /sua and keeps every revision", async () => {
    await assign("u1", ["kinh-te-ngan-sach"]);
    await say("/nhap");
    await say("5,67 tỷ");
    await say("4,31 tỷ");
    const list = await say("/sua");
    expect(list).toMatch(/1\. Tổng thu ngân sách.*5\.670\.000\.000 đồng/);
    expect(await say("9")).toContain("từ 1 đến 2");
    expect(await say("/sua 1")).toContain("Đang ghi: 5.670.000.000 đồng");
    const after = await say("6 tỷ");
    expect(after).toContain("✅ Đã lưu: 6.000.000.000 đồng");
    // Back to the first open question, not to question 2.
    expect(after).toContain("câu 3/7");
    const answer = await core.database.db.answer.findFirstOrThrow({ where: { question: { key: "thu_ngan_sach" } }, include: { revisions: { orderBy: { revision: "asc" } } } });
    expect(answer.revision).toBe(2);
    expect(answer.revisions.map((r) => [r.raw, r.value])).toEqual([
      ["5,67 tỷ", { kind: "money", value: 5_670_000_000 }],
      ["6 tỷ", { kind: "money", value: 6_000_000_000 }],
    ]);
    expect(await core.database.db.auditLog.count({ where: { action: "answer.revised" } })).toBe(1);
  });

  it("shows last period's value and reuses it with giữ nguyên", async () => {
    const db = core.database.db;
    const october = await db.period.create({
      data: { unitId: seeded.unitId, templateVersionId: (await db.period.findUniqueOrThrow({ where: { id: seeded.periodId } })).templateVersionId, kind: "thang", year: 2026, number: 10, startsOn: "2026-09-15", endsOn: "2026-10-14", deadline: new Date("2026-10-18T10:00:00Z"), status: "submitted" },
    });
    await assign("u1", ["kinh-te-ngan-sach"], october.id);
    await db.period.update({ where: { id: october.id }, data: { status: "open" } });
    await say("/nhap");
    await say("5,1 tỷ");
    await db.period.update({ where: { id: october.id }, data: { status: "submitted" } });
    await assign("u1", ["kinh-te-ngan-sach"]);
    const asked = await say("/nhap");
    expect(asked).toContain("Kỳ trước: 5.100.000.000 đồng");
    expect(await say("giu nguyen")).toContain("✅ Đã lưu: 5.100.000.000 đồng");
    const november = await db.answer.findFirstOrThrow({ where: { periodId: seeded.periodId } });
    expect(november.value).toEqual({ kind: "money", value: 5_100_000_000 });
  });

  it("asks a conditional question only when its condition holds", async () => {
    await assign("u1", ["dat-dai-xay-dung-moi-truong"]);
    await say("/nhap");
    await say("68");
    await say("19");
    await say("17");
    const none = await say("0");
    expect(none).not.toContain("tiền xử phạt");
    expect(none).toContain("Diện tích đất");
    await say("quay lại");
    const some = await say("2");
    expect(some).toContain("Tổng số tiền xử phạt");
    expect(await say("62,5 triệu")).toContain("62.500.000 đồng");
  });

  it("pauses with /huy and resumes at the same question with /nhap", async () => {
    await assign("u1", ["kinh-te-ngan-sach"]);
    await say("/nhap");
    await say("5,67 tỷ");
    expect(await say("/huy")).toContain("tạm dừng");
    expect(await say("123")).toContain("/nhap");
    expect(await say("/NHẬP")).toContain("Tổng chi ngân sách");
  });

  it("closes a section with a recap and reports progress for the member and the unit", async () => {
    await assign("u1", ["quoc-phong"]);
    await say("/nhap");
    await say("12/12");
    await say("1");
    await say("5");
    const done = await say("bỏ qua");
    expect(done).toContain("🎉 Xong phần «Quốc phòng - quân sự địa phương»");
    expect(done).toMatch(/• .*: 12\/12 \(100,0%\)/);
    expect(done).toContain("🏁");
    const progress = await say("/tien do");
    expect(progress).toContain("✅ Quốc phòng - quân sự địa phương: 4/4");
    expect(progress).toMatch(/Cả đơn vị: 1\/1 phần đã xong/);
  });

  it("reopens a done section when an edit makes a follow-up question relevant, and closes it again once answered", async () => {
    await assign("u1", ["dat-dai-xay-dung-moi-truong"]);
    const db = core.database.db;
    const done = async () => (await db.assignment.findFirstOrThrow()).completedAt !== null;
    await say("/nhap");
    for (const answer of ["68", "19", "17", "0", "15.331,4", "99,9%"]) await say(answer);
    expect(await say("bỏ qua")).toContain("🎉 Xong phần «Đất đai");
    expect(await done()).toBe(true);

    // 4th answer: violations. 2 instead of 0 makes the fine's question relevant, and it is asked next.
    expect(await say("/sua 4")).toContain("Đang ghi: 0 vụ");
    const edited = await say("2");
    expect(edited).toContain("Tổng số tiền xử phạt vi phạm trật tự xây dựng");
    expect(edited).not.toContain("🎉");
    expect(await done()).toBe(false);
    expect(await say("/tiendo")).not.toContain("✅ Đất đai");

    expect(await say("62,5 triệu")).toContain("🎉 Xong phần «Đất đai");
    expect(await done()).toBe(true);
    const violations = await db.answer.findFirstOrThrow({ where: { question: { key: "vi_pham_trat_tu_xay_dung" } } });
    expect(violations.revision).toBe(2);
  });

  it("keeps one member's interview separate from another's in the same group", async () => {
    await say("/start K7M2Q9", "u2");
    await assign("u1", ["kinh-te-ngan-sach"]);
    await assign("u2", ["tu-phap-ho-tich"]);
    const group = { externalId: "g1", kind: "group" as const };
    const one = await core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: group, user: { externalId: "u1", displayName: "A" }, messageId: "1", text: "/nhap" });
    const two = await core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: group, user: { externalId: "u2", displayName: "B" }, messageId: "2", text: "/nhap" });
    expect(one[0]!.text).toContain("Kinh tế và ngân sách");
    expect(two[0]!.text).toContain("Tư pháp");
    expect(one[0]!.forceReply && two[0]!.forceReply).toBe(true);
    // Plain chatter in the group (no reply to the bot, no mention) is ignored.
    expect(await core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: group, user: { externalId: "u1", displayName: "A" }, text: "5 tỷ" })).toEqual([]);
  });

  it("links a second channel with a one-time code and continues the same interview there", async () => {
    await assign("u1", ["kinh-te-ngan-sach"]);
    await say("/nhap");
    await say("5,67 tỷ");
    const issued = await say("/lienket");
    const code = /\/lienket ([A-Z0-9]{6})/.exec(issued)![1]!;
    const zalo = (text: string) =>
      core.engine.handle({ channel: "zalo", updateKey: randomUUID(), chat: { externalId: "z1", kind: "private" }, user: { externalId: "z1", displayName: "Lan Zalo" }, text });
    expect((await zalo("/lienket SAIMA1"))[0]!.text).toContain("không đúng");
    expect((await zalo(`/lienket ${code.toLowerCase()}`))[0]!.text).toContain("Đã liên kết");
    expect((await zalo(`/lienket ${code}`))[0]!.text).toContain("không đúng");
    expect((await zalo("/nhap"))[0]!.text).toContain("Tổng chi ngân sách");
    expect((await zalo("4,31 tỷ"))[0]!.text).toContain("4.310.000.000 đồng");
    const db = core.database.db;
    const answers = await db.answer.findMany({ include: { revisions: true } });
    expect(answers.map((a) => a.raw).sort()).toEqual(["4,31 tỷ", "5,67 tỷ"]);
    expect(new Set(answers.map((a) => a.memberId)).size).toBe(1);
    expect(answers.flatMap((a) => a.revisions.map((r) => r.channel)).sort()).toEqual(["console", "zalo"]);
    const member = await db.member.findUniqueOrThrow({ where: { id: answers[0]!.memberId } });
    expect(member.lastChannel).toBe("zalo");
  });

  it("handles an update delivered twice once, and records a sent question once", async () => {
    await assign("u1", ["kinh-te-ngan-sach"]);
    await say("/nhap");
    const incoming: Incoming = { channel: "console", updateKey: "dup-1", chat: { externalId: "u1", kind: "private" }, user: { externalId: "u1", displayName: "Người u1" }, messageId: "m1", text: "5,67 tỷ" };
    const first = await core.engine.handle(incoming);
    expect(first[0]!.text).toContain("Đã lưu");
    // The second delivery is refused by the unique key inside the transaction: no reply, no error, no second revision.
    expect(await core.engine.handle(incoming)).toEqual([]);
    const db = core.database.db;
    expect((await db.answer.findFirstOrThrow()).revision).toBe(1);

    const prompt = first.find((r) => r.prompt)!.prompt!;
    await core.engine.recordPrompt(prompt, { externalMessageId: "900" });
    await core.engine.recordPrompt(prompt, { externalMessageId: "900" });
    expect(await db.prompt.count({ where: { externalMessageId: "900" } })).toBe(1);
  });

  it("asks which colleague is meant when two share the name, with the dates the officer typed in the example", async () => {
    const as = (user: string, name: string, text: string) =>
      core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: { externalId: user, kind: "private" }, user: { externalId: user, displayName: name }, text });
    await as("b1", "Nguyễn Văn Bình", "/start K7M2Q9");
    await as("b2", "Trần Thị Bình", "/start K7M2Q9");
    // Days still ahead whatever day the suite runs (a past range gets another reply).
    const [from, to] = [2, 6].map((d) => dayjs().add(d, "day").format("DD/MM"));
    const [answer] = await core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: { externalId: "u1", kind: "private" }, user: { externalId: "u1", displayName: "Người u1" }, text: `/vangmat từ ${from} đến ${to} cho Bình` });
    expect(answer!.text).toContain("Nguyễn Văn Bình, Trần Thị Bình");
    expect(answer!.text).toContain(`ví dụ: /vangmat ${from}-${to} cho Nguyễn Văn Bình`);
  });

  it("tells a leader when /nhacnho cannot reach the person, and when no period is open", async () => {
    const db = core.database.db;
    await say("/start K7M2Q9", "u2");
    const leader = await db.identity.findUniqueOrThrow({ where: { channel_externalUserId: { channel: "console", externalUserId: "u1" } } });
    await db.member.update({ where: { id: leader.memberId }, data: { role: "leader" } });
    // Added by an admin, never wrote to the bot; the unit has no group chat.
    const silent = await db.member.create({ data: { unitId: seeded.unitId, displayName: "Lê Văn Câm", role: "officer" } });
    const period = await db.period.findUniqueOrThrow({ where: { id: seeded.periodId } });
    const section = await db.section.findFirstOrThrow({ where: { key: "kinh-te-ngan-sach", templateVersionId: period.templateVersionId } });
    await db.assignment.create({ data: { periodId: seeded.periodId, sectionId: section.id, memberId: silent.id } });
    await assign("u2", ["giao-duc"]);

    expect(await say("/nhacnho Câm gấp")).toContain("Bot chưa nhắn được cho Lê Văn Câm");
    expect(await db.reminderSlot.count({ where: { kind: "nudge" } })).toBe(0);
    expect(await say("/nhacnho Người u2 gấp")).toContain("Đã gửi nhắc nhở tới Người u2");
    expect(await say("/nhacnho")).toMatch(/Lê Văn Câm[\s\S]*Người u2|Người u2[\s\S]*Lê Văn Câm/);

    await db.period.update({ where: { id: seeded.periodId }, data: { status: "locked" } });
    expect(await say("/nhacnho")).toContain("chưa có kỳ báo cáo nào đang mở");
  });
});
