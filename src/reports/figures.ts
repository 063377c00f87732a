/**
 * The value of a `{key.figure}` placeholder: a derived figure of one answer, computed from
 * stored values like every figure of the report. Undefined means "no such figure for this
 * answer" (no plan target, no figure last year where a bare number is asked for), which leaves
 * the optional part or the sentence out; comparisons say in words when they have no base.
 */
import { indicatorNumber, type AnswerValue } from "../domain/answer-value.js";
import { difference, phraseDifference, ratioRate } from "../domain/derived.js";
import { formatNumber, formatPercent } from "../domain/format-vn.js";
import { formatIndicator } from "../domain/render-value.js";
import type { ConsistencyCheck, Question } from "../domain/template.js";
import type { FigureName } from "../domain/template-wording.js";
import type { Translate } from "../i18n.js";
import type { Db, Tx } from "../store/database.js";
import type { FiguresByKey, PeriodKey } from "./history.js";
import { changePhrase, planPhrase, yearToDate, yearToDatePhrase } from "./indicator-phrases.js";

export interface FigureSources {
  db: Db | Tx;
  t: Translate;
  ref: PeriodKey;
  /** This period's answers to relevant questions, by question key. */
  values: ReadonlyMap<string, AnswerValue>;
  lastYear: FiguresByKey | undefined;
  previous: FiguresByKey | undefined;
  plans: ReadonlyMap<string, number>;
  checks: readonly ConsistencyCheck[];
}

export async function figureText(s: FigureSources, q: Question, figure: FigureName): Promise<string | undefined> {
  if (figure === "label") return q.label;
  const value = s.values.get(q.key);
  const n = indicatorNumber(value);
  if (n === undefined) return undefined;
  const lastYear = indicatorNumber(s.lastYear?.get(q.key));
  const plan = s.plans.get(q.key);
  switch (figure) {
    case "plan":
      return plan === undefined ? undefined : formatIndicator(q, plan);
    case "percent_plan":
      if (!q.plan || plan === undefined) return undefined;
      return planPhrase(q, (await yearToDateOf(s, q.key))?.total ?? n, plan);
    case "cumulative": {
      const total = await yearToDateOf(s, q.key);
      return total && yearToDatePhrase(s.t, q, total);
    }
    case "last_year":
      return lastYear === undefined ? undefined : formatIndicator(q, lastYear);
    case "vs_last_year":
      return changePhrase(s.t, n, lastYear, "same_period");
    case "diff_last_year":
      return phraseDifference(difference(n, lastYear), (amount) => formatIndicator(q, amount), s.t("digest.same_period"));
    case "vs_previous":
      return changePhrase(s.t, n, indicatorNumber(s.previous?.get(q.key)), "previous_period");
    case "rate":
      return value?.kind === "ratio" ? percentText(n, value.target) : undefined;
    case "achieved":
    case "target":
      return value?.kind === "ratio" ? formatNumber(value[figure]) : undefined;
    case "share": {
      const whole = s.checks.find((c) => c.kind === "part_of" && c.part === q.key);
      const total = whole?.kind === "part_of" ? indicatorNumber(s.values.get(whole.whole)) : undefined;
      return total === undefined ? undefined : percentText(n, total);
    }
  }
}

/** One report's year-to-date totals, read once per question (a sentence often asks for both % of plan and lũy kế). */
const yearToDateMemo = new WeakMap<FigureSources, Map<string, ReturnType<typeof yearToDate>>>();

function yearToDateOf(s: FigureSources, key: string): ReturnType<typeof yearToDate> {
  let memo = yearToDateMemo.get(s);
  if (!memo) yearToDateMemo.set(s, (memo = new Map()));
  let total = memo.get(key);
  if (!total) memo.set(key, (total = yearToDate(s.db, s.ref, key)));
  return total;
}

/** "83,0%"; nothing for a zero base, which has no percentage. */
function percentText(part: number, whole: number): string | undefined {
  const rate = ratioRate(part, whole);
  return rate.kind === "ok" ? formatPercent(rate.percent) : undefined;
}
