/**
 * Numbers as Vietnamese officers type them: dot for thousands, comma for decimals
 * ("15.331,4"), amounts with tỷ/triệu/nghìn ("5,67 tỷ"), counts with their unit ("28 hồ sơ").
 * Input is matched in its normalizeForMatch form, so diacritics and case never matter.
 */
import type { ParseErrorCode, ParseResult } from "./answer-value.js";
import { normalizeForMatch } from "./vn-text.js";

/** Larger figures are typos; it also keeps every accepted integer exact in a double (2^53 ≈ 9e15). */
export const MAX_ABS_NUMBER = 1e15;

export interface PercentOptions {
  /** Allow values above 100, for "đạt 132% kế hoạch"; a share of a whole never exceeds 100. */
  allowOver100?: boolean;
}

/** "1.234.567", "15.331,4": the first group must not start with 0, else it is no thousands group. */
const DOT_GROUPED = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/;
/** "1 234 567", as Word and some phones write it. */
const SPACE_GROUPED = /^([1-9]\d{0,2}(?: \d{3})+)(?:,(\d+))?$/;
/** "1234", "5,67". */
const UNGROUPED = /^(\d+)(?:,(\d+))?$/;
/**
 * "1.5", "12.75": a dot typed on an English keyboard. Only a dot followed by exactly three
 * digits is a thousands separator ("1.500" = 1500); "0.500" and "1234.567" fit neither reading
 * and are rejected rather than guessed.
 */
const DOT_DECIMAL = /^(\d+)\.(\d{1,2}|\d{4,})$/;

/** The number at the start of a text: digits with single dots, commas or spaces between them. */
const LEADING_NUMBER = /^[+\-−]?\d+(?:[., ]\d+)*/;

/** Words that multiply the number before them; listed longest first so "trieu" wins over "tr". */
const SCALES: readonly { pattern: RegExp; factor: number }[] = [
  { pattern: /^(?:ty|ti)(?![a-z])/, factor: 1e9 },
  { pattern: /^(?:trieu|tr)(?![a-z])/, factor: 1e6 },
  { pattern: /^(?:nghin|ngan|k)(?![a-z])/, factor: 1e3 },
];
const CURRENCY = /^(?:dong|vnd|d|₫)(?![a-z])/;
const PERCENT_SIGN = /^(?:%|phan tram)$/;
/** A unit label after a ratio side ("611 trẻ", "12 m2"): starts with a letter, no further figures. */
const LABEL = /^\p{L}[\p{L}²³\d ]*$/u;

export function parseVnNumber(text: string): ParseResult<number> {
  const s = prepare(text);
  if (s === "") return fail("empty");
  if (isZeroWord(s)) return { ok: true, value: 0 };
  const value = readNumber(s);
  return value === null ? fail("not_a_number") : { ok: true, value };
}

/**
 * An amount in đồng, rounded to whole đồng. Fractions need a scale word: đồng has no
 * subunit, so a bare "5,67" is a forgotten "tỷ", not 6 đồng, and is rejected as not_an_integer.
 */
export function parseMoney(text: string): ParseResult<number> {
  const s = prepare(text);
  if (s === "") return fail("empty");
  const amount = readAmount(s);
  if (!("value" in amount)) return amount;
  if (amount.scale === null && !Number.isInteger(amount.value)) return fail("not_an_integer");
  const value = Math.round(amount.value);
  if (Math.abs(value) > MAX_ABS_NUMBER) return fail("not_a_number");
  return { ok: true, value: value === 0 ? 0 : value };
}

/** A number, alone or followed by the expected unit ("28", "28 hồ sơ", "15.331,4 m2"). */
export function parseQuantity(text: string, unit: string): ParseResult<number> {
  const s = prepare(text);
  if (s === "") return fail("empty");
  if (isZeroWord(s)) return { ok: true, value: 0 };
  const lead = splitLeadingNumber(s);
  if (lead === null) return fail("not_a_number");
  if (lead.rest === "" || sameUnit(lead.rest, unit)) return { ok: true, value: lead.value };
  return /^\p{L}/u.test(lead.rest) ? fail("wrong_unit", { unit }) : fail("not_a_number");
}

/** A quantity that counts things, so a non-negative whole number. */
export function parseCount(text: string, unit: string): ParseResult<number> {
  const result = parseQuantity(text, unit);
  if (!result.ok) return result;
  if (result.value < 0) return fail("negative");
  if (!Number.isInteger(result.value)) return fail("not_an_integer");
  return result;
}

/** "68%", "68 %", "68", "99,9 phần trăm"; 68 means 68 %. */
export function parsePercent(text: string, options: PercentOptions = {}): ParseResult<number> {
  const s = prepare(text);
  if (s === "") return fail("empty");
  if (isZeroWord(s)) return { ok: true, value: 0 };
  const lead = splitLeadingNumber(s);
  if (lead === null || (lead.rest !== "" && !PERCENT_SIGN.test(lead.rest))) return fail("not_a_percent");
  if (lead.value < 0) return fail("negative");
  if (lead.value > 100 && !options.allowOver100) return fail("above_max", { max: 100 });
  return { ok: true, value: lead.value };
}

/**
 * Achieved over target: "343/347", "343 trên 347", "507/611 trẻ", "5.670.000.000đ/8.291.000.000đ",
 * "2,679 tỷ/3,320 tỷ". A bare left side takes the right side's scale word, the way people write
 * "2,679/3,320 tỷ"; a scaled left side over a bare right side is read literally
 * ("5 triệu/10.000.000"). Achieved above target is valid: over-achievement is for callers to judge.
 */
