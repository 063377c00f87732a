/**
 * Dates as officers type them: day first, "12/05/2023", "12-5-2023", "12.5.2023", "12/5",
 * "ngày 12 tháng 5 năm 2023", with or without diacritics.
 */
import type { ParseResult } from "./answer-value.js";
import { normalizeForMatch } from "./vn-text.js";

/** Years a ward report can be about; anything else is a typo such as "2203". */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** "12/5/2023", "ngày 12-5-23", "12.5": one separator used throughout. */
const NUMERIC = /^(?:ngay )?(?<day>\d{1,2}) ?([/.-]) ?(?<month>\d{1,2})(?: ?\2 ?(?<year>\d{4}|\d{2}))?$/;
/** "ngày 12 tháng 5 năm 2023" as it is written in documents, "ngày" optional. */
const WORDS = /^(?:ngay )?(?<day>\d{1,2}) thang (?<month>\d{1,2})(?: nam (?<year>\d{4}|\d{2}))?$/;

/**
 * Returns ISO yyyy-mm-dd. Without a year, `referenceYear` (the report period's year) is used.
 * Two-digit years are 20yy: these reports are all from this century.
 */
export function parseVnDate(text: string, referenceYear: number): ParseResult<string> {
  const s = normalizeForMatch(text).replace(/\.$/, "");
  if (s === "") return { ok: false, error: "empty" };
  const groups = (NUMERIC.exec(s) ?? WORDS.exec(s))?.groups;
  if (groups === undefined) return { ok: false, error: "not_a_date" };
  const day = Number(groups.day);
  const month = Number(groups.month);
  const year = toYear(groups.year, referenceYear);
  if (!isValidDate(year, month, day)) return { ok: false, error: "not_a_date" };
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

function toYear(typed: string | undefined, referenceYear: number): number {
  if (typed === undefined) return referenceYear;
  return typed.length === 2 ? 2000 + Number(typed) : Number(typed);
}

function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
