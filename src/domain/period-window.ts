/**
 * When a report period's figures start and stop counting, and when the report is due.
 *
 * The cut-off windows are those of Nghị định 09/2019/NĐ-CP Điều 12 (the 15th of one month to
 * the 14th of another), which provinces copy into the regimes that bind wards; the 9-month
 * window is the one provinces that have it use (15/12 of the previous year → 14/09).
 * The default deadline follows the common provincial rule of 2 working days after the cut-off
 * (NĐ 09 Điều 8.5 requires at least one), at the end of the office day.
 */
import { maxPeriodNumber } from "./period-label.js";
import type { PeriodKind } from "./template.js";

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

/** `iso` moved forward by `days` working days, Saturdays and Sundays skipped (holidays are not known here). */
export function addWorkingDays(iso: string, days: number): string {
  const date = parseIso(iso);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

/** The instant a report due on the local day `iso` is late: DEADLINE_HOUR o'clock in `timeZone`. */
export function deadlineOn(iso: string, timeZone: string): Date {
  return zonedInstant(iso, DEADLINE_HOUR, timeZone);
}

/** The deadline when the admin gives none: DEADLINE_WORKING_DAYS working days after the cut-off. */
export function defaultDeadline(endsOn: string, timeZone: string): Date {
  return deadlineOn(addWorkingDays(endsOn, DEADLINE_WORKING_DAYS), timeZone);
}

/**
 * The instant when clocks in `timeZone` show `hour`:00 on day `iso`. The zone's offset is read
 * at a first guess and again at the result, which is exact except inside a DST gap (Vietnam
 * has no DST, but the zone is configurable).
 */
function zonedInstant(iso: string, hour: number, timeZone: string): Date {
  const wall = parseIso(iso).getTime() + hour * 3_600_000;
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return shown - Math.floor(instant / 1000) * 1000;
}

function parseIso(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) throw new RangeError(`not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