export function parseRatio(text: string): ParseResult<{ achieved: number; target: number }> {
  const s = prepare(text);
  if (s === "") return fail("empty");
  const sides = s.split(/ ?\/ ?| tren /);
  if (sides.length !== 2) return fail("not_a_ratio");
  const left = readRatioSide(sides[0] ?? "");
  const right = readRatioSide(sides[1] ?? "");
  if (left === null || right === null) return fail("not_a_ratio");
  const achieved =
    left.scale === null && right.scale !== null ? Math.round(left.value * right.scale) : left.value;
  if (right.value <= 0 || Math.abs(achieved) > MAX_ABS_NUMBER) return fail("not_a_ratio");
  // -0 comes from a typed minus sign rounded away ("-0,0001/1 nghìn").
  if (achieved < 0 || Object.is(achieved, -0)) return fail("negative");
  return { ok: true, value: { achieved, target: right.value } };
}

type Failure = Extract<ParseResult<never>, { ok: false }>;

/** A sum of scaled terms ("1 tỷ 200 triệu"), then an optional currency word; a bare amount is not rounded. */
function readAmount(s: string): { value: number; scale: number | null } | Failure {
  if (isZeroWord(s)) return { value: 0, scale: null };
  const sign = /^[\-−]/.test(s) ? -1 : 1;
  let rest = s.replace(/^[+\-−]/, "");
  let total = 0;
  let firstScale: number | null = null;
  let lastScale = Infinity;
  for (;;) {
    const lead = splitLeadingNumber(rest);
    if (lead === null || lead.value < 0) return fail("not_a_number");
    rest = lead.rest;
    const scale = SCALES.find((sc) => sc.pattern.test(rest));
    if (scale === undefined) {
      // A bare number after "1 tỷ" is whole đồng only when the currency says so: "1 tỷ 200" is a guess.
      if (firstScale !== null && !CURRENCY.test(rest)) return fail("not_a_number");
      total += lead.value;
      break;
    }
    // Each scale once and largest first: "200 triệu 1 tỷ" is a slip, not an amount.
    if (scale.factor >= lastScale) return fail("not_a_number");
    lastScale = scale.factor;
    firstScale ??= scale.factor;
    // Scaled terms are whole đồng (or units); rounding here also drops float noise (2,679 × 1e9).
    total += Math.round(lead.value * scale.factor);
    rest = rest.replace(scale.pattern, "").trimStart();
    if (!/^\d/.test(rest)) break;
  }
  rest = rest.replace(CURRENCY, "").trim();
  if (rest !== "") return /^\p{L}/u.test(rest) ? fail("wrong_unit", { unit: "đồng" }) : fail("not_a_number");
  if (Math.abs(total) > MAX_ABS_NUMBER) return fail("not_a_number");
  return { value: total === 0 ? 0 : sign * total, scale: firstScale };
}

/** One side of a ratio: an amount, or a number followed by a unit label. */
function readRatioSide(side: string): { value: number; scale: number | null } | null {
  const amount = readAmount(side);
  if ("value" in amount) return amount;
  const lead = splitLeadingNumber(side);
  if (lead === null || !LABEL.test(lead.rest)) return null;
  return { value: lead.value, scale: null };
}

/** Splits "15.331,4 m2" into 15331.4 and "m2"; null when the text does not start with a valid number. */
function splitLeadingNumber(s: string): { value: number; rest: string } | null {
  const token = LEADING_NUMBER.exec(s)?.[0];
  if (token === undefined) return null;
  const value = readNumber(token);
  return value === null ? null : { value, rest: s.slice(token.length).trim() };
}

/** A whole normalized token like "-1.234,5" → -1234.5, or null. */
function readNumber(token: string): number | null {
  const negative = /^[\-−]/.test(token);
  const body = token.replace(/^[+\-−]/, "");
  let match = DOT_GROUPED.exec(body) ?? SPACE_GROUPED.exec(body) ?? UNGROUPED.exec(body);
  let integer: string | undefined;
  let fraction: string | undefined;
  if (match !== null) {
    integer = match[1]?.replace(/[. ]/g, "");
    fraction = match[2];
  } else if ((match = DOT_DECIMAL.exec(body)) !== null) {
    integer = match[1];
    fraction = match[2];
  }
  if (integer === undefined) return null;
  // Going through Number() on a plain decimal string gives the double nearest to what was typed.
  const magnitude = Number(fraction === undefined ? integer : `${integer}.${fraction}`);
  if (!Number.isFinite(magnitude) || magnitude > MAX_ABS_NUMBER) return null;
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** Normalized text, without the full stop people end a chat message with ("28 hồ sơ."). */
function prepare(text: string): string {
  return normalizeForMatch(text).replace(/\.$/, "").trimEnd();
}

/** "không" (zero) answers a figure question as often as "0" does; `s` is already normalized. */
function isZeroWord(s: string): boolean {
  return s === "khong";
}

/** "m²" and "m2", "hồ sơ" and "ho so" and "hoso" are the same unit. */
function sameUnit(typed: string, unit: string): boolean {
  const canonical = (u: string) =>
    normalizeForMatch(u).replace(/²/g, "2").replace(/³/g, "3").replace(/ /g, "");
  return canonical(unit) !== "" && canonical(typed) === canonical(unit);
}

function fail(error: ParseErrorCode, params?: Record<string, string | number>): Failure {
  return params === undefined ? { ok: false, error } : { ok: false, error, params };
}
