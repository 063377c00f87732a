/**
 * The compiled report from stored answers: the seed 6-month report's budget figures go in
 * through the conversation engine, the admin command line writes the .docx, and its text has
 * the computed sentences (not the seed's slips: 4.310/8.291 is 52,0%, not 51%).
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

beforeEach(async () => {
  url = tempSqliteUrl();
  core = await createCore(loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" }), createLogger("silent"));
  const db = core.database.db;
  await createUnit(db, { code: "phuong-1", name: "Phường 1" });
  const invite = await createInvite(db, { unitCode: "phuong-1", role: "officer", now: new Date() });
  const say = (text: string) => core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: { externalId: "lan", kind: "private" }, user: { externalId: "lan", displayName: "Lan" }, text });
  await say(`/start ${invite.code}`);
  const ref = { kind: "6thang", year: 2023, number: 1 };
  await openPeriod(db, { unitCode: "phuong-1", ...ref, now, timeZone: "Asia/Ho_Chi_Minh" });
  await assignSection(db, { unitCode: "phuong-1", periodRef: ref, sectionKey: "kinh-te-ngan-sach", member: "Lan" });
  await assignSection(db, { unitCode: "phuong-1", periodRef: ref, sectionKey: "dat-dai-xay-dung-moi-truong", member: "Lan" });
  await setPlanTarget(db, { unitCode: "phuong-1", year: 2023, questionKey: "thu_ngan_sach", value: 8_291_000_000 });
  await setPlanTarget(db, { unitCode: "phuong-1", year: 2023, questionKey: "chi_ngan_sach", value: 8_291_000_000 });
  await say("/nhap");
  // Economy and budget, then land: the seed's 68 land files, 2 construction breaches fined 62,5 million.
  for (const text of ["5.670.000.000đ", "4.310.000.000đ", "947", "340", "86", "3", "Tình hình sản xuất kinh doanh trên địa bàn ổn định.", "68", "18", "5", "2", "62,5 triệu", "0", "99,9%", "bỏ qua"]) {
    await say(text);
  }
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
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Tình hình kinh tế - xã hội, quốc phòng - an ninh 6 tháng đầu năm 2023");
    expect(text).toContain("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2023");
    expect(text).toContain("1. Lĩnh vực kinh tế");
    expect(text).toContain("a) Kinh tế và ngân sách");
    expect(text).toContain("Tổng thu ngân sách nhà nước trên địa bàn phường trong kỳ: 5.670.000.000 đồng, đạt 68,4% dự toán năm");
    expect(text).toContain("Tổng chi ngân sách phường trong kỳ: 4.310.000.000 đồng, đạt 52,0% dự toán năm");
    expect(text).toContain("Tình hình sản xuất kinh doanh trên địa bàn ổn định.");
    expect(text).toContain("62.500.000 đồng");
    expect(text).toMatch(/\.\/\./);
    expect(text).toContain("PHỤ LỤC");
    expect(text).toContain("Nguyễn Văn An");
    expect(text).toContain("KT. CHỦ TỊCH");
    expect(text).toContain("PHÓ CHỦ TỊCH");
    expect(text).toContain("UBND tỉnh Đồng Tháp;");
    expect(text).toMatch(/Phường 1, ngày/);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
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
