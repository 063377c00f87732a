/**
 * Figures of other periods of the same unit, for comparisons: the same period last year,
 * the previous period, and the months of the year so far (lũy kế). Answers are matched by
 * question key, so comparisons work across template versions.
 */
import { indicatorNumber, type AnswerValue } from "../domain/answer-value.js";
import type { Db, Tx } from "../store/database.js";

export type FiguresByKey = Map<string, AnswerValue>;

export interface PeriodKey {
  unitId: number;
  kind: string;
  year: number;
  number: number;
}

async function figuresOf(db: Db | Tx, periodId: number): Promise<FiguresByKey> {
  const rows = await db.answer.findMany({ where: { periodId, skipped: false }, select: { value: true, question: { select: { key: true } } } });
  return new Map(rows.filter((r) => r.value !== null).map((r) => [r.question.key, r.value as unknown as AnswerValue]));
}

export async function figuresFor(db: Db | Tx, p: PeriodKey): Promise<FiguresByKey | undefined> {
  const period = await db.period.findUnique({ where: { unitId_kind_year_number: p }, select: { id: true } });
  return period ? figuresOf(db, period.id) : undefined;
}

/** The period just before (month 1 → December of the year before). */
export function previousOf(p: PeriodKey, periodsPerYear: number): PeriodKey {
  return p.number > 1 ? { ...p, number: p.number - 1 } : { ...p, year: p.year - 1, number: periodsPerYear };
}

/** Monthly figures from January to this month: undefined where a month has no period or no answer. */
export async function monthsOfYear(db: Db | Tx, p: PeriodKey, key: string): Promise<(number | undefined)[]> {
  const periods = await db.period.findMany({ where: { unitId: p.unitId, kind: "thang", year: p.year, number: { lte: p.number } }, select: { id: true, number: true } });
  const values: (number | undefined)[] = Array.from({ length: p.number }, () => undefined);
  const rows = await db.answer.findMany({
    where: { periodId: { in: periods.map((x) => x.id) }, skipped: false, question: { key } },
    select: { periodId: true, value: true },
  });
  for (const row of rows) {
    const month = periods.find((x) => x.id === row.periodId)!.number;
    const n = indicatorNumber(row.value as unknown as AnswerValue);
    if (n !== undefined) values[month - 1] = n;
  }
  return values;
}

