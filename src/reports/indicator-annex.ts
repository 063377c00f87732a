/**
 * The annex of indicators of 6-month, 9-month and annual reports (vn-report-format.md §3.1):
 * every figure with a yearly plan, with its plan, result, % of plan, the same period last year
 * and % of it, all computed from stored values. A cell without data stays empty, never "0".
 */
import { indicatorNumber, type AnswerValue } from "../domain/answer-value.js";
import { percentOfPlan, ratioRate } from "../domain/derived.js";
import { formatPercent } from "../domain/format-vn.js";
import { formatIndicator } from "../domain/render-value.js";
import type { Translate } from "../i18n.js";
import type { IndexedSection } from "../conversation/template-index.js";
import type { ReportAnnex } from "./docx/report-model.js";
import type { FiguresByKey } from "./history.js";

export const ANNEX_KINDS: readonly string[] = ["6thang", "9thang", "nam"];

export function indicatorAnnex(
  t: Translate,
  sections: IndexedSection[],
  values: ReadonlyMap<string, AnswerValue>,
  plans: ReadonlyMap<string, number>,
  lastYear: FiguresByKey | undefined,
  period: string,
): ReportAnnex {
  const rows: string[][] = [];
  for (const q of sections.flatMap((s) => s.questions)) {
    const n = indicatorNumber(values.get(q.def.key));
    if (n === undefined || !q.def.plan) continue;
    const plan = plans.get(q.def.key);
    const before = indicatorNumber(lastYear?.get(q.def.key));
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
    title: t("report.annex_title", { period }).toUpperCase(),
    columns: ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% KH", "Cùng kỳ", "% so cùng kỳ"],
    rows,
  };
}
