/**
 * Row 3: building reports for a unit with every question answered and a year and a half of
 * history (monthly periods January 2025 to June 2026 on the monthly template, the 6-month periods
 * of 2025 and 2026 on the 6/9-month template, yearly plans),
 * so every comparison (plan, same period last year, previous period, lũy kế) has data:
 *  - the /baocao digest of the 6-month report 1/2026 and of the month 6/2026 (lũy kế over 6 months),
 *  - the compiled .docx of the 6-month report (composeReport + buildReportDocx, annex included).
 * Baseline: the docx library packing a plain document of the same length (same number of
 * paragraphs and characters as the digest or the report body) with no computation.
 * Interleaved repeats after a warm-up; medians, and the median of the per-repeat ratios.
 */
import { performance } from "node:perf_hooks";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, unzipSync } from "fflate";
import type { AnswerValue } from "../src/domain/answer-value.js";
import type { Question as QuestionDef } from "../src/domain/template.js";
import { TemplateCache } from "../src/conversation/template-index.js";
import type { PeriodRow } from "../src/conversation/work.js";
import { createTranslator } from "../src/i18n.js";
import { composeReport } from "../src/reports/compose-report.js";
import { buildDigest } from "../src/reports/digest.js";
import { buildReportDocx } from "../src/reports/docx/build-docx.js";
import type { Db } from "../src/store/database.js";
import { answerFor } from "../test/support/answers.js";
import { freshDatabase } from "./databases.js";
import { median } from "./stats.js";
import type { Benchmark, Row } from "./types.js";

const TZ = "Asia/Ho_Chi_Minh";
const WARMUP = 3;
const REPEATS = 11;
/** Builds per timed sample: a digest takes ~20 ms, too short to time alone on a busy machine. */
const BATCH = 10;

/** Every question answered in every period; figures grow a little from period to period so comparisons say something. */
async function seedHistory(db: Db): Promise<{ halfYear: PeriodRow; june: PeriodRow; questions: number }> {
  // Each period kind uses its own template (monthly: ward-monthly; 6-month: ward-6-9-month), as openPeriod does.
  const versionOf = (key: string) =>
    db.templateVersion.findFirstOrThrow({
      where: { template: { key } },
      orderBy: { version: "desc" },
      include: { sections: { orderBy: { position: "asc" }, include: { questions: { orderBy: { position: "asc" } } } } },
    });
  const monthly = await versionOf("ward-monthly");
  const halfYearly = await versionOf("ward-6-9-month");
  const unit = await db.unit.create({ data: { code: "bench-report", name: "UBND Phường 1" } });
  const member = await db.member.create({ data: { unitId: unit.id, displayName: "Nguyễn Thị Lan", role: "officer" } });
  const planKeys = new Set(
    [monthly, halfYearly].flatMap((v) => v.sections.flatMap((s) => s.questions.filter((q) => (q.definition as unknown as QuestionDef).plan).map((q) => q.key))),
  );
  for (const year of [2025, 2026]) {
    await db.planTarget.createMany({ data: [...planKeys].map((questionKey) => ({ unitId: unit.id, year, questionKey, value: 12 * 6_000_000_000 })) });
  }
  const periods = [
    ...Array.from({ length: 12 }, (_, i) => ({ kind: "thang", year: 2025, number: i + 1, version: monthly })),
    ...Array.from({ length: 6 }, (_, i) => ({ kind: "thang", year: 2026, number: i + 1, version: monthly })),
    { kind: "6thang", year: 2025, number: 1, version: halfYearly },
    { kind: "6thang", year: 2025, number: 2, version: halfYearly },
    { kind: "6thang", year: 2026, number: 1, version: halfYearly },
  ];
  const rows: PeriodRow[] = [];
  await db.$transaction(
    async (tx) => {
      for (const [i, { version, ...p }] of periods.entries()) {
        const period = await tx.period.create({
          data: { unitId: unit.id, templateVersionId: version.id, ...p, startsOn: `${p.year}-01-01`, endsOn: `${p.year}-12-31`, deadline: new Date(Date.UTC(p.year, 11, 31)), status: p.year === 2026 ? "open" : "locked" },
        });
        rows.push(period);
        await tx.assignment.createMany({ data: version.sections.map((s) => ({ periodId: period.id, sectionId: s.id, memberId: member.id, completedAt: new Date() })) });
        const questions = version.sections.flatMap((s) => s.questions);
        await tx.answer.createMany({
          data: questions.map((q, n) => {
            const { text, expected } = answerFor(q.definition as unknown as QuestionDef, i + n);
            return { periodId: period.id, questionId: q.id, memberId: member.id, raw: text, value: grow(expected, i) as object };
          }),
        });
      }
    },
    { timeout: 120_000 },
  );
  return { halfYear: rows.at(-1)!, june: rows[17]!, questions: halfYearly.sections.reduce((n, s) => n + s.questions.length, 0) };
}

