/**
 * The compiled report from stored answers: every figure of the seed 6-month report's economy,
 * budget and land sections (../shared/seeds/000_eda96f6d5debd651.txt) goes in through the
 * conversation engine, the admin command line writes the .docx, and its text has the sentences of
 * the 6-month template's patterns with the computed figures (not the seed's slips: 4.310/8.291 is
 * 52,0%, not 51%).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignSection } from "../../src/admin/assign-section.js";
import { createInvite } from "../../src/admin/create-invite.js";
import { createUnit } from "../../src/admin/create-unit.js";
import { openPeriod } from "../../src/admin/open-period.js";
import { setPlanTarget } from "../../src/admin/set-plan-target.js";
import { createCore, type Core } from "../../src/app.js";
import { runAdmin } from "../../src/cli/run-admin.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { tempSqliteUrl } from "../support/databases.js";

let core: Core;
let url: string;
const now = new Date("2023-06-20T03:00:00Z");

function documentText(docx: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"]!);
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&");
}

/**
 * The answers in the order the bot asks them. Values not in the seed are marked: the template
 * asks them, so the test gives the template's own examples, or skips them where it may.
 */
const ANSWERS = [
  // Kinh tế và ngân sách
  "5.670.000.000đ", // thu ngân sách 6 tháng (dự toán 8.291.000.000đ)
  "4.310.000.000đ", // chi ngân sách
  "947", // cơ sở kinh doanh ("Tăng 340 cơ sở so với cùng kỳ": 607 last year)
  "12", // hộ đăng ký mới: not in the seed
  "86", // doanh nghiệp: not in the seed
  "3", // doanh nghiệp mới: not in the seed
  "75", // hộ vay vốn Ngân hàng Chính sách xã hội
  "3 tỷ", // "tổng số tiền trên 3 tỷ đồng"
  "Tình hình sản xuất kinh doanh trên địa bàn ổn định.",
  // Đất đai - địa chính - môi trường: "68 hồ sơ (17 hồ sơ đổi giấy, 18 cấp giấy, 5 sửa sai, 28 HS sở hữu nhà)"
  "68",
  "17",
  "5",
  "28",
  "18",
  "3/6", // đất công: 06 thửa, đã cấp giấy 03 thửa
  "bỏ qua", // giải phóng mặt bằng: not in the seed
  "99,9%", // thu gom rác
  "Ra quân vệ sinh lập lại trật tự bờ kè sông Cái Sao Thượng.",
  // Xây dựng - trật tự đô thị - đầu tư
  "bỏ qua", // giấy phép xây dựng: not in the seed
  "140", // "kiểm tra 140 lượt …
  "28", // … xử phạt 28 trường hợp …
  "20.050.000đ", // … số tiền là 20.050.000 đ"
  "2", // 02 trường hợp vi phạm xây dựng …
  "62,5 triệu", // … xử phạt 17.500.000 đ và 45.000.000 đ
  "1", // 01 công trình do Ủy ban nhân dân phường làm chủ đầu tư …
  "250 triệu", // … tổng mức đầu tư: 250.000.000 đồng
  "bỏ qua", // trật tự đô thị (text)
];

