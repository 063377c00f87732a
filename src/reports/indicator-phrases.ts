/**
 * The comparison phrases that follow an indicator in the digest and in the report: "đạt 68,4%
 * dự toán năm", "lũy kế 11 tháng: …", "tăng 12,5% so với cùng kỳ", each computed from stored
 * values only.
 */
import { changeVs, percentOfPlan, phraseChange, phrasePlan, runningTotal } from "../domain/derived.js";
import { formatIndicator } from "../domain/render-value.js";
import type { Translate } from "../i18n.js";
import type { Db, Tx } from "../store/database.js";
import type { IndexedQuestion } from "../conversation/template-index.js";
import { monthsOfYear, type FiguresByKey } from "./history.js";
import { indicatorNumber } from "../domain/answer-value.js";

export interface ComparisonContext {
  ref: { unitId: number; kind: string; year: number; number: number };
  lastYear: FiguresByKey | undefined;
  previous: FiguresByKey | undefined;
  plan: number | undefined;
}

/** "đạt 68,4% dự toán năm", "tăng 12,5% so với cùng kỳ", lũy kế for monthly reports. */
export async function comparisons(db: Db | Tx, t: Translate, q: IndexedQuestion, value: number, c: ComparisonContext): Promise<string[]> {
  const out: string[] = [];
  if (c.plan !== undefined && q.def.plan) {
    let actual = value;
    if (c.ref.kind === "thang" && c.ref.number > 1) {
      const cumulative = runningTotal(await monthsOfYear(db, c.ref, q.def.key));
      actual = cumulative.total;
      const params = { months: cumulative.months, missing: cumulative.missing, value: formatIndicator(q.def, cumulative.total) };
      // A total with months missing is said to be one, never passed off as the year's figure.
      out.push(t(cumulative.missing > 0 ? "digest.cumulative_gaps" : "digest.cumulative", params));
    }
    out.push(phrasePlan(percentOfPlan(actual, c.plan), q.def.plan.label));
  }
  out.push(phraseChange(changeVs(value, indicatorNumber(c.lastYear?.get(q.def.key))), t("digest.same_period")));
  const before = indicatorNumber(c.previous?.get(q.def.key));
  if (before !== undefined) out.push(phraseChange(changeVs(value, before), t("digest.previous_period")));
  return out.filter((s) => s !== "");
}