/** Money and counts grow by 3 % a period (answerFor alone repeats the same amounts). */
function grow(v: AnswerValue, step: number): AnswerValue {
  const f = 1.03 ** step;
  if (v.kind === "money") return { ...v, value: Math.round(v.value * f) };
  if (v.kind === "count") return { ...v, value: Math.round(v.value * f) };
  return v;
}

/** Paragraph count and the characters of each, from the document XML. */
function docxShape(bytes: Buffer): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
}

/** The baseline: the same number of paragraphs with the same number of characters, plain text, no layout. */
function plainDocx(paragraphs: string[]): Promise<Buffer> {
  const filler = (n: number) => "Nội dung báo cáo tình hình kinh tế xã hội trên địa bàn phường ".repeat(Math.ceil(n / 62) + 1).slice(0, n);
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(filler(p.length))] })) }] }));
}

async function measure(ours: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<{ value: number; base: number; ratio: number }> {
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    for (let i = 0; i < BATCH; i++) await fn();
    return (performance.now() - t0) / BATCH;
  };
  for (let i = 0; i < WARMUP; i++) {
    await ours();
    await baseline();
  }
  const values: number[] = [];
  const bases: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const v = await time(ours);
    const b = await time(baseline);
    values.push(v);
    bases.push(b);
    ratios.push(v / b);
  }
  return { value: median(values), base: median(bases), ratio: median(ratios) };
}

export const reportBuild: Benchmark = {
  id: "report",
  title: "Report building (digest and .docx)",
  async run(ctx) {
    const bench = await freshDatabase("sqlite");
    try {
      const db = bench.database.db;
      const { halfYear, june, questions } = await seedHistory(db);
      const t = createTranslator("vi");
      const templates = new TemplateCache();
      const rows: Row[] = [];
      const baselineLabel = "docx Packer on a plain document with the same number of paragraphs and characters (median of 11 interleaved samples of 10 builds each)";

      for (const [id, label, period] of [
        ["report.digest.6thang", "/baocao 6thang digest, 1 unit, every question answered", halfYear],
        ["report.digest.thang", "/baocao thang 6/2026 digest with lũy kế over 6 months", june],
      ] as const) {
        const digest = await buildDigest(db, templates, t, period, TZ);
        if (/NaN|undefined/.test(digest)) throw new Error(`${label}: the digest says NaN/undefined`);
        // The history must be there, or the benchmark measures a digest without comparisons.
        for (const phrase of ["so với cùng kỳ", ...(period.kind === "thang" ? ["lũy kế"] : ["dự toán"])]) {
          if (!digest.includes(phrase)) throw new Error(`${label}: no "${phrase}" in the digest`);
        }
        const lines = digest.split("\n");
        const r = await measure(() => buildDigest(db, templates, t, period, TZ), () => plainDocx(lines));
        ctx.log(`  ${label}: ${lines.length} lines, ${digest.length} characters`);
        rows.push({ id, name: `report: ${label} (ms)`, value: r.value, unit: "ms", baseline: r.base, ratio: r.ratio, better: "lower", baselineLabel });
      }

      const unit = { name: "UBND Phường 1", signerName: "Nguyễn Văn An" };
      const issued = new Date("2026-06-20T03:00:00Z");
      const build = async () => buildReportDocx(await composeReport(db, templates, t, halfYear, unit, issued));
      const paragraphs = docxShape(await build());
      const chars = paragraphs.reduce((n, p) => n + p.length, 0);
      ctx.log(`  .docx: ${paragraphs.length} paragraphs, ${chars} characters, ${questions} questions`);
      const r = await measure(build, () => plainDocx(paragraphs));
      rows.push({ id: "report.docx.6thang", name: "report: .docx of the 6-month report with annex (compose + pack, ms)", value: r.value, unit: "ms", baseline: r.base, ratio: r.ratio, better: "lower", baselineLabel });
      return rows;
    } finally {
      await bench.dispose();
    }
  },
};