beforeEach(async () => {
  url = tempSqliteUrl();
  core = await createCore(loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" }), createLogger("silent"));
  const db = core.database.db;
  await createUnit(db, { code: "phuong-1", name: "Phường 1" });
  const invite = await createInvite(db, { unitCode: "phuong-1", role: "officer", now: new Date() });
  const say = async (text: string) => {
    const replies = await core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: { externalId: "lan", kind: "private" }, user: { externalId: "lan", displayName: "Lan" }, text });
    return replies.map((r) => r.text).join("\n");
  };
  await say(`/start ${invite.code}`);
  // Last year's figure the seed compares with, as a stored answer of the 2022 period.
  const lastYear = await openPeriod(db, { unitCode: "phuong-1", kind: "6thang", year: 2022, number: 1, now, timeZone: "Asia/Ho_Chi_Minh" });
  const member = await db.member.findFirstOrThrow({ where: { displayName: "Lan" } });
  const shops = await db.question.findFirstOrThrow({ where: { key: "co_so_kinh_doanh", section: { templateVersion: { periods: { some: { id: lastYear.id } } } } } });
  await db.answer.create({ data: { periodId: lastYear.id, questionId: shops.id, memberId: member.id, value: { kind: "count", value: 607, unit: "cơ sở" }, raw: "607" } });
  await db.period.update({ where: { id: lastYear.id }, data: { status: "submitted" } });

  const ref = { kind: "6thang", year: 2023, number: 1 };
  await openPeriod(db, { unitCode: "phuong-1", ...ref, now, timeZone: "Asia/Ho_Chi_Minh" });
  for (const sectionKey of ["kinh-te-ngan-sach", "dat-dai-moi-truong", "xay-dung-do-thi"]) {
    await assignSection(db, { unitCode: "phuong-1", periodRef: ref, sectionKey, member: "Lan" });
  }
  await setPlanTarget(db, { unitCode: "phuong-1", year: 2023, questionKey: "thu_ngan_sach", value: 8_291_000_000 });
  await setPlanTarget(db, { unitCode: "phuong-1", year: 2023, questionKey: "chi_ngan_sach", value: 8_291_000_000 });
  await say("/nhap");
  for (const text of ANSWERS) expect(await say(text), text).not.toContain("Chưa hiểu");
  expect(await db.answer.count({ where: { period: { year: 2023 } } })).toBe(ANSWERS.length);
});

afterEach(async () => {
  await core.database.close();
});

