/**
 * Every shipped template, filled in completely, composes into a report that prints every answer
 * (in its sentence, in another question's sentence, or in the plain "label: value" form) and no
 * placeholder, "undefined" or NaN; and the term report, opened as a year with --template, renders
 * in LibreOffice with its two parts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUnit } from "../../src/admin/create-unit.js";
import { openPeriod } from "../../src/admin/open-period.js";
import { createCore, type Core } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { TemplateCache } from "../../src/conversation/template-index.js";
import type { PeriodRow } from "../../src/conversation/work.js";
import type { AnswerValue } from "../../src/domain/answer-value.js";
import { formatQuantity } from "../../src/domain/format-vn.js";
import type { Question } from "../../src/domain/template.js";
import { createLogger } from "../../src/logger.js";
import { composeReport } from "../../src/reports/compose-report.js";
import { buildReportDocx } from "../../src/reports/docx/build-docx.js";
import type { ReportDocument, ReportSection } from "../../src/reports/docx/report-model.js";
import { answerFor } from "../support/answers.js";
import { tempSqliteUrl } from "../support/databases.js";

let core: Core;
const now = new Date("2026-12-20T03:00:00Z");

beforeEach(async () => {
  core = await createCore(loadConfig({ DATABASE_URL: tempSqliteUrl(), LOG_LEVEL: "silent" }), createLogger("silent"));
  await createUnit(core.database.db, { code: "phuong-1", name: "Phường 1" });
});

afterEach(async () => {
  await core.database.close();
});

/** Opens a period with the template and stores a distinct answer to every question of it. */
async function filledReport(kind: string, number: number, year: number, templateKey?: string): Promise<{ doc: ReportDocument; questions: Question[]; answers: AnswerValue[] }> {
  const db = core.database.db;
  const opened = await openPeriod(db, { unitCode: "phuong-1", kind, year, number, templateKey, now, timeZone: "Asia/Ho_Chi_Minh" });
  const period = (await db.period.findUniqueOrThrow({ where: { id: opened.id } })) as PeriodRow;
  const member = await db.member.create({ data: { unitId: period.unitId, displayName: "Lan", role: "officer" } });
  const rows = await db.question.findMany({ where: { section: { templateVersionId: period.templateVersionId } }, orderBy: { id: "asc" } });
  const questions = rows.map((r) => r.definition as unknown as Question);
  const answers = questions.map((q, i) => answerFor(q, i).expected);
  for (const [i, row] of rows.entries()) {
    await db.answer.create({ data: { periodId: period.id, questionId: row.id, memberId: member.id, value: answers[i] as object, raw: "x" } });
  }
  return { doc: await composeReport(db, new TemplateCache(), core.t, period, { name: "Phường 1" }, now), questions, answers };
}

function sectionText(s: ReportSection): string[] {
  return [s.heading, ...(s.paragraphs ?? []), ...(s.children ?? []).flatMap(sectionText)];
}

function textOf(doc: ReportDocument): string {
  const body = doc.parts.flatMap((p) => [p.heading ?? "", ...p.sections.flatMap(sectionText)]);
  return [doc.summary, doc.opening ?? "", ...body, doc.closing, ...(doc.annex?.rows.flat() ?? [])].join("\n");
}

/** How an answer shows in the report, whichever sentence prints it. */
function printed(q: Question, a: AnswerValue): string {
  switch (a.kind) {
    case "count":
    case "decimal":
      return formatQuantity(a.value, a.unit);
    case "ratio":
      return `${a.achieved}/${a.target}`;
    case "text":
      return a.value;
    case "list":
      return `- ${a.items[0]}`;
    case "choice":
      return q.options!.find((o) => o.key === a.value)!.label;
    case "date":
      return "12/05/2026";
    default:
      return "";
  }
}

describe.each([
  ["ward-monthly", "thang", 11, undefined],
  ["ward-monthly", "quy", 4, undefined],
  ["ward-6-9-month", "6thang", 1, undefined],
  ["ward-6-9-month", "9thang", 1, undefined],
  ["ward-annual", "nam", 1, undefined],
  ["ward-term", "nam", 1, "ward-term"],
] as const)("%s as a %s report", (key, kind, number, templateKey) => {
  it("prints every answer and nothing half-filled", async () => {
    const { doc, questions, answers } = await filledReport(kind, number, 2026, templateKey);
    const text = textOf(doc);
    expect(text).not.toMatch(/undefined|NaN|Infinity|[{}[\]]/);
    questions.forEach((q, i) => {
      // A question with a condition may not apply to these answers.
      if (q.relevant === undefined) expect(text, `${key}: ${q.key}`).toContain(printed(q, answers[i]!));
    });
    expect((await buildReportDocx(doc)).length).toBeGreaterThan(5000);
  });
});

