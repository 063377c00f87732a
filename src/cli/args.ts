/**
 * Reads the admin command line's arguments the way people write them: periods as "11/2026",
 * dates as "18/11/2026", amounts as "8.291.000.000" or "8,291 tỷ", members as "#12" or a name.
 */
import { AdminError } from "../admin/admin-error.js";
import { checkKind } from "../admin/period-ref.js";
import { parseVnDate } from "../domain/parse-date.js";
import { parseMoney, parseVnNumber } from "../domain/parse-number.js";
import { maxPeriodNumber, type PeriodRef } from "../domain/period-label.js";
import { UsageError } from "./usage-error.js";

/**
 * `<kind> <number>/<year>`, e.g. `thang 11/2026`; kinds with one period a year (nam, 9thang)
 * may give the year alone.
 */
export function periodArg(kind: string, text: string): PeriodRef {
  const checked = checkKind(kind);
  const m = /^(?:(\d{1,2})\/)?(\d{4})$/.exec(text.trim());
  if (m === null || (m[1] === undefined && maxPeriodNumber(checked) !== 1)) throw new UsageError("admin.usage.period", { text });
  return { kind: checked, year: Number(m[2]), number: m[1] === undefined ? 1 : Number(m[1]) };
}

export function yearArg(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError("admin.usage.year", { text });
  return Number(text);
}

/** A whole-number option such as `--uses 5`; undefined when absent, so the operation's default applies. */
export function integerOption(name: string, text: string | undefined, example: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UsageError("admin.usage.integer", { option: `--${name}`, example });
  return Number(text);
}

/** `dd/mm/yyyy` (or any form officers type) → ISO; without a year, `referenceYear`. */
export function dateArg(text: string, referenceYear: number): string {
  const parsed = parseVnDate(text, referenceYear);
  if (!parsed.ok) throw new AdminError("admin.error.date", { date: text });
  return parsed.value;
}

/** "#12" or "12" is a member id; anything else a display name. */
export function memberArg(text: string): number | string {
  const m = /^#?(\d+)$/.exec(text.trim());
  return m ? Number(m[1]) : text.trim();
}

/**
 * A plan value: an amount in đồng ("8.291.000.000", "8,291 tỷ") or a plain number ("182",
 * "68,5"). Whether a fraction suits the indicator is for setPlanTarget, which knows its type.
 */
export function amountArg(text: string): number {
  const money = parseMoney(text);
  if (money.ok) return money.value;
  const number = parseVnNumber(text);
  if (number.ok) return number.value;
  throw new AdminError("admin.error.plan_value", { value: text });
}
