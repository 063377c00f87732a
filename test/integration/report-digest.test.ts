/**
 * `/baocao` in chat: who and what is missing, key figures with comparisons computed from stored
 * values (never typed by officers), past periods, and refusal for officers.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignSection } from "../../src/admin/assign-section.js";
import { createInvite } from "../../src/admin/create-invite.js";
import { createUnit } from "../../src/admin/create-unit.js";
import { openPeriod } from "../../src/admin/open-period.js";
import { setPlanTarget } from "../../src/admin/set-plan-target.js";
import { createCore, type Core } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { tempSqliteUrl } from "../support/databases.js";

let core: Core;
const now = new Date("2026-11-23T03:00:00Z");
const tz = "Asia/Ho_Chi_Minh";

async function say(user: string, text: string): Promise<string> {
  const replies = await core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: { externalId: user, kind: "private" }, user: { externalId: user, displayName: user }, text });
  return replies.map((r) => r.text).join("\n");
}

async function join(user: string, role: "officer" | "leader"): Promise<void> {
  const invite = await createInvite(core.database.db, { unitCode: "p1", role, now });
  await say(user, `/start ${invite.code}`);
}

async function answerSection(user: string, answers: string[]): Promise<void> {
  await say(user, "/nhap");
  for (const a of answers) await say(user, a);
}

beforeEach(async () => {
  core = await createCore(loadConfig({ DATABASE_URL: tempSqliteUrl(), LOG_LEVEL: "silent" }), createLogger("silent"));
  const db = core.database.db;
  await createUnit(db, { code: "p1", name: "UBND Phường 1" });
  await join("Lan", "officer");
  await join("Minh", "officer");
  await join("Chủ tịch", "leader");
});

afterEach(async () => {
  await core.database.close();
});

describe("/baocao", () => {
  it("shows exactly who and what is missing, and computes the figures", async () => {
    const db = core.database.db;
    const ref = { kind: "6thang", year: 2023, number: 1 };
    await openPeriod(db, { unitCode: "p1", ...ref, now, timeZone: tz });
    await assignSection(db, { unitCode: "p1", periodRef: ref, sectionKey: "kinh-te-ngan-sach", member: "Lan" });
    await assignSection(db, { unitCode: "p1", periodRef: ref, sectionKey: "tu-phap-ho-tich", member: "Minh" });
    await setPlanTarget(db, { unitCode: "p1", year: 2023, questionKey: "thu_ngan_sach", value: 8_291_000_000 });
    await setPlanTarget(db, { unitCode: "p1", year: 2023, questionKey: "chi_ngan_sach", value: 8_291_000_000 });
    // The seed 6-month report's own figures: 5.670.000.000đ and 4.310.000.000đ of 8.291.000.000đ.
    // The 6-month template then asks for bank loans (skipped: none) and a summary (skipped).
    await answerSection("Lan", ["5.670.000.000đ", "4.310.000.000đ", "947", "12", "86", "3", "bỏ qua", "bỏ qua"]);
    await answerSection("Minh", ["52", "18"]);

    const digest = await say("Chủ tịch", "/báo cáo 6 tháng");
    expect(digest).toContain("6 tháng đầu năm 2023");
    expect(digest).toMatch(/Tổng thu ngân sách[^\n]*5\.670\.000\.000 đồng; đạt 68,4% dự toán năm/);
    expect(digest).toMatch(/Tổng chi ngân sách[^\n]*4\.310\.000\.000 đồng; đạt 52,0% dự toán năm/);
    expect(digest).toContain("chưa có số liệu cùng kỳ");
    expect(digest).toContain("⏳ Còn thiếu:");
    expect(digest).toContain("• Tư pháp - hộ tịch — Minh: 2/7 câu");
    expect(digest).not.toContain("Kinh tế và ngân sách — Lan");
    expect(digest).toMatch(/• Đất đai[^\n]*— \(chưa giao cho ai\): 0\/\d+ câu/);
    expect(digest).not.toMatch(/NaN|Infinity/);
  });

  it("answers for a past month, compares with the same month last year, and refuses officers", async () => {
    const db = core.database.db;
    for (const [year, value] of [[2025, "4 tỷ"], [2026, "5 tỷ"]] as const) {
      const ref = { kind: "thang", year, number: 10 };
      await openPeriod(db, { unitCode: "p1", ...ref, now, timeZone: tz });
      await assignSection(db, { unitCode: "p1", periodRef: ref, sectionKey: "kinh-te-ngan-sach", member: "Lan" });
      await answerSection("Lan", [value]);
      await db.period.updateMany({ where: { year, number: 10 }, data: { status: "submitted" } });
    }
    await openPeriod(db, { unitCode: "p1", kind: "thang", year: 2026, number: 11, now, timeZone: tz });
    expect(await say("Chủ tịch", "/baocao thang")).toContain("tháng 11/2026");
    const october = await say("Chủ tịch", "/BAOCAO THANG 10/2026");
    expect(october).toContain("tháng 10/2026");
    expect(october).toMatch(/Tổng thu ngân sách[^\n]*5\.000\.000\.000 đồng; tăng 25,0% so với cùng kỳ/);
    expect(await say("Chủ tịch", "/baocao thang 13/2026")).toContain("Thời gian chưa đúng");
    expect(await say("Chủ tịch", "/baocao")).toContain("Cần ghi rõ loại kỳ");
    expect(await say("Chủ tịch", "/baocao quy 2/2020")).toContain("Không tìm thấy");
    const refused = await say("Lan", "/baocao thang");
    expect(refused).toContain("chỉ dành cho lãnh đạo");
    expect(refused).not.toContain("5.000.000.000");
  });
  it("warns the officer about an answer that contradicts another, and lists it for the leader", async () => {
    const db = core.database.db;
    const ref = { kind: "thang", year: 2026, number: 11 };
    await openPeriod(db, { unitCode: "p1", ...ref, now, timeZone: tz });
    await assignSection(db, { unitCode: "p1", periodRef: ref, sectionKey: "kinh-te-ngan-sach", member: "Lan" });
    await say("Lan", "/nhap");
    for (const a of ["5 tỷ", "4 tỷ", "947", "12", "86"]) await say("Lan", a);
    const warned = await say("Lan", "90");
    expect(warned).toContain("✅ Đã lưu: 90 doanh nghiệp");
    expect(warned).toContain("⚠️ Lưu ý: «Số doanh nghiệp thành lập mới trong kỳ» (90 doanh nghiệp) lớn hơn «Tổng số doanh nghiệp đang hoạt động trên địa bàn» (86 doanh nghiệp).");
    const digest = await say("Chủ tịch", "/baocao thang");
    expect(digest).toContain("⚠️ Cần kiểm tra:");
    expect(digest).toContain("• «Số doanh nghiệp thành lập mới trong kỳ» (90 doanh nghiệp) lớn hơn");
    await say("Lan", "/sua 6");
    expect(await say("Lan", "3")).not.toContain("Lưu ý");
    expect(await say("Chủ tịch", "/baocao thang")).not.toContain("Cần kiểm tra");
  });
});