describe("compiled report", () => {
  it("writes the .docx from the admin command line with computed sentences, headings, closing and annex", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "baocao-report-")), "bao-cao.docx");
    const lines: string[] = [];
    const errors: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
    const env = { DATABASE_URL: url, LOG_LEVEL: "silent", BAOCAO_FILES_DIR: join(tmpdir(), `baocao-files-${randomUUID()}`) };
    const settings = ["unit", "settings", "phuong-1", "--signer", "Nguyễn Văn An", "--signer-title", "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH", "--recipients", "UBND tỉnh Đồng Tháp;|Lưu: VT, VP.", "--symbol", "BC-UBND"];
    expect(await runAdmin(settings, io, env)).toBe(0);
    const code = await runAdmin(["report", "phuong-1", "6thang", "1/2023", "--out", out], io, env);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines.join("\n")).toContain("phiên bản 1");
    const text = documentText(readFileSync(out));
    const paragraphs = text.split("\n");
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("BÁO CÁO");
    // The trích yếu names the next period's tasks, as 6-month reports do.
    expect(paragraphs).toContain("Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2023, phương hướng, nhiệm vụ 6 tháng cuối năm 2023");
    const headings = [
      "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
      "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2023",
      "1. Lĩnh vực kinh tế",
      "a) Kinh tế và ngân sách",
      "b) Đất đai - địa chính - môi trường",
      "c) Xây dựng - trật tự đô thị - đầu tư",
      "2. Lĩnh vực văn hóa - xã hội",
      "III. ĐÁNH GIÁ CHUNG",
      "1. Những mặt tích cực đạt được",
      "2. Những tồn tại, hạn chế",
      "3. Nguyên nhân",
      "IV. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU 6 THÁNG CUỐI NĂM 2023",
    ];
    expect(paragraphs.filter((p) => headings.includes(p))).toEqual(headings);
    // Every seed figure of the three sections, in the template's sentences, in this order.
    const sentences = [
      "Trong 6 tháng đầu năm 2023, tổng thu ngân sách nhà nước trên địa bàn phường được 5.670.000.000 đồng/8.291.000.000 đồng, đạt 68,4% dự toán năm; chưa có số liệu cùng kỳ để so sánh.",
      "Trong 6 tháng đầu năm 2023, tổng chi ngân sách phường là 4.310.000.000 đồng/8.291.000.000 đồng, đạt 52,0% dự toán năm; chưa có số liệu cùng kỳ để so sánh.",
      "Hiện nay trên địa bàn phường có 947 cơ sở kinh doanh (tăng 340 cơ sở so với cùng kỳ); trong kỳ có 12 hộ đăng ký kinh doanh mới.",
      "Toàn phường có 86 doanh nghiệp đang hoạt động (chưa có số liệu cùng kỳ để so sánh), trong đó 3 doanh nghiệp thành lập mới trong kỳ.",
      "Hỗ trợ 75 hộ kinh doanh vừa và nhỏ vay vốn giải quyết việc làm từ Ngân hàng Chính sách xã hội với tổng số tiền 3.000.000.000 đồng.",
      "Tình hình sản xuất kinh doanh trên địa bàn ổn định.",
      "Xác nhận 68 hồ sơ lĩnh vực đất đai, trong đó 17 hồ sơ cấp đổi giấy chứng nhận, 5 hồ sơ chỉnh lý, sửa sai, 28 hồ sơ xác nhận sở hữu nhà; cấp mới 18 giấy chứng nhận quyền sử dụng đất.",
      "Quản lý 6 thửa đất công, đã cấp Giấy chứng nhận 3 thửa.",
      "Tỷ lệ hộ dân đăng ký thu gom rác thải sinh hoạt trên địa bàn đạt 99,9%.",
      "Ra quân vệ sinh lập lại trật tự bờ kè sông Cái Sao Thượng.",
      "Tổ kiểm tra trật tự đô thị kiểm tra 140 lượt, xử phạt 28 trường hợp vi phạm lấn chiếm vỉa hè, lòng đường với số tiền 20.050.000 đồng.",
      "Qua kiểm tra phát hiện 2 vụ vi phạm trật tự xây dựng, đã xử phạt vi phạm hành chính với tổng số tiền 62.500.000 đồng.",
      "Xây dựng, sửa chữa 1 công trình do Ủy ban nhân dân phường làm chủ đầu tư, tổng mức đầu tư 250.000.000 đồng.",
    ];
    const economy = paragraphs.slice(paragraphs.indexOf("a) Kinh tế và ngân sách") + 1, paragraphs.indexOf("2. Lĩnh vực văn hóa - xã hội"));
    expect(economy.filter((p) => !/^[bc]\) /.test(p))).toEqual(sentences);
    expect(text).toMatch(/\.\/\./);
    expect(text).toContain("Trên đây là báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2023, phương hướng, nhiệm vụ 6 tháng cuối năm 2023 của Ủy ban nhân dân Phường 1./.");
    expect(text).toContain("PHỤ LỤC");
    expect(text).toContain("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2023");
    expect(text).toContain("Nguyễn Văn An");
    expect(text).toContain("KT. CHỦ TỊCH");
    expect(text).toContain("PHÓ CHỦ TỊCH");
    expect(text).toContain("UBND tỉnh Đồng Tháp;");
    expect(text).toMatch(/Phường 1, ngày/);
    expect(text).not.toMatch(/NaN|undefined|Infinity|\{|\[/);
    const stored = await core.database.db.generatedFile.findMany();
    expect(stored.map((f) => [f.kind, f.version])).toEqual([["report-docx", 1]]);
  });

  // Runs where LibreOffice and poppler are installed; .ci/run installs them.
  it.runIf(hasLibreOffice())("converts to PDF in LibreOffice, with the computed figures, the closing and the signer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "baocao-lo-"));
    const out = join(dir, "bc.docx");
    const env = { DATABASE_URL: url, LOG_LEVEL: "silent", BAOCAO_FILES_DIR: join(dir, "files") };
    const io = { out: () => undefined, err: (l: string) => expect.unreachable(l) };
    expect(await runAdmin(["unit", "settings", "phuong-1", "--signer", "Nguyễn Văn An"], io, env)).toBe(0);
    expect(await runAdmin(["report", "phuong-1", "6thang", "1/2023", "--out", out], io, env)).toBe(0);
    execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, out], { stdio: "pipe", timeout: 110_000 });
    const pdf = join(dir, "bc.pdf");
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("đạt 68,4% dự toán năm");
    expect(text).toContain("đạt 52,0% dự toán năm");
    expect(text).toContain("./.");
    expect(text).toContain("Nguyễn Văn An");
    expect(text).toContain("PHỤ LỤC");
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

function hasLibreOffice(): boolean {
  return ["soffice", "pdfinfo", "pdftotext"].every((c) => spawnSync("which", [c]).status === 0);
}
