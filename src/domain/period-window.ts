/**
 * When a report period's figures start and stop counting, and when the report is due.
 *
 * The cut-off windows are those of Nghị định 09/2019/NĐ-CP Điều 12 (the 15th of one month to
 * the 14th of another), which provinces copy into the regimes that bind wards; the 9-month
 * window is the one provinces that have it use (15/12 of the previous year → 14/09).
 * The default deadline follows the common provincial rule of 2 working days after the cut-off
 * (NĐ 09 Điều 8.5 requires at least one), at the end of the office day.
 */
import { localInstant } from "./local-time.js";
import { maxPeriodNumber } from "./period-label.js";
import type { PeriodKind } from "./template.js";
import type { DeadlineRule } from "./unit-policy.js";
import type { WorkingCalendar } from "./working-calendar.js";

export interface CutoffWindow {
  /** First day counted, ISO yyyy-mm-dd. */
  startsOn: string;
  /** Last day counted (the cut-off), ISO yyyy-mm-dd. */
  endsOn: string;
}

/** Working days between the cut-off and the default deadline. */
export const DEADLINE_WORKING_DAYS = 2;
/** Local hour (24 h) at which a deadline falls: the end of the office day. */
export const DEADLINE_HOUR = 17;

/** How many months a window spans, and the month its cut-off falls in for period `number`. */
function span(kind: PeriodKind, number: number): { months: number; lastMonth: number } {
  switch (kind) {
    case "thang":
      return { months: 1, lastMonth: number };
    case "quy":
      return { months: 3, lastMonth: 3 * number };
    case "6thang":
      return { months: 6, lastMonth: 6 * number };
    case "9thang":
      return { months: 9, lastMonth: 9 };
    case "nam":
      return { months: 12, lastMonth: 12 };
  }
}

/**
 * The cut-off window of period `number` of `kind` in `year`: from the 15th of the month before
 * the period's first month (December of the previous year for a period starting in January)
 * to the 14th of its last month. Throws RangeError for a number the kind does not have.
 */
export function cutoffWindow(kind: PeriodKind, year: number, number: number): CutoffWindow {
  if (!Number.isInteger(number) || number < 1 || number > maxPeriodNumber(kind)) {
    throw new RangeError(`${kind} has periods 1 to ${maxPeriodNumber(kind)}, not ${number}`);
  }
  const { months, lastMonth } = span(kind, number);
  const startMonth = lastMonth - months;
  const start = startMonth < 1 ? { year: year - 1, month: startMonth + 12 } : { year, month: startMonth };
  return { startsOn: isoDate(start.year, start.month, 15), endsOn: isoDate(year, lastMonth, 14) };
}

/**
 * When a period with cut-off `endsOn` is due: by default DEADLINE_WORKING_DAYS working days
 * after the cut-off at DEADLINE_HOUR; a unit whose superior sets its own rule ("trước ngày 18")
 * gives a day of the month instead. A deadline on a day off moves to the next working day when
 * `shift` is on (Bộ luật Dân sự 2015 Điều 148.2).
 */
export function periodDeadline(endsOn: string, timeZone: string, calendar: WorkingCalendar, rule: DeadlineRule = {}, shift = true): Date {
  let day =
    rule.dayOfMonth === undefined
      ? calendar.addWorkingDays(endsOn, rule.workingDaysAfterCutoff ?? DEADLINE_WORKING_DAYS)
      : dayOfMonthAfter(endsOn, rule.dayOfMonth);
  if (shift) day = calendar.onOrAfter(day);
  return localInstant(day, rule.time ?? `${DEADLINE_HOUR}:00`, timeZone);
}

/** The instant a report due on the local day `iso` is late: DEADLINE_HOUR o'clock in `timeZone`. */
export function deadlineOn(iso: string, timeZone: string): Date {
  return localInstant(iso, `${DEADLINE_HOUR}:00`, timeZone);
}

/** Day `dayOfMonth` of the cut-off's month, or of the next month when that is not after the cut-off (clamped to the month's length). */
function dayOfMonthAfter(endsOn: string, dayOfMonth: number): string {
  const [year, month] = [Number(endsOn.slice(0, 4)), Number(endsOn.slice(5, 7))];
  const inMonth = (y: number, m: number) => isoDate(y, m, Math.min(dayOfMonth, new Date(Date.UTC(y, m, 0)).getUTCDate()));
  const same = inMonth(year, month);
  return same > endsOn ? same : month === 12 ? inMonth(year + 1, 1) : inMonth(year, month + 1);
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