it("writes the term report in two parts, with the term's own wording", async () => {
  const { doc } = await filledReport("nam", 1, 2023, "ward-term");
  expect(doc.summary).toBe("Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội từ đầu nhiệm kỳ 2021 - 2026 đến năm 2023, phương hướng, nhiệm vụ đến hết nhiệm kỳ");
  expect(doc.parts.map((p) => [p.heading, p.sections.map((s) => s.heading)])).toEqual([
    [
      "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ TỪ ĐẦU NHIỆM KỲ 2021 - 2026 ĐẾN NĂM 2023",
      ["I. TÌNH HÌNH TỔ CHỨC BỘ MÁY VÀ THỰC HIỆN NHIỆM VỤ", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRÊN CÁC LĨNH VỰC", "III. ĐÁNH GIÁ TỔNG QUÁT, NHỮNG HẠN CHẾ VÀ NGUYÊN NHÂN"],
    ],
    ["Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ ĐẾN HẾT NHIỆM KỲ 2021 - 2026", ["I. MỤC TIÊU TỔNG QUÁT", "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "III. ĐỀ XUẤT, KIẾN NGHỊ"]],
  ]);
  const results = doc.parts[0]!.sections[1]!;
  expect(results.children!.map((c) => c.heading)).toEqual(["1. Lĩnh vực kinh tế", "2. Lĩnh vực văn hóa - xã hội", "3. Lĩnh vực nội chính"]);
  expect(results.children![0]!.children![0]!.paragraphs![0]).toBe(
    "Năm 2023, tổng thu ngân sách nhà nước trên địa bàn phường được 5.670.000.000 đồng; chưa có số liệu cùng kỳ để so sánh.",
  );
  expect(doc.closing).toBe("Trên đây là báo cáo kết quả thực hiện nhiệm vụ từ đầu nhiệm kỳ 2021 - 2026 đến năm 2023, phương hướng, nhiệm vụ đến hết nhiệm kỳ của Ủy ban nhân dân Phường 1");
});

// Runs where LibreOffice and poppler are installed; .ci/run installs them.
it.runIf(hasLibreOffice())("renders the term report in LibreOffice: Phần headings centred on lines of their own, numbered levels, ./.", async () => {
  const { doc } = await filledReport("nam", 1, 2023, "ward-term");
  const dir = mkdtempSync(join(tmpdir(), "baocao-term-"));
  const docx = join(dir, "term.docx");
  writeFileSync(docx, await buildReportDocx(doc));
  execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx], { stdio: "pipe", timeout: 110_000 });
  const pdf = join(dir, "term.pdf");
  const lines = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).normalize("NFC").split("\n");
  const line = (text: string) => lines.find((l) => l.trim() === text);
  for (const heading of ["Phần thứ nhất", "Phần thứ hai"]) {
    // Centred: a short line starts far to the right of the body's first-line indent.
    expect(line(heading), heading).toMatch(/^\s{20,}\S/);
  }
  expect(line("PHƯƠNG HƯỚNG, NHIỆM VỤ ĐẾN HẾT NHIỆM KỲ 2021 - 2026")).toBeDefined();
  const text = lines.join(" ").replace(/\s+/g, " ");
  const order = ["Phần thứ nhất", "I. TÌNH HÌNH TỔ CHỨC BỘ MÁY", "1. Về cơ cấu, tổ chức bộ máy", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRÊN CÁC LĨNH VỰC", "1. Lĩnh vực kinh tế", "a) Kinh tế và ngân sách", "Phần thứ hai", "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "./.", "PHỤ LỤC"];
  const at = order.map((s) => text.indexOf(s));
  expect(at.every((i) => i >= 0), order.filter((_, i) => at[i]! < 0).join(", ")).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

function hasLibreOffice(): boolean {
  return ["soffice", "pdftotext"].every((c) => spawnSync("which", [c]).status === 0);
}
