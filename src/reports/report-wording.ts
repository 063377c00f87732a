/**
 * The words of the document around the figures: trích yếu, opening, closing, the results
 * heading, group and part headings. Each comes from the template when it says (a term report
 * names its term), otherwise from the locale's usual wording for the period kind: a monthly or
 * quarterly report is about "tình hình … ; nhiệm vụ trọng tâm tháng sau", a 6-month, 9-month or
 * annual one about "kết quả thực hiện … , phương hướng, nhiệm vụ" of the rest of the year or the
 * next year (vn-report-format.md §3.1, the seed reports).
 */
import { documentPeriodLabel, nextPeriodLabel, type PeriodRef } from "../domain/period-label.js";
import { parsePattern, renderPattern } from "../domain/sentence-pattern.js";
import type { PeriodKind, Template } from "../domain/template.js";
import type { ContextName, ReportPartSpec } from "../domain/template-wording.js";
import type { Translate } from "../i18n.js";

/** Values of the context placeholders ({period}, {next_period}, …) for one report. */
export type WordingContext = Readonly<Record<ContextName, string>>;

export function wordingContext(p: PeriodRef, t: Translate, unit: string): WordingContext {
  // The year is a name here, not a quantity: "2026", never "2.026".
  return { period: documentPeriodLabel(p, t), next_period: nextPeriodLabel(p, t), year: String(p.year), next_year: String(p.year + 1), unit };
}

const STYLE: Record<PeriodKind, "situation" | "results"> = { thang: "situation", quy: "situation", "6thang": "results", "9thang": "results", nam: "results" };

export interface DocumentWording {
  summary: string;
  opening: string;
  closing: string;
  /** The results heading, sentence case: the outline prints it in capitals. */
  results: string;
  /** Filled headings and titles; absent when the template has no parts. */
  parts?: ReportPartSpec[];
  /** A section's group with its placeholders filled. */
  group: (group: string) => string;
}

export function documentWording(template: Template, kind: PeriodKind, t: Translate, context: WordingContext): DocumentWording {
  const file = `template ${template.key}@${template.version}`;
  const fill = (source: string, path: string): string =>
    renderPattern(parsePattern(source, { file, path }), (slot) => context[slot.name as ContextName])?.text ?? source;
  const doc = template.document ?? {};
  const style = STYLE[kind];
  return {
    summary: doc.summary === undefined ? t(`report.summary.${style}`, context) : fill(doc.summary, "document.summary"),
    opening: doc.opening === undefined ? t(`report.opening.${style}`, context) : fill(doc.opening, "document.opening"),
    closing: doc.closing === undefined ? t(`report.closing.${style}`, context) : fill(doc.closing, "document.closing"),
    results: doc.results === undefined ? t("report.results", context) : fill(doc.results, "document.results"),
    parts: doc.parts?.map((p, i) => ({ from: p.from, heading: fill(p.heading, `document.parts[${i}].heading`), title: fill(p.title, `document.parts[${i}].title`) })),
    group: (group) => fill(group, "group"),
  };
}
