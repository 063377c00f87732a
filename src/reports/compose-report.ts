/**
 * Turns a period's stored answers into the official report (a ReportDocument for the .docx
 * builder): indicators become sentences with their computed comparisons, narrative answers
 * become paragraphs, under the usual outline (I. results by field, II. overall assessment,
 * III. tasks for the next period), with an annex of indicators for 6-month, 9-month and annual
 * reports.
 */
import { indicatorNumber, type AnswerValue } from "../domain/answer-value.js";
import { percentOfPlan, ratioRate } from "../domain/derived.js";
import { formatPercent } from "../domain/format-vn.js";
import { maxPeriodNumber, periodLabel } from "../domain/period-label.js";
import { formatIndicator, renderValue } from "../domain/render-value.js";
import type { PeriodKind } from "../domain/template.js";
import type { Translate } from "../i18n.js";
import type { Db, Tx } from "../store/database.js";
import { byKey, relevantQuestions } from "../conversation/progress.js";
import type { IndexedQuestion, IndexedSection, TemplateCache } from "../conversation/template-index.js";
import { loadAnswers, type PeriodRow } from "../conversation/work.js";
import type { ReportDocument, ReportSection } from "./docx/report-model.js";
import { figuresFor, previousOf } from "./history.js";
import { comparisons } from "./indicator-phrases.js";

export interface UnitForReport {
  name: string;
  /** "ỦY BAN NHÂN DÂN PHƯỜNG 1"; by default derived from the unit's name. */
  officialName?: string;
  /** "Phường 1" before the date; by default the unit's name without "UBND". */
  placeName?: string;
  signerName?: string;
  signerPosition?: string;
  recipients?: string[];
  /** "BC-UBND" by default. */
  symbol?: string;
}

const NARRATIVE = new Set(["text", "list"]);
const ROMAN = ["I", "II", "III", "IV", "V", "VI"];
const LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"];

export async function composeReport(db: Db | Tx, templates: TemplateCache, t: Translate, period: PeriodRow, unit: UnitForReport, issuedOn?: Date): Promise<ReportDocument> {
  const index = await templates.get(db, period.templateVersionId);
  const answers = await loadAnswers(db as Tx, period.id);
  const keyed = byKey(index.sections, answers);
  const ref = { unitId: period.unitId, kind: period.kind, year: period.year, number: period.number };
  const context = {
    ref,
    lastYear: await figuresFor(db, { ...ref, year: ref.year - 1 }),
    previous: await figuresFor(db, previousOf(ref, maxPeriodNumber(period.kind as PeriodKind))),
  };
  const plans = new Map((await db.planTarget.findMany({ where: { unitId: period.unitId, year: period.year } })).map((p) => [p.questionKey, p.value]));
  const words = { yes: t("value.yes"), no: t("value.no") };

  /** The paragraphs of one section: an indicator sentence per figure, narratives as they were written. */
  const paragraphs = async (section: IndexedSection): Promise<string[]> => {
    const out: string[] = [];
    for (const q of relevantQuestions(section, keyed)) {
      const value = answers.get(q.id)?.value;
      if (!value) continue;
      if (value.kind === "text") out.push(...value.value.split(/\n+/));
      else if (value.kind === "list") out.push(...value.items.map((item) => `- ${item}`));
      else out.push(await sentence(q, value));
    }
    return out;
  };
  const sentence = async (q: IndexedQuestion, value: AnswerValue): Promise<string> => {
    const n = indicatorNumber(value);
    const extra = n === undefined ? [] : await comparisons(db, t, q, n, { ...context, plan: plans.get(q.def.key) });
    return `${q.def.label}: ${renderValue(value, q.def, words)}${extra.length ? `, ${extra.join(", ")}` : ""}.`;
  };

  // Sections keep template order; the template's `group` gives the heading they sit under.
  const groups = new Map<string, IndexedSection[]>();
  for (const s of index.sections) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  const [results, ...rest] = splitOutline([...groups.entries()]);
  const label = periodLabel(period, t);
  const top: ReportSection[] = [];
  const fields: ReportSection[] = [];
  for (const [i, [group, sections]] of results.entries()) {
    const children: ReportSection[] = [];
    for (const [j, section] of sections.entries()) children.push({ heading: `${LETTERS[j] ?? j + 1}) ${section.title}`, paragraphs: await paragraphs(section) });
    fields.push({ heading: `${i + 1}. ${group}`, children });
  }
  top.push({ heading: `${ROMAN[0]}. ${t("report.results", { period: label }).toUpperCase()}`, children: fields });
  for (const [i, [group, sections]] of rest.entries()) {
    const body = (await Promise.all(sections.map(paragraphs))).flat();
    top.push({ heading: `${ROMAN[i + 1]}. ${group.toUpperCase()}`, paragraphs: body });
  }

  const place = unit.placeName ?? unit.name.replace(/^(UBND|Ủy ban nhân dân)\s+/i, "");
  const date = issuedOn ? { month: issuedOn.getMonth() + 1, year: issuedOn.getFullYear() } : undefined;
  return {
    issuer: { name: unit.officialName ?? `ỦY BAN NHÂN DÂN ${place.toUpperCase()}` },
    symbol: unit.symbol ?? "BC-UBND",
    place,
    date,
    title: "BÁO CÁO",
    summary: t("report.summary", { period: label }),
    opening: t("report.opening", { unit: `Ủy ban nhân dân ${place}`, period: label }),
    parts: [{ sections: top }],
    closing: t("report.closing", { period: label, unit: `Ủy ban nhân dân ${place}` }),
    recipients: unit.recipients ?? [t("report.recipient.province"), t("report.recipient.party"), t("report.recipient.archive")],
    signer: { authority: "TM. ỦY BAN NHÂN DÂN", position: unit.signerPosition ?? "CHỦ TỊCH", name: unit.signerName ?? "" },
    annex: ["6thang", "9thang", "nam"].includes(period.kind) ? annex(t, index.sections, answers, plans, context, label) : undefined,
  };
}

