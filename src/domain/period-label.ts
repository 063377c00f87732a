/**
 * How a reporting period is named in messages and documents ("Tháng 11/2026",
 * "6 tháng đầu năm 2026"); the words come from the locale files.
 */
import type { MessageKey, Params } from "../i18n.js";
import type { PeriodKind } from "./template.js";

export interface PeriodRef {
  kind: string;
  year: number;
  number: number;
}

type Translate = (key: MessageKey, params?: Params) => string;

const QUARTERS = ["I", "II", "III", "IV"];

export function periodLabel(p: PeriodRef, t: Translate): string {
  return labelFrom("period", p, t);
}

/** Largest valid `number` for a kind: 12 months, 4 quarters, 2 halves, one 9-month and one year. */
export function maxPeriodNumber(kind: PeriodKind): number {
  return { thang: 12, quy: 4, "6thang": 2, "9thang": 1, nam: 1 }[kind];
}

/**
 * The period as the report itself writes it ("tháng 11 năm 2026", "9 tháng đầu năm 2026"):
 * official documents spell the year out where chat messages write "11/2026".
 */
export function documentPeriodLabel(p: PeriodRef, t: Translate): string {
  return labelFrom("report.period", p, t);
}

/** The same words for chat and document labels, from two families of locale keys. */
function labelFrom(family: "period" | "report.period", p: PeriodRef, t: Translate): string {
  switch (p.kind as PeriodKind) {
    case "thang":
      return t(`${family}.thang`, { number: p.number, year: p.year });
    case "quy":
      return t(`${family}.quy`, { number: QUARTERS[p.number - 1] ?? p.number, year: p.year });
    case "6thang":
      return t(p.number === 2 ? `${family}.6thang.2` : `${family}.6thang.1`, { year: p.year });
    case "9thang":
      return t(`${family}.9thang`, { year: p.year });
    default:
      return t(`${family}.nam`, { year: p.year });
  }
}

/**
 * The period the report's tasks are for: the next month, quarter or half-year, the rest of the
 * year after 9 months ("3 tháng cuối năm 2026"), the next year after a year.
 */
export function nextPeriodLabel(p: PeriodRef, t: Translate): string {
  const kind = p.kind as PeriodKind;
  if (kind === "9thang") return t("report.period.last_3_months", { year: p.year });
  const last = p.number >= maxPeriodNumber(kind);
  return documentPeriodLabel({ kind, year: last ? p.year + 1 : p.year, number: last ? 1 : p.number + 1 }, t);
}
