/**
 * The comparison phrases that follow an indicator in the digest and in the report: "đạt 68,4%
 * dự toán năm", "lũy kế 11 tháng: …", "tăng 12,5% so với cùng kỳ", each computed from stored
 * values only. The digest, the report's default sentences and the figures of sentence patterns
 * all go through these functions, so one figure never reads two ways.
 */
import { changeVs, percentOfPlan, phraseChange, phrasePlan, runningTotal, type RunningTotal } from "../domain/derived.js";
import { formatIndicator } from "../domain/render-value.js";
import type { Question } from "../domain/template.js";
import type { Translate } from "../i18n.js";
import type { Db, Tx } from "../store/database.js";
import type { IndexedQuestion } from "../conversation/template-index.js";
import { monthsOfYear, type FiguresByKey, type PeriodKey } from "./history.js";
import { indicatorNumber } from "../domain/answer-value.js";

export interface ComparisonContext {
  ref: PeriodKey;
  lastYear: FiguresByKey | undefined;
  previous: FiguresByKey | undefined;
  plan: number | undefined;
}

/**
 * The total from January in a monthly report after January; undefined otherwise, since a
 * 6-month, 9-month or annual figure already runs from the start of the year.
 */
export async function yearToDate(db: Db | Tx, ref: PeriodKey, key: string): Promise<RunningTotal | undefined> {
  if (ref.kind !== "thang" || ref.number <= 1) return undefined;
  return runningTotal(await monthsOfYear(db, ref, key));
}

/** "lũy kế 11 tháng: …"; a total with months missing is said to be one, never passed off as the year's figure. */
export function yearToDatePhrase(t: Translate, q: Question, total: RunningTotal): string {
  const params = { months: total.months, missing: total.missing, value: formatIndicator(q, total.total) };
  return t(total.missing > 0 ? "digest.cumulative_gaps" : "digest.cumulative", params);
}

/** "đạt 68,4% dự toán năm" of `actual` (the year-to-date total where there is one); undefined without a target. */
export function planPhrase(q: Question, actual: number, plan: number | undefined): string | undefined {
  if (!q.plan || plan === undefined) return undefined;
  return phrasePlan(percentOfPlan(actual, plan), q.plan.label);
}

/** "tăng 12,5% so với cùng kỳ" / "… so với kỳ trước"; says so plainly when there is nothing to compare with. */
export function changePhrase(t: Translate, value: number, base: number | undefined, against: "same_period" | "previous_period"): string {
  return phraseChange(changeVs(value, base), t(`digest.${against}`));
}

/** "đạt 68,4% dự toán năm", "tăng 12,5% so với cùng kỳ", lũy kế for monthly reports. */
export async function comparisons(db: Db | Tx, t: Translate, q: IndexedQuestion, value: number, c: ComparisonContext): Promise<string[]> {
  const out: string[] = [];
  if (q.def.plan && c.plan !== undefined) {
    const total = await yearToDate(db, c.ref, q.def.key);
    if (total) out.push(yearToDatePhrase(t, q.def, total));
    out.push(planPhrase(q.def, total?.total ?? value, c.plan) ?? "");
  }
  out.push(changePhrase(t, value, indicatorNumber(c.lastYear?.get(q.def.key)), "same_period"));
  const before = indicatorNumber(c.previous?.get(q.def.key));
  if (before !== undefined) out.push(changePhrase(t, value, before, "previous_period"));
  return out.filter((s) => s !== "");
}
