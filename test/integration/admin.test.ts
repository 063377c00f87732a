/**
 * The admin command line, run in-process through runAdmin against a fresh database (SQLite, and
 * PostgreSQL when TEST_DATABASE_URL is set): the whole set-up of a ward from an empty database,
 * one Vietnamese line and a non-zero exit for every mistake, all-or-nothing writes, and invite
 * codes that the bot's /start accepts until they run out or expire.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInvite } from "../../src/admin/create-invite.js";
import { runAdmin } from "../../src/cli/run-admin.js";
import { join } from "../../src/conversation/commands.js";
import { createTranslator } from "../../src/i18n.js";
import { splitPostgresUrl } from "../../src/store/database.js";
import { providers, withTestDatabase, type TestDatabase } from "../support/test-db.js";

const t = createTranslator("vi");
const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

interface Run {
  code: number;
  out: string[];
  err: string[];
}

describe.each(providers)("admin command line on %s", (provider) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await withTestDatabase(provider, "admin");
  });

  afterEach(async () => {
    await test.close();
  });

  /** `line` split on spaces, then `extra` arguments as they are (names with spaces). */
  async function admin(line: string, ...extra: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin([...line.split(" "), ...extra], { out: (l) => out.push(l), err: (l) => err.push(l) }, { DATABASE_URL: test.url });
    return { code, out, err };
  }

  async function ok(line: string, ...extra: string[]): Promise<string[]> {
    const run = await admin(line, ...extra);
    expect(run.err, `${line} ${extra.join(" ")}`).toEqual([]);
    expect(run.code).toBe(0);
    return run.out;
  }

  /** `/start <code>` as the bot handles it, typed in lower case; returns the bot's reply. */
  async function joinBot(code: string, displayName: string, now = new Date()): Promise<string> {
    const user = randomUUID();
    const incoming = { channel: "telegram" as const, updateKey: randomUUID(), chat: { externalId: user, kind: "private" as const }, user: { externalId: user, displayName }, messageId: "1" };
    const replies = await test.db.$transaction((tx) => join(tx, t, incoming, code.toLowerCase(), now));
    return replies.map((r) => r.text).join("\n");
  }

  async function inviteCode(args = "--role officer --uses 10"): Promise<string> {
    const out = await ok(`invite create phuong-1 ${args}`);
    const code = /\/start (\S+)$/.exec(out.at(-1)!)?.[1];
    expect(code).toMatch(CODE);
    return code!;
  }

  async function memberId(name: string): Promise<number> {
    return (await test.db.member.findFirstOrThrow({ where: { displayName: name } })).id;
  }

  const auditCount = () => test.db.auditLog.count();

  it("sets up a ward from an empty database: unit, invite, period, assignments, progress", async () => {
    expect(await ok("unit create phuong-1 UBND Phường 1")).toEqual([
      "✅ Đã tạo đơn vị UBND Phường 1 (mã phuong-1).",
      "Tiếp theo, tạo mã mời: npm run baocao -- invite create phuong-1 --role officer",
    ]);

    const invite = await ok("invite create phuong-1 --role officer --uses 2");
    const code = /\/start (\S+)$/.exec(invite[1]!)![1]!;
    expect(code).toMatch(CODE);
    expect(invite[0]).toMatch(new RegExp(`^✅ Mã mời ${code} của UBND Phường 1: vai trò công chức chuyên môn, dùng được 2 lần, hết hạn ngày \\d\\d/\\d\\d/\\d{4}\\.$`));
    expect(invite[1]).toBe(`Người được mời mở bot và gõ: /start ${code}`);
    expect(await joinBot(code, "Nguyễn Văn An")).toContain("Chào Nguyễn Văn An! Bạn đã tham gia UBND Phường 1 với vai trò công chức chuyên môn.");
    expect(await joinBot(code, "Trần Thị Bình")).toContain("Chào Trần Thị Bình!");
    const an = await memberId("Nguyễn Văn An");
    const binh = await memberId("Trần Thị Bình");

    expect(await ok("period open phuong-1 thang 11/2026 --deadline 18/11/2026")).toEqual([
      "✅ Đã mở kỳ báo cáo tháng 11/2026 cho UBND Phường 1: số liệu từ 15/10/2026 đến 14/11/2026, hạn nộp 17:00 ngày 18/11/2026.",
      "Mẫu báo cáo: Báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh phường (phiên bản 2).",
    ]);
    const period = await test.db.period.findFirstOrThrow({ include: { templateVersion: { include: { sections: { orderBy: { position: "asc" } } } } } });
    expect(period).toMatchObject({ kind: "thang", year: 2026, number: 11, startsOn: "2026-10-15", endsOn: "2026-11-14", status: "open" });
    expect(period.deadline.toISOString()).toBe("2026-11-18T10:00:00.000Z");
    const sections = period.templateVersion.sections;

    const all = await ok("assign phuong-1 thang 11/2026 all nguyen van an");
    expect(all[0]).toBe(`✅ Đã giao ${sections.length} phần của kỳ tháng 11/2026 cho Nguyễn Văn An (#${an}):`);
    expect(all.slice(1)).toEqual(sections.map((s) => `  • ${s.key} — ${s.title}`));
    expect(await ok(`assign phuong-1 thang 11/2026 y-te #${binh}`)).toEqual([
      `✅ Đã giao 1 phần của kỳ tháng 11/2026 cho Trần Thị Bình (#${binh}):`,
      "  • y-te — Y tế, dân số, an toàn thực phẩm (trước đây: Nguyễn Văn An)",
    ]);
    expect(await test.db.assignment.count({ where: { periodId: period.id } })).toBe(sections.length);
    expect(await test.db.assignment.count({ where: { periodId: period.id, memberId: binh } })).toBe(1);

    const members = await ok("members phuong-1");
    expect(members[0]).toBe("Thành viên của UBND Phường 1 (2 người):");
    expect(members[1]).toMatch(new RegExp(`^  #${an} Nguyễn Văn An — công chức chuyên môn — telegram — tham gia \\d\\d/\\d\\d/\\d{4}$`));

    const listed = await ok("sections phuong-1");
    expect(listed[0]).toBe("Các phần của kỳ tháng 11/2026 — UBND Phường 1:");
    expect(listed).toContain(`  y-te — Y tế, dân số, an toàn thực phẩm — Trần Thị Bình (#${binh})`);
    expect(listed).toContain(`  kinh-te-ngan-sach — Kinh tế và ngân sách — Nguyễn Văn An (#${an})`);

    // Two answers in the budget section, as the bot would have stored them.
    const budget = await test.db.question.findMany({ where: { section: { templateVersionId: period.templateVersionId, key: "kinh-te-ngan-sach" } }, orderBy: { position: "asc" } });
    for (const q of budget.slice(0, 2)) {
      await test.db.answer.create({ data: { periodId: period.id, questionId: q.id, memberId: an, value: { kind: "money", value: 5_670_000_000 }, raw: "5,67 tỷ" } });
    }
    const progress = await ok("progress phuong-1");
    expect(progress[0]).toBe("📊 Tiến độ kỳ tháng 11/2026 — UBND Phường 1 (hạn nộp 18/11/2026):");
    expect(progress).toContain(`  ⏳ kinh-te-ngan-sach — Kinh tế và ngân sách: 2/${budget.length} câu — Nguyễn Văn An (#${an})`);
    expect(progress.at(-1)).toMatch(/^Cả đơn vị: 0\/13 phần đã xong, 2\/\d+ câu \(\d+%\)\.$/);
    expect(await ok("progress phuong-1 thang 11/2026")).toEqual(progress);

    const actions = (await test.db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["unit.created", "invite.created", "member.joined", "member.joined", "period.opened", "sections.assigned", "sections.assigned"]);
  });

  it("opens annual and 9-month periods from the year alone, due 2 working days after the cut-off at 17:00", async () => {
    await ok("unit create phuong-1 UBND Phường 1");
    expect((await ok("period open phuong-1 nam 2026"))[0]).toBe(
      "✅ Đã mở kỳ báo cáo năm 2026 cho UBND Phường 1: số liệu từ 15/12/2025 đến 14/12/2026, hạn nộp 17:00 ngày 16/12/2026.",
    );
    // 14/11/2026 is a Saturday: due Tuesday 17/11.
    expect((await ok("period open phuong-1 thang 11/2026"))[0]).toContain("hạn nộp 17:00 ngày 17/11/2026");
    expect((await ok("period open phuong-1 9thang 2026"))[0]).toContain("số liệu từ 15/12/2025 đến 14/09/2026");
    expect((await ok("period open phuong-1 quy 1/2026 --template ward-monthly"))[0]).toContain("quý I/2026");
    const annual = await test.db.period.findFirstOrThrow({ where: { kind: "nam" } });
    expect(annual.deadline.toISOString()).toBe("2026-12-16T10:00:00.000Z");
  });

  it("opens each kind with its own template, and the term report as a year with --template ward-term", async () => {
    await ok("unit create phuong-1 UBND Phường 1");
    const templateOf = async (line: string) => (await ok(line))[1];
    expect(await templateOf("period open phuong-1 thang 11/2026")).toBe("Mẫu báo cáo: Báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh phường (phiên bản 2).");
    expect(await templateOf("period open phuong-1 quy 4/2026")).toBe("Mẫu báo cáo: Báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh phường (phiên bản 2).");
    expect(await templateOf("period open phuong-1 6thang 1/2026")).toBe("Mẫu báo cáo: Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng, 9 tháng (phiên bản 1).");
    expect(await templateOf("period open phuong-1 9thang 2026")).toBe("Mẫu báo cáo: Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng, 9 tháng (phiên bản 1).");
    expect(await templateOf("period open phuong-1 nam 2026")).toBe("Mẫu báo cáo: Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm (phiên bản 1).");
    expect(await templateOf("period open phuong-1 nam 2025 --template ward-term")).toBe("Mẫu báo cáo: Báo cáo kết quả thực hiện nhiệm vụ giữa nhiệm kỳ, cả nhiệm kỳ (phiên bản 1).");
  });

  it("records yearly plan targets in the indicator's own unit, replacing an earlier value", async () => {
    await ok("unit create phuong-1 UBND Phường 1");
    expect(await ok("plan set phuong-1 2026 thu_ngan_sach 8.291.000.000")).toEqual([
      "✅ Đã ghi dự toán năm 2026 của UBND Phường 1 cho chỉ tiêu thu_ngan_sach («Tổng thu ngân sách nhà nước trên địa bàn phường trong kỳ»): 8.291.000.000 đồng.",
    ]);
    expect(await ok("plan set phuong-1 2026 thu_ngan_sach 8,5 tỷ")).toEqual([
      "✅ Đã ghi dự toán năm 2026 của UBND Phường 1 cho chỉ tiêu thu_ngan_sach («Tổng thu ngân sách nhà nước trên địa bàn phường trong kỳ»): 8.500.000.000 đồng.",
      "Giá trị trước đó: 8.291.000.000 đồng.",
    ]);
    expect((await ok("plan set phuong-1 2026 viec_lam_moi 1.200"))[0]).toMatch(/: 1\.200 người\.$/);
    const plans = await test.db.planTarget.findMany({ orderBy: { questionKey: "asc" } });
    expect(plans.map((p) => [p.year, p.questionKey, p.value])).toEqual([
      [2026, "thu_ngan_sach", 8_500_000_000],
      [2026, "viec_lam_moi", 1200],
    ]);
  });

  describe("mistakes", () => {
    beforeEach(async () => {
      await ok("unit create phuong-1 UBND Phường 1");
      await ok("unit create phuong-2 UBND Phường 2");
      await ok("period open phuong-1 thang 11/2026");
      const code = await inviteCode();
      await joinBot(code, "Nguyễn Văn An");
      await joinBot(code, "NGUYEN VAN AN");
      await joinBot(code, "Trần Thị Bình");
    });

    it.each<[string, number, RegExp]>([
      ["xoa phuong-1", 2, /^Lỗi: Không có lệnh «xoa»\. Gõ npm run baocao -- help/],
      ["unit taoo phuong-3 X", 2, /^Lỗi: Không có lệnh «unit taoo»/],
      ["members", 2, /^Lỗi: Sai cú pháp\. Cách dùng: npm run baocao -- members <mã-đơn-vị>$/],
      ["invite create phuong-1", 2, /^Lỗi: Sai cú pháp\. Cách dùng: npm run baocao -- invite create <mã-đơn-vị> --role/],
      ["invite create phuong-1 --role officer --foo 1", 2, /^Lỗi: Lệnh này không có tùy chọn --foo\./],
      ["invite create phuong-1 --role", 2, /^Lỗi: Tùy chọn --role cần một giá trị\./],
      ["invite create phuong-1 --role officer --uses nhieu", 2, /^Lỗi: Tùy chọn --uses cần một số nguyên, ví dụ: --uses 5$/],
      ["period open phuong-1 thang 2026", 2, /^Lỗi: Kỳ «2026» viết chưa đúng\./],
      ["plan set phuong-1 26 thu_ngan_sach 5", 2, /^Lỗi: Năm «26» viết chưa đúng, ví dụ: 2026\.$/],
      ["unit create phuong-1 Trùng mã", 1, /^Lỗi: Đã có đơn vị mã «phuong-1» \(UBND Phường 1\)\.$/],
      ["unit create phường-3 Tên", 1, /^Lỗi: Mã đơn vị «phường-3» không hợp lệ: chỉ dùng chữ thường không dấu/],
      ["invite create phuong-9 --role officer", 1, /^Lỗi: Không có đơn vị mã «phuong-9»\. Tạo đơn vị: npm run baocao -- unit create phuong-9 <tên đơn vị>$/],
      ["invite create phuong-1 --role truong-phong", 1, /^Lỗi: Vai trò «truong-phong» không hợp lệ; chọn một trong: officer/],
      ["invite create phuong-1 --role officer --uses 0", 1, /^Lỗi: Số lần dùng mã mời phải là số nguyên từ 1 đến 500/],
      ["invite create phuong-1 --role officer --days 400", 1, /^Lỗi: Số ngày hiệu lực của mã mời phải là số nguyên từ 1 đến 365/],
      ["period open phuong-1 thang 11/2026", 1, /^Lỗi: Kỳ tháng 11\/2026 của UBND Phường 1 đã được mở rồi\.$/],
      ["period open phuong-1 thang 13/2026", 1, /^Lỗi: Kỳ số 13 không có với loại thang: chọn từ 1 đến 12\.$/],
      ["period open phuong-1 tuan 1/2026", 1, /^Lỗi: Loại kỳ «tuan» không hợp lệ/],
      ["period open phuong-1 thang 1/1999", 1, /^Lỗi: Năm 1999 không hợp lệ: chọn từ 2000 đến 2100\.$/],
      ["period open phuong-1 quy 4/2026 --deadline 31/02/2026", 1, /^Lỗi: Ngày «31\/02\/2026» không hợp lệ; viết ngày\/tháng\/năm, ví dụ: 18\/11\/2026\.$/],
      ["period open phuong-1 quy 4/2026 --deadline 12/12/2026", 1, /^Lỗi: Hạn nộp 12\/12\/2026 phải sau ngày chốt số liệu 14\/12\/2026\.$/],
      ["period open phuong-1 6thang 1/2026 --template ward-monthly", 1, /^Lỗi: Mẫu «ward-monthly» không dùng cho loại kỳ 6thang; mẫu này dùng cho: thang, quy\.$/],
      ["period open phuong-1 quy 4/2026 --template mau-khac", 1, /^Lỗi: Chưa có mẫu báo cáo «mau-khac»\. Các mẫu đang có: ward-6-9-month, ward-annual, ward-monthly, ward-term\.$/],
      ["assign phuong-1 thang 11/2026 ngoai-giao Trần Thị Bình", 1, /^Lỗi: Kỳ tháng 11\/2026 không có phần «ngoai-giao»\. Các phần: kinh-te-ngan-sach, dat-dai-xay-dung-moi-truong, .*nhiem-vu-ky-toi \(hoặc all để giao tất cả\)\.$/],
      ["assign phuong-1 thang 11/2026 all Lê Văn Cường", 1, /^Lỗi: UBND Phường 1 không có thành viên «Lê Văn Cường»\. Xem danh sách: npm run baocao -- members phuong-1$/],
      ["assign phuong-1 thang 11/2026 all nguyễn văn an", 1, /^Lỗi: Có 2 thành viên tên «nguyễn văn an»: #\d+ Nguyễn Văn An, #\d+ NGUYEN VAN AN\. Hãy ghi mã số thành viên thay cho tên, ví dụ: #\d+\.$/],
      ["assign phuong-1 thang 12/2026 all Trần Thị Bình", 1, /^Lỗi: UBND Phường 1 chưa mở kỳ tháng 12\/2026\./],
      ["assign phuong-2 thang 11/2026 all Trần Thị Bình", 1, /^Lỗi: UBND Phường 2 chưa mở kỳ tháng 11\/2026\./],
      ["plan set phuong-1 2026 co_so_kinh_doanh 900", 1, /^Lỗi: «co_so_kinh_doanh» không phải chỉ tiêu có kế hoạch năm trong mẫu «ward-monthly»\. Chọn một trong: thu_ngan_sach, chi_ngan_sach, viec_lam_moi\.$/],
      ["plan set phuong-1 2026 thu_ngan_sach 5,67", 1, /^Lỗi: Kế hoạch của «thu_ngan_sach» phải là số nguyên, ví dụ: 5\.670\.000\.000đ hoặc 5,67 tỷ\.$/],
      ["plan set phuong-1 2026 thu_ngan_sach nhiều lắm", 1, /^Lỗi: Không đọc được giá trị «nhiều lắm»/],
      ["progress phuong-1 quy 1/2026", 1, /^Lỗi: UBND Phường 1 chưa mở kỳ quý I\/2026\./],
      ["sections phuong-2", 1, /^Lỗi: UBND Phường 2 chưa có kỳ báo cáo nào đang mở\. Mở kỳ, ví dụ: npm run baocao -- period open phuong-2 thang 11\/2026$/],
    ])("%s → exit %i with one Vietnamese line", async (line, exitCode, message) => {
      const before = await auditCount();
      const run = await admin(line);
      expect(run.out).toEqual([]);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(message);
      expect(run.code).toBe(exitCode);
      expect(await auditCount()).toBe(before);
    });

    it("refuses a member of another unit named by id", async () => {
      const other = await test.db.member.create({ data: { unitId: (await test.db.unit.findUniqueOrThrow({ where: { code: "phuong-2" } })).id, displayName: "Người ngoài", role: "officer" } });
      const run = await admin(`assign phuong-1 thang 11/2026 all #${other.id}`);
      expect(run).toEqual({ code: 1, out: [], err: [`Lỗi: UBND Phường 1 không có thành viên «#${other.id}». Xem danh sách: npm run baocao -- members phuong-1`] });
    });

    it("refuses to assign in a period that is no longer open", async () => {
      await test.db.period.updateMany({ data: { status: "locked" } });
      const run = await admin("assign phuong-1 thang 11/2026 all", "Trần Thị Bình");
      expect(run).toEqual({ code: 1, out: [], err: ["Lỗi: Kỳ tháng 11/2026 đã khóa hoặc đã nộp, không phân công được nữa."] });
    });

    it("prints help on request, and with a usage exit code when no command is given", async () => {
      const help = await admin("help");
      expect(help.code).toBe(0);
      expect(help.out.join("\n")).toContain("period open <mã-đơn-vị> <loại-kỳ> <số>/<năm> [--deadline dd/mm/yyyy]");
      const none = await runAdmin([], { out: () => undefined, err: () => undefined }, { DATABASE_URL: test.url });
      expect(none).toBe(2);
    });

    it("leaves no partial rows when assigning every section fails halfway", async () => {
      const an = await memberId("Nguyễn Văn An");
      await ok(`assign phuong-1 thang 11/2026 kinh-te-ngan-sach #${an}`);
      const period = await test.db.period.findFirstOrThrow({ where: { kind: "thang", number: 11 } });
      const sections = await test.db.section.findMany({ where: { templateVersionId: period.templateVersionId }, orderBy: { position: "asc" } });
      await failInsertsOfAssignmentFor(sections[5]!.id);
      const before = await auditCount();

      const run = await admin("assign phuong-1 thang 11/2026 all", "Trần Thị Bình");
      expect(run.code).toBe(1);
      expect(run.out).toEqual([]);
      // What the database says depends on the provider; it comes as one line without our source code.
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(/^Lỗi: \S/);
      expect(run.err[0]).not.toMatch(/assign-section\.ts|invocation/);

      // The hand-over of the first section and the four sections inserted before the failure are all undone.
      const rows = await test.db.assignment.findMany({ include: { member: true, section: true } });
      expect(rows.map((r) => [r.section.key, r.member.displayName])).toEqual([["kinh-te-ngan-sach", "Nguyễn Văn An"]]);
      expect(await auditCount()).toBe(before);
    });

    async function failInsertsOfAssignmentFor(sectionId: number): Promise<void> {
      if (provider === "sqlite") {
        await test.db.$executeRawUnsafe(`CREATE TRIGGER fail_assign BEFORE INSERT ON "Assignment" WHEN NEW."sectionId" = ${sectionId} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
        return;
      }
      const { schema } = splitPostgresUrl(test.url);
      await test.db.$executeRawUnsafe(
        `CREATE FUNCTION "${schema}".fail_assign() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."sectionId" = ${sectionId} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`,
      );
      await test.db.$executeRawUnsafe(`CREATE TRIGGER fail_assign BEFORE INSERT ON "${schema}"."Assignment" FOR EACH ROW EXECUTE FUNCTION "${schema}".fail_assign()`);
    }
  });

  describe("invite codes", () => {
    beforeEach(async () => {
      await ok("unit create phuong-1 UBND Phường 1");
    });

    it("are unique, drawn from the unambiguous alphabet", async () => {
      const codes = new Set<string>();
      for (let i = 0; i < 100; i++) codes.add((await createInvite(test.db, { unitCode: "phuong-1", role: "officer", now: new Date() })).code);
      expect(codes.size).toBe(100);
      for (const code of codes) expect(code).toMatch(CODE);
    });

    it("draw again when a code is already taken", async () => {
      // The first six draws give AAAAAA; the next six give AAAAAA again, then BBBBBB.
      let draws = 0;
      const predictable = () => (draws++ < 12 ? 0 : 1);
      const now = new Date();
      expect((await createInvite(test.db, { unitCode: "phuong-1", role: "officer", now }, predictable)).code).toBe("AAAAAA");
      expect((await createInvite(test.db, { unitCode: "phuong-1", role: "officer", now }, predictable)).code).toBe("BBBBBB");
    });

    it("store the role, uses and validity given on the command line", async () => {
      const started = Date.now();
      const code = await inviteCode("--role leader --uses 3 --days 3");
      const row = await test.db.invite.findUniqueOrThrow({ where: { code } });
      expect(row).toMatchObject({ role: "leader", maxUses: 3, uses: 0 });
      expect(row.expiresAt!.getTime() - started).toBeGreaterThanOrEqual(3 * 86_400_000);
      expect(row.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(3 * 86_400_000);
    });

    it("work until they expire or run out of uses", async () => {
      const now = new Date("2026-11-01T03:00:00Z");
      const day = 86_400_000;
      const { code } = await createInvite(test.db, { unitCode: "phuong-1", role: "officer", maxUses: 2, expiresInDays: 14, now });
      expect(await joinBot(code, "Người 1", new Date(now.getTime() + 13 * day))).toContain("Chào Người 1!");
      const refused = `Mã mời «${code.toLowerCase()}» không đúng, đã hết hạn hoặc đã dùng hết.`;
      expect(await joinBot(code, "Người 2", new Date(now.getTime() + 15 * day))).toContain(refused);
      expect(await joinBot(code, "Người 3", new Date(now.getTime() + day))).toContain("Chào Người 3!");
      expect(await joinBot(code, "Người 4", new Date(now.getTime() + day))).toContain(refused);
      expect((await test.db.member.findMany({ orderBy: { id: "asc" } })).map((m) => m.displayName)).toEqual(["Người 1", "Người 3"]);
    });
  });
});
