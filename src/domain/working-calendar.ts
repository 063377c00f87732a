/**
 * Which days a ward office works: Monday to Friday except public holidays, adjusted by the
 * unit's own list of extra days off and extra working days (the yearly swaps the Prime
 * Minister announces, a local holiday).
 */
import { isWeekend, publicHolidays } from "./holidays.js";
import { addDays } from "./local-time.js";

export interface CalendarAdjustments {
  extraDaysOff?: readonly string[];
  extraWorkingDays?: readonly string[];
}

export class WorkingCalendar {
  readonly #off: ReadonlySet<string>;
  readonly #on: ReadonlySet<string>;

  constructor(adjustments: CalendarAdjustments = {}) {
    this.#off = new Set(adjustments.extraDaysOff ?? []);
    this.#on = new Set(adjustments.extraWorkingDays ?? []);
  }

  isWorkingDay(iso: string): boolean {
    if (this.#on.has(iso)) return true;
    if (this.#off.has(iso)) return false;
    return !isWeekend(iso) && !publicHolidays(Number(iso.slice(0, 4))).has(iso);
  }

  /** The day itself when it is a working day, else the first working day after it. */
  onOrAfter(iso: string): string {
    let day = iso;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** The day itself when it is a working day, else the last working day before it. */
  onOrBefore(iso: string): string {
    let day = iso;
    while (!this.isWorkingDay(day)) day = addDays(day, -1);
    return day;
  }

  /** `iso` moved forward by `days` working days (days off skipped). */
  addWorkingDays(iso: string, days: number): string {
    let day = iso;
    for (let left = days; left > 0; left -= 1) day = this.onOrAfter(addDays(day, 1));
    return day;
  }
}
