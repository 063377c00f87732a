/**
 * Wall-clock time in the unit's time zone (dayjs with its utc and timezone plugins): the
 * reporting rules speak of local days and hours ("17:00 on the 16th", "quiet after 21:00"),
 * while the database stores instants.
 */
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** "HH:mm" as minutes after midnight. */
export type ClockTime = string;

export function minutesOf(time: ClockTime): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (m === null) throw new RangeError(`not a clock time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The instant clocks in `timeZone` show `time` on local day `iso` (yyyy-mm-dd). */
export function localInstant(iso: string, time: ClockTime, timeZone: string): Date {
  const minutes = minutesOf(time);
  return dayjs.tz(`${iso} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`, "YYYY-MM-DD HH:mm", timeZone).toDate();
}

/** The local calendar day of an instant, yyyy-mm-dd. */
export function localDay(instant: Date, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format("YYYY-MM-DD");
}

/** Minutes after local midnight of an instant. */
export function localMinutes(instant: Date, timeZone: string): number {
  const d = dayjs(instant).tz(timeZone);
  return d.hour() * 60 + d.minute();
}

/** `iso` moved by `days` calendar days. */
export function addDays(iso: string, days: number): string {
  return dayjs.utc(iso).add(days, "day").format("YYYY-MM-DD");
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return dayjs.utc(iso).day();
}

/** Whole local days from day `from` to day `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), "day");
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
