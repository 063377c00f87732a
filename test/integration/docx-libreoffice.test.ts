import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReportDocx } from "../../src/reports/docx/build-docx.js";
import { sampleReport } from "../../src/reports/docx/sample-report.js";

/*
 * Renders the sample report with LibreOffice and reads the PDF back with poppler, to check what a
 * reader actually sees: page count, page numbers only from page 2, and the text. Runs only where
 * LibreOffice and poppler-utils are installed (see /work/shared/docs/testing-notes.md):
 *   apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2 poppler-utils
 * fonts-liberation2 matters: Liberation Serif 1.x has no Vietnamese letters, so LibreOffice falls
 * back to DejaVu Serif for them and line breaks no longer match Word's Times New Roman.
 */

function which(command: string): string | undefined {
  const result = spawnSync("which", [command], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

const soffice = which("soffice") ?? which("libreoffice");
const poppler = which("pdfinfo") !== undefined && which("pdftotext") !== undefined;

const squash = (text: string): string => text.normalize("NFC").replace(/\s+/gu, " ").trim();

describe.runIf(soffice !== undefined && poppler)("report .docx rendered by LibreOffice", () => {
  let dir = "";
  let pdf = "";
  let pages = 0;

  const pageText = (page: number, layout = false): string =>
    execFileSync(
      "pdftotext",
      [...(layout ? ["-layout"] : []), "-f", String(page), "-l", String(page), pdf, "-"],
      { encoding: "utf8" },
    ).normalize("NFC");

  const firstLine = (text: string): string =>
    text
      .split("\n")
      .map((line) => line.trim())
      .find((line) => line !== "") ?? "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "baocao-docx-"));
    const docx = join(dir, "bao-cao.docx");
    writeFileSync(docx, await buildReportDocx(sampleReport()));
    // A profile of its own, so parallel runs and a desktop LibreOffice don't share a lock.
    const profile = pathToFileURL(join(dir, "profile")).href;
    execFileSync(
      soffice as string,
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
      { stdio: "pipe", timeout: 110_000 },
    );
    pdf = join(dir, "bao-cao.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs to several pages, A4", () => {
    expect(pages).toBeGreaterThanOrEqual(3); // at least 2 pages of report plus the annex page
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const [, w = "0", h = "0"] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Number(w)).toBeCloseTo(595.3, 0); // 210 mm
    expect(Number(h)).toBeCloseTo(841.9, 0); // 297 mm
  });

  it("shows no page number on page 1, which opens with the header block", () => {
    const page1 = pageText(1);
    expect(firstLine(page1)).not.toMatch(/^\d+$/);
    expect(firstLine(page1)).toBe("ỦY BAN NHÂN DÂN");
    // Số and the place-and-date line share one printed line (Ô3 and Ô4).
    const line = pageText(1, true)
      .split("\n")
      .find((l) => l.includes("Số: 377/BC-UBND"));
    expect(line).toContain("Phường 1, ngày 17 tháng 11 năm 2026");
    // Quốc hiệu and issuer also share a line: left and right columns of the header table.
    expect(pageText(1, true)).toMatch(/ỦY BAN NHÂN DÂN\s{2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  });

  it("numbers pages 2 onwards at the top", () => {
    expect(firstLine(pageText(2))).toBe("2");
    if (pages >= 4) expect(firstLine(pageText(3))).toBe("3");
  });

  it("starts the annex on a page of its own, numbered afresh without a number on its first page", () => {
    const last = pageText(pages);
    expect(firstLine(last)).toBe("PHỤ LỤC");
    expect(squash(last)).toContain("(Kèm theo Báo cáo số 377/BC-UBND ngày 17 tháng 11 năm 2026)");
    expect(squash(last)).not.toContain("Trên đây là báo cáo");
    expect(squash(pageText(pages - 1))).toContain("Nguyễn Văn An");
  });

  it("prints title, trích yếu, headings, figures, the closing ./. and the signer", () => {
    const all = squash(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
    for (const expected of [
      "BÁO CÁO",
      "Tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11 năm 2026; nhiệm vụ trọng tâm tháng 12 năm 2026",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11 NĂM 2026",
      "1. Lĩnh vực kinh tế",
      "a) Thu, chi ngân sách",
      "II. ĐÁNH GIÁ CHUNG",
      "III. NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2026",
      "lũy kế 11 tháng đạt 12,6 tỷ đồng, đạt 92,4% dự toán Ủy ban nhân dân tỉnh giao, tăng 8,7% so với cùng kỳ năm 2025",
      "của Ủy ban nhân dân Phường 1./.",
      "Nơi nhận:",
      "- Lưu: VT, VP.",
      "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
      "Nguyễn Văn An",
    ]) {
      expect(all).toContain(expected);
    }
  });
});
