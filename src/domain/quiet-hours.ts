/**
 * Quiet hours: local times when the bot never sends a reminder (default 21:00–07:00). The
 * window may wrap past midnight or not (a lunch break, 11:30–13:30).
 */
import { addDays, localDay, localInstant, localMinutes, minutesOf } from "./local-time.js";

export interface QuietHours {
  start: string;
  end: string;
}

export function isQuiet(instant: Date, quiet: QuietHours, timeZone: string): boolean {
  const m = localMinutes(instant, timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** `instant` itself outside quiet hours, else the moment they end. */
export function outsideQuiet(instant: Date, quiet: QuietHours, timeZone: string): Date {
  if (!isQuiet(instant, quiet, timeZone)) return instant;
  const day = localDay(instant, timeZone);
  const m = localMinutes(instant, timeZone);
  // Past the start of a window that wraps midnight, the window ends tomorrow morning.
  const endsTomorrow = minutesOf(quiet.start) > minutesOf(quiet.end) && m >= minutesOf(quiet.start);
  return localInstant(endsTomorrow ? addDays(day, 1) : day, quiet.end, timeZone);
}
