/**
 * `/vangmat` arguments as officers type them: "20/11-25/11", "20/11 - 25/11/2026",
 * "từ 20/11 đến 25/11", a single day "20/11", each optionally followed by "cho <tên>" (or
 * "giao", "nhờ", "ủy quyền") to hand their sections to a colleague. With or without diacritics.
 */
import { daysBetween } from "./local-time.js";
import { parseVnDate } from "./parse-date.js";
import { normalizeForMatch } from "./vn-text.js";

export interface AbsenceRequest {
  startsOn: string;
  endsOn: string;
  /** The colleague's name as typed (diacritics removed), when the sections are handed over. */
  delegate?: string;
}

export type AbsenceError = "format" | "order" | "past" | "too_long";

/** An absence longer than a quarter is a typo (or a matter for the admin, not a reminder setting). */
export const MAX_ABSENCE_DAYS = 92;

const DATE = String.raw`\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?`;
const PATTERN = new RegExp(String.raw`^(?:tu )?(${DATE})(?: ?(?:-|–|den|toi) ?(?:het |ngay )?(${DATE}))?(?: (?:uy quyen cho|giao cho|nho|uy quyen|cho|giao) (.+))?$`);

export type AbsenceResult = { ok: true; value: AbsenceRequest } | { ok: false; error: AbsenceError };

export function parseAbsence(text: string, today: string): AbsenceResult {
  const s = normalizeForMatch(text).replace(/\.$/, "");
  const m = PATTERN.exec(s);
  if (m === null) return { ok: false, error: "format" };
  const year = Number(today.slice(0, 4));
  const hasYear = (date: string) => /\d[/.]\d{1,2}[/.]\d/.test(date);
  // "05/01" typed in late December means next January.
  let first = parseVnDate(m[1]!, year);
  if (first.ok && !hasYear(m[1]!) && daysBetween(first.value, today) > 60) first = parseVnDate(m[1]!, year + 1);
  if (!first.ok) return { ok: false, error: "format" };
  const startsOn = first.value;
  let endsOn = startsOn;
  if (m[2] !== undefined) {
    const startYear = Number(startsOn.slice(0, 4));
    let second = parseVnDate(m[2], startYear);
    // "28/12-03/01" runs into the next year.
    if (second.ok && !hasYear(m[2]) && second.value.slice(5, 7) < startsOn.slice(5, 7)) second = parseVnDate(m[2], startYear + 1);
    if (!second.ok) return { ok: false, error: "format" };
    endsOn = second.value;
  }
  if (endsOn < startsOn) return { ok: false, error: "order" };
  if (endsOn < today) return { ok: false, error: "past" };
  if (daysBetween(startsOn, endsOn) + 1 > MAX_ABSENCE_DAYS) return { ok: false, error: "too_long" };
  const delegate = m[3]?.trim();
  return { ok: true, value: delegate ? { startsOn, endsOn, delegate } : { startsOn, endsOn } };
}