/** The field groups come first (section I); "Đánh giá chung" and the next period's tasks follow as II, III. */
function splitOutline(groups: [string, IndexedSection[]][]): [[string, IndexedSection[]][], ...[string, IndexedSection[]][]] {
  const isField = (sections: IndexedSection[]) => sections.some((s) => s.questions.some((q) => !NARRATIVE.has(q.def.type)));
  return [groups.filter(([, s]) => isField(s)), ...groups.filter(([, s]) => !isField(s))];
}

function annex(
  t: Translate,
  sections: IndexedSection[],
  answers: Awaited<ReturnType<typeof loadAnswers>>,
  plans: Map<string, number>,
  context: { lastYear?: Map<string, AnswerValue> },
  label: string,
): ReportDocument["annex"] {
  const rows: string[][] = [];
  for (const q of sections.flatMap((s) => s.questions)) {
    const value = answers.get(q.id)?.value ?? undefined;
    const n = indicatorNumber(value ?? undefined);
    if (n === undefined || !q.def.plan) continue;
    const plan = plans.get(q.def.key);
    const before = indicatorNumber(context.lastYear?.get(q.def.key));
    const planResult = percentOfPlan(n, plan);
    const vsLastYear = before === undefined ? undefined : ratioRate(n, before);
    rows.push([
      String(rows.length + 1),
      q.def.label,
      q.def.type === "money" ? t("unit.dong") : (q.def.unit ?? ""),
      plan === undefined ? "" : formatIndicator(q.def, plan),
      formatIndicator(q.def, n),
      planResult.kind === "ok" ? formatPercent(planResult.percent) : "",
      before === undefined ? "" : formatIndicator(q.def, before),
      vsLastYear?.kind === "ok" ? formatPercent(vsLastYear.percent) : "",
    ]);
  }
  return {
    title: t("report.annex_title", { period: label }).toUpperCase(),
    columns: ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% KH", "Cùng kỳ", "% so cùng kỳ"],
    rows,
  };
}
