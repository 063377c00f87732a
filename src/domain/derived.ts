/**
 * Every derived figure of the report (% of plan, change against the same period, rates,
 * running totals, consistency checks) is computed here from stored numbers, never typed by an
 * officer: the seed reports show hand-computed slips (4.310/8.291 written "51%", it is 52,0%).
 *
 * Percentages are rounded once, to one decimal, half away from zero, on the exact quotient of
 * the stored values. The stored numbers are decimals (what the officer typed), so they are
 * turned back into exact decimals (BigInt digits × 10^exp) before dividing: binary floating
 * point would turn 23/80 = 28,75% into 28.749999… and print "28,7%".
 *
 * Pure: no I/O, no clock. Results are plain data with an explicit kind for every case where a
 * figure cannot be computed (no plan, a zero base…), so nothing downstream ever prints NaN.
 */
import { indicatorNumber, type AnswerValue } from "./answer-value.js";
import { formatMoney, formatNumber, formatPercent, formatPercentCompact, formatQuantity } from "./format-vn.js";

/**
 * The standard wording of the official report (vn-report-format.md §3.3), kept in one table
 * with `{name}` placeholders like locales/*.json so it can move there later.
 */
export const PHRASES = {
  planReached: "đạt {percent} {plan}",
  planExceeded: "đạt {percent} {plan}, vượt {over}",
  planZero: "chưa tính được tỷ lệ đạt {plan} vì {plan} bằng 0",
  up: "tăng {percent} so với {base}",
  down: "giảm {percent} so với {base}",
  same: "bằng {base}",
  noBase: "chưa có số liệu {base} để so sánh",
  zeroBaseUp: "tăng so với {base} ({base} bằng 0)",
  zeroBaseDown: "giảm so với {base} ({base} bằng 0)",
  more: "tăng {amount} so với {base}",
  less: "giảm {amount} so với {base}",
} as const;

export type PlanResult = { kind: "ok"; percent: number; over?: number } | { kind: "no_plan" } | { kind: "zero_plan" };

export type ChangeResult =
  | { kind: "up" | "down"; percent: number }
  | { kind: "same" }
  | { kind: "no_base" }
  | { kind: "zero_base"; current: number };

/** An absolute change against a base (the seed's "Tăng 340 cơ sở so với cùng kỳ"). */
export type DifferenceResult = { kind: "more" | "less"; amount: number } | { kind: "same" } | { kind: "no_base" };

export type RateResult = { kind: "ok"; percent: number } | { kind: "zero_target" };

export interface RunningTotal {
  /** Sum of the months that have a value. */
  total: number;
  /** Months the total spans (from January), with or without a value. */
  months: number;
  /** Months without a value: a total over 5 of 6 months must not pass for a 6-month total. */
  missing: number;
}

// ---------------------------------------------------------------------------------------------
// Exact decimal arithmetic

/** value = digits × 10^exp, exactly. */
interface Decimal {
  digits: bigint;
  exp: number;
}

/**
 * The exact decimal a stored number stands for. String() gives the shortest text that reads
 * back as the same double, i.e. what was typed: 0.1 → 1 × 10^-1, not 0.1000000000000000055….
 */
