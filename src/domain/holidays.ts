/**
 * Days off in Vietnam, for moving deadlines and reminders off them.
 *
 * The fixed and lunar public holidays (Tết Nguyên đán by the Vietnamese lunar calendar, which
 * differs from the Chinese one in some years, Giỗ Tổ Hùng Vương 10/3 âm lịch, 30/4, 1/5, 2/9)
 * come from the maintained `date-holidays` package. Two rules of Bộ luật Lao động 2019 are
 * added here because the package does not apply them:
 * - Điều 112: Quốc khánh is two days, 2/9 and one day next to it (the day before when 2/9 is a
 *   Tuesday, so that the Monday joins the weekend; otherwise the day after);
 * - Điều 111.3: a holiday falling on the weekly rest day is taken on the next working day.
 * Each year the Prime Minister also swaps days to make long breaks; units enter those swaps
 * in their settings (extra days off and extra working days).
 */
import Holidays from "date-holidays";
import { addDays, weekday } from "./local-time.js";

const vietnam = new Holidays("VN");
const cache = new Map<number, ReadonlyMap<string, string>>();

/** The public holidays of `year` by ISO day, with their Vietnamese names. */
export function publicHolidays(year: number): ReadonlyMap<string, string> {
  let days = cache.get(year);
  if (!days) {
    days = computeHolidays(year);
    cache.set(year, days);
  }
  return days;
}

function computeHolidays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  for (const h of vietnam.getHolidays(year)) {
    if (h.type !== "public") continue;
    const first = h.date.slice(0, 10);
    // Tết Nguyên đán is one entry lasting several days (giao thừa and the first days of the year).
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    for (let i = 0; i < length; i += 1) {
      const day = addDays(first, i);
      if (!days.has(day) || i === 0) days.set(day, i === 0 ? h.name : "Nghỉ Tết Nguyên đán");
    }
  }
  const nationalDay = `${year}-09-02`;
  const name = days.get(nationalDay) ?? "Quốc khánh";
  days.set(weekday(nationalDay) === 2 ? addDays(nationalDay, -1) : addDays(nationalDay, 1), name);

  // Compensation: a holiday on Saturday or Sunday moves one day off to the first working day after.
  for (const [iso, holiday] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isWeekend(iso)) continue;
    let day = addDays(iso, 1);
    while (isWeekend(day) || days.has(day)) day = addDays(day, 1);
    days.set(day, `${holiday} (nghỉ bù)`);
  }
  return days;
}

export function isWeekend(iso: string): boolean {
  const d = weekday(iso);
  return d === 0 || d === 6;
}