function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`derived figures need finite numbers, got ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (m === null) throw new RangeError(`unexpected number text ${String(x)}`);
  const fraction = m[3] ?? "";
  return { digits: BigInt(`${m[1]}${m[2]}${fraction}`), exp: Number(m[4] ?? 0) - fraction.length };
}

/** Both numbers over the same power of ten, so their digits can be added or compared. */
function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.digits * 10n ** BigInt(a.exp - exp), b.digits * 10n ** BigInt(b.exp - exp), exp];
}

/** The double nearest to an exact decimal; beyond the double range, the largest double (never Infinity). */
function toNumber(d: Decimal): number {
  return finite(Number(`${d.digits}e${d.exp}`));
}

/**
 * Only reachable when inputs span more than 300 orders of magnitude, which no ward figure does;
 * a huge finite number still beats an "Infinity%" in a report.
 */
function finite(x: number): number {
  if (x === Infinity) return Number.MAX_VALUE;
  if (x === -Infinity) return -Number.MAX_VALUE;
  return x;
}

/** round(num / den), half away from zero, exactly. den ≠ 0. */
function divRound(num: bigint, den: bigint): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // truncates toward zero
  const r = num % den; // same sign as num
  const twiceR = r < 0n ? -2n * r : 2n * r;
  if (twiceR < den) return q;
  return num < 0n ? q - 1n : q + 1n;
}

/** a / b × 100 in tenths of a percent, rounded once on the exact quotient. b ≠ 0. */
function percentTenths(a: Decimal, b: Decimal): bigint {
  // a/b × 1000 = (da × 10^ea) / (db × 10^eb) × 10^3
  const shift = a.exp - b.exp + 3;
  return shift >= 0
    ? divRound(a.digits * 10n ** BigInt(shift), b.digits)
    : divRound(a.digits, b.digits * 10n ** BigInt(-shift));
}

/** Tenths of a percent as the percent number: 684n → 68.4 (the double nearest to 68,4). */
function fromTenths(tenths: bigint): number {
  return toNumber({ digits: tenths, exp: -1 });
}

// ---------------------------------------------------------------------------------------------
// Derived figures

/**
 * "đạt x% kế hoạch": actual ÷ plan × 100, rounded to one decimal. `over` (x − 100) is present
 * only when the rounded figure is above 100, so "vượt 0,0%" never appears.
 */
export function percentOfPlan(actual: number, plan: number | undefined): PlanResult {
  if (plan === undefined) return { kind: "no_plan" };
  if (plan === 0) return { kind: "zero_plan" };
  const tenths = percentTenths(toDecimal(actual), toDecimal(plan));
  const percent = fromTenths(tenths);
  // Subtracting in tenths keeps "vượt" exact: 108,8 − 100 is 8,8, not 8.799999999999997.
  return tenths > 1000n ? { kind: "ok", percent, over: fromTenths(tenths - 1000n) } : { kind: "ok", percent };
}

/**
 * "tăng/giảm y% so với cùng kỳ": y = |current − base| ÷ |base| × 100, rounded to one decimal.
 * "same" when y rounds to 0,0 (also when both are 0): the report would otherwise print
 * "tăng 0,0%". A zero base gives no percentage at all, only the direction and the current value.
 * |base| keeps the direction meaningful for a negative base (a deficit shrinking is "tăng").
 */
export function changeVs(current: number, base: number | undefined): ChangeResult {
  if (base === undefined) return { kind: "no_base" };
  const [c, b, exp] = align(toDecimal(current), toDecimal(base));
  const diff = c - b;
  if (diff === 0n) return { kind: "same" };
  if (b === 0n) return { kind: "zero_base", current };
  const tenths = percentTenths({ digits: diff < 0n ? -diff : diff, exp }, { digits: b < 0n ? -b : b, exp });
  if (tenths === 0n) return { kind: "same" };
  return { kind: diff > 0n ? "up" : "down", percent: fromTenths(tenths) };
}

/** current − base, exactly: 15.331,4 − 12.000,2 is 3.331,2, not 3331.2000000000007. */
export function difference(current: number, base: number | undefined): DifferenceResult {
  if (base === undefined) return { kind: "no_base" };
  const [c, b, exp] = align(toDecimal(current), toDecimal(base));
  const diff = c - b;
  if (diff === 0n) return { kind: "same" };
  return { kind: diff > 0n ? "more" : "less", amount: toNumber({ digits: diff < 0n ? -diff : diff, exp }) };
}

/** A rate from its two stored parts (343/347 hồ sơ đúng hạn): achieved ÷ target × 100, one decimal. */
export function ratioRate(achieved: number, target: number): RateResult {
  if (target === 0) return { kind: "zero_target" };
  return { kind: "ok", percent: fromTenths(percentTenths(toDecimal(achieved), toDecimal(target))) };
}

/**
 * Lũy kế from the start of the year: the sum of the monthly values, element 0 being January.
 * A month without a value is counted in `missing` instead of silently adding 0.
 */
export function runningTotal(values: (number | undefined)[]): RunningTotal {
  let sum: Decimal = { digits: 0n, exp: 0 };
  let missing = 0;
  for (const value of values) {
    if (value === undefined) {
      missing += 1;
      continue;
    }
    const [a, b, exp] = align(sum, toDecimal(value));
    sum = { digits: a + b, exp };
  }
  return { total: toNumber(sum), months: values.length, missing };
}

// ---------------------------------------------------------------------------------------------
// Consistency checks

export type QuestionKey = string;

export type ConsistencyRule =
  /** A part cannot exceed its total (hồ sơ trực tuyến ≤ tổng hồ sơ). */
  | { kind: "part_of"; part: QuestionKey; whole: QuestionKey }
  /** A rate that cannot exceed 100 % (tỷ lệ đúng hạn); a percent answer or a ratio. */
  | { kind: "rate_max_100"; key: QuestionKey }
  /** A ratio whose achieved part cannot exceed its target (đã giải quyết ≤ tiếp nhận). */
  | { kind: "achieved_le_target"; key: QuestionKey };

export interface ConsistencyFinding {
  rule: ConsistencyRule;
  /** The questions involved, to point the officer at the answers to re-check. */
  keys: QuestionKey[];
  /** For the message, already formatted the Vietnamese way (i18n takes formatted values). */
  params: Record<string, string>;
}

/**
 * Contradictions between answers, to show before the report is compiled. A rule whose answers
 * are missing or not numeric says nothing: missing data is reported elsewhere, not as an error.
 */
export function checkConsistency(
  answers: ReadonlyMap<QuestionKey, AnswerValue>,
  rules: readonly ConsistencyRule[],
): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  for (const rule of rules) {
    switch (rule.kind) {
      case "part_of": {
        const part = answers.get(rule.part);
        const whole = answers.get(rule.whole);
        if (part === undefined || whole === undefined) break;
        const partValue = numericValue(part);
        const wholeValue = numericValue(whole);
        if (partValue !== undefined && wholeValue !== undefined && partValue > wholeValue) {
          findings.push({
            rule,
            keys: [rule.part, rule.whole],
            params: { part: rule.part, whole: rule.whole, partValue: formatAnswerNumber(part), wholeValue: formatAnswerNumber(whole) },
          });
        }
        break;
      }
      case "rate_max_100": {
        const answer = answers.get(rule.key);
        if (answer?.kind === "percent" && answer.value > 100) {
          findings.push({ rule, keys: [rule.key], params: { key: rule.key, rate: formatPercentCompact(answer.value) } });
        } else if (answer?.kind === "ratio" && answer.target > 0 && answer.achieved > answer.target) {
          // Compared exactly, not on the rounded rate: 100,04 % is above 100 % even if it prints "100,0%".
          const rate = ratioRate(answer.achieved, answer.target);
          if (rate.kind === "ok") {
            findings.push({ rule, keys: [rule.key], params: { key: rule.key, rate: formatPercent(rate.percent) } });
          }
        }
        break;
      }
      case "achieved_le_target": {
        const answer = answers.get(rule.key);
        if (answer?.kind === "ratio" && answer.achieved > answer.target) {
          findings.push({
            rule,
            keys: [rule.key],
            params: { key: rule.key, achieved: formatNumber(answer.achieved), target: formatNumber(answer.target) },
          });
        }
        break;
      }
    }
  }
  return findings;
}

/** The single number of a quantity answer; undefined for ratios and non-numeric answers. */
function numericValue(value: AnswerValue): number | undefined {
  return value.kind === "ratio" ? undefined : indicatorNumber(value);
}

function formatAnswerNumber(value: AnswerValue): string {
  switch (value.kind) {
    case "count":
    case "decimal":
      return formatQuantity(value.value, value.unit);
    case "money":
      return formatMoney(value.value);
    case "percent":
      return formatPercentCompact(value.value);
    default:
      return "";
  }
}

// ---------------------------------------------------------------------------------------------
// Phrasing

/** Fills `{name}` placeholders in one pass, so a label containing braces is left alone. */
function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * "đạt 68,4% kế hoạch", "đạt 132,0% kế hoạch, vượt 32,0%"; "" without a plan, since the
 * sentence then simply has no plan clause. Never "vượt 132% kế hoạch" for "đạt 132%".
 */
export function phrasePlan(result: PlanResult, planLabel = "kế hoạch"): string {
  switch (result.kind) {
    case "no_plan":
      return "";
    case "zero_plan":
      return fill(PHRASES.planZero, { plan: planLabel });
    case "ok":
      return result.over === undefined
        ? fill(PHRASES.planReached, { percent: formatPercent(result.percent), plan: planLabel })
        : fill(PHRASES.planExceeded, {
            percent: formatPercent(result.percent),
            plan: planLabel,
            over: formatPercent(result.over),
          });
  }
}

/**
 * "tăng 340 cơ sở so với cùng kỳ", "giảm 2 vụ so với cùng kỳ", "bằng cùng kỳ"; `formatAmount`
 * writes the amount in the indicator's unit. Missing comparison data is said plainly.
 */
export function phraseDifference(result: DifferenceResult, formatAmount: (amount: number) => string, comparedWith = "cùng kỳ"): string {
  switch (result.kind) {
    case "more":
    case "less":
      return fill(PHRASES[result.kind], { amount: formatAmount(result.amount), base: comparedWith });
    case "same":
      return fill(PHRASES.same, { base: comparedWith });
    case "no_base":
      return fill(PHRASES.noBase, { base: comparedWith });
  }
}

/**
 * "tăng 12,5% so với cùng kỳ", "giảm 3,0% so với cùng kỳ", "bằng cùng kỳ"; missing or zero
 * comparison data is said plainly, never as "0%". `comparedWith` may be e.g. "tháng trước".
 */
export function phraseChange(result: ChangeResult, comparedWith = "cùng kỳ"): string {
  switch (result.kind) {
    case "up":
      return fill(PHRASES.up, { percent: formatPercent(result.percent), base: comparedWith });
    case "down":
      return fill(PHRASES.down, { percent: formatPercent(result.percent), base: comparedWith });
    case "same":
      return fill(PHRASES.same, { base: comparedWith });
    case "no_base":
      return fill(PHRASES.noBase, { base: comparedWith });
    case "zero_base":
      return fill(result.current > 0 ? PHRASES.zeroBaseUp : PHRASES.zeroBaseDown, { base: comparedWith });
  }
}
