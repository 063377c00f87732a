import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParseErrorCode, ParseResult } from "../../src/domain/answer-value.js";
import {
  formatDateVn,
  formatMoney,
  formatMoneyShort,
  formatNumber,
  formatPercent,
  formatQuantity,
} from "../../src/domain/format-vn.js";
import { matchKeyword, parseCommand } from "../../src/domain/parse-command.js";
import { parseVnDate } from "../../src/domain/parse-date.js";
import { parseChoice, parseList, parseText, parseYesNo } from "../../src/domain/parse-misc.js";
import {
  parseCount,
  parseMoney,
  parsePercent,
  parseQuantity,
  parseRatio,
  parseVnNumber,
} from "../../src/domain/parse-number.js";

/** A Record, so adding a code to ParseErrorCode without listing it here fails type-checking. */
const ERROR_CODES: Record<ParseErrorCode, true> = {
  empty: true,
  not_a_number: true,
  not_an_integer: true,
  negative: true,
  below_min: true,
  above_max: true,
  not_a_percent: true,
  not_a_ratio: true,
  ratio_over: true,
  not_a_date: true,
  not_yes_no: true,
  not_a_choice: true,
  too_long: true,
  wrong_unit: true,
};

const VN_LETTERS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯ"];
const VN_WORDS = [
  "tỷ", "tỉ", "triệu", "tr", "nghìn", "ngàn", "k", "đồng", "đ", "VNĐ", "₫", "tháng", "ngày", "năm", "không",
  "trên", "m²", "m2", "ha", "hồ sơ", "trẻ", "phần trăm", "báo cáo", "bỏ qua", "hủy", "dừng", "đúng", "có", "@Bot",
];

/** Characters and words officers really type, plus any code point at all (lone surrogates included). */
const typed = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."0123456789"),
    fc.constantFrom(".", ",", "/", " ", "  ", "-", "−", "+", "%", "\n", "\r\n", "\t", "\u00a0", ";", ")", "•", "*"),
    fc.constantFrom(...VN_LETTERS),
    fc.constantFrom("\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"),
    fc.constantFrom(...VN_WORDS),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.constantFrom("\ud800", "\udfff", "\u200b", "\ufeff", "\u0000"),
  ),
  maxLength: 40,
});

/** Short strings made of figure pieces, so that the parsers' success paths get fuzzed too. */
const figureLike = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(..."0123456789") },
    { weight: 3, arbitrary: fc.constantFrom(".", ",", " ", "/", "-", "+", "%") },
    { weight: 1, arbitrary: fc.constant("/") },
    { weight: 1, arbitrary: fc.constantFrom(...VN_WORDS) },
  ),
  maxLength: 14,
});
const input = fc.oneof(typed, figureLike);

/**
 * Throws, naming the parser, unless the result has the shape every result must have and
 * `valueOk` holds on a success. Plain checks rather than expect(): this runs 150,000 times.
 */
function check<T>(parser: string, result: ParseResult<T>, valueOk: (value: T) => boolean): void {
  const keys = Object.keys(result).sort().join(",");
  const wellFormed = result.ok
    ? keys === "ok,value" && valueOk(result.value)
    : (keys === "error,ok" || keys === "error,ok,params") &&
      ERROR_CODES[result.error] === true &&
      Object.values(result.params ?? {}).every((v) => typeof v === "string" || typeof v === "number");
  if (!wellFormed) throw new Error(`${parser} returned ${JSON.stringify(result)}`);
}

const isFiniteNumber = (v: number) => Number.isFinite(v) && !Object.is(v, -0) && Math.abs(v) <= 1e15;
const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseVnDate(formatDateVn(v), 2000).ok;
const OPTIONS = [
  { key: "dat", label: "Đạt" },
  { key: "khong_dat", label: "Không đạt" },
];

describe("every parser, on 10,000 random strings", () => {
  it("never throws and always returns a well-formed result", () => {
    fc.assert(
      fc.property(input, (text) => {
        check("parseVnNumber", parseVnNumber(text), isFiniteNumber);
        check("parseMoney", parseMoney(text), (v) => isFiniteNumber(v) && Number.isInteger(v));
        check("parseQuantity", parseQuantity(text, "hồ sơ"), isFiniteNumber);
        check("parseQuantity", parseQuantity(text, "m²"), isFiniteNumber);
        check("parseCount", parseCount(text, "hồ sơ"), (v) => Number.isInteger(v) && v >= 0 && v <= 1e15);
        check("parsePercent", parsePercent(text), (v) => isFiniteNumber(v) && v >= 0 && v <= 100);
        check("parsePercent", parsePercent(text, { allowOver100: true }), (v) => isFiniteNumber(v) && v >= 0);
        check("parseRatio", parseRatio(text), (v) => isFiniteNumber(v.achieved) && v.achieved >= 0 && v.target > 0);
        check("parseVnDate", parseVnDate(text, 2024), isIsoDate);
        check("parseYesNo", parseYesNo(text), (v) => typeof v === "boolean");
        check("parseChoice", parseChoice(text, OPTIONS), (v) => OPTIONS.some((o) => o.key === v));
        check("parseChoice", parseChoice(text, []), () => false);
        check("parseList", parseList(text), (v) => v.length > 0 && v.every((i) => i !== "" && i === i.trim()));
        check("parseText", parseText(text, 20), (v) => v !== "" && v === v.trim() && v.length <= 20);

        const command = parseCommand(text);
        const commandOk =
          command === null || (/^[a-z0-9_]+$/.test(command.name) && command.args.every((a) => /^\S+$/.test(a)));
        if (!commandOk) throw new Error(`parseCommand returned ${JSON.stringify(command)}`);
        if (![null, "skip", "back", "keep", "cancel"].includes(matchKeyword(text))) throw new Error("matchKeyword");
      }),
      { numRuns: 10_000 },
    );
  });

  it("reaches the success path of every figure parser, so the check above is not vacuous", () => {
    const samples = fc.sample(input, { numRuns: 10_000, seed: 1 });
    const parsers = {
      parseVnNumber: (t: string) => parseVnNumber(t),
      parseMoney: (t: string) => parseMoney(t),
      parseQuantity: (t: string) => parseQuantity(t, "hồ sơ"),
      parseCount: (t: string) => parseCount(t, "hồ sơ"),
      parsePercent: (t: string) => parsePercent(t),
      parseRatio: (t: string) => parseRatio(t),
      parseVnDate: (t: string) => parseVnDate(t, 2024),
    };
    for (const [name, parse] of Object.entries(parsers)) {
      const successes = samples.filter((t) => parse(t).ok).length;
      // Measured with this seed: 49 dates, 190 ratios, 700–900 for the others.
      expect({ name, enough: successes >= 25 }).toEqual({ name, enough: true });
    }
  });
});

describe("round trips from format to parse", () => {
  const integer = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(Number);
  /** Up to 15 significant digits, which a double always keeps exactly in decimal. */
  const cents = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map((k) => Number(k) / 100);
  const isoDate = fc
    .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it("formatNumber → parseVnNumber keeps integers", () => {
    fc.assert(
      fc.property(integer, (n) => {
        expect(parseVnNumber(formatNumber(n))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("formatNumber → parseVnNumber keeps decimals with up to two fraction digits", () => {
    fc.assert(
      fc.property(cents, (n) => {
        expect(parseVnNumber(formatNumber(n))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("formatQuantity → parseQuantity keeps the value", () => {
    fc.assert(
      fc.property(cents, fc.constantFrom("m²", "ha", "hồ sơ", "tấn"), (n, unit) => {
        expect(parseQuantity(formatQuantity(n, unit), unit)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("formatMoney → parseMoney keeps every whole amount", () => {
    fc.assert(
      fc.property(integer, (dong) => {
        expect(parseMoney(formatMoney(dong))).toEqual({ ok: true, value: dong });
      }),
    );
  });

  it("formatMoneyShort → parseMoney stays within the rounding of the shown digits", () => {
    fc.assert(
      fc.property(integer, (dong) => {
        const parsed = parseMoney(formatMoneyShort(dong));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        // Two decimals of tỷ are 10 triệu, of triệu 10 nghìn: at most half of that is lost.
        const tolerance = Math.abs(dong) >= 999_995_000 ? 5_000_000 : Math.abs(dong) >= 1e6 ? 5_000 : 0;
        expect(Math.abs(parsed.value - dong)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it("formatPercent → parsePercent keeps one-decimal percentages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (tenths) => {
        const p = tenths / 10;
        expect(parsePercent(formatPercent(p))).toEqual({ ok: true, value: p });
      }),
    );
  });

  it("formatted achieved/target → parseRatio keeps both", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }).map(Number),
        fc.bigInt({ min: 1n, max: 10n ** 15n }).map(Number),
        (achieved, target) => {
          expect(parseRatio(`${formatNumber(achieved)}/${formatNumber(target)}`)).toEqual({
            ok: true,
            value: { achieved, target },
          });
        },
      ),
    );
  });

  it("formatDateVn → parseVnDate keeps every valid date", () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(parseVnDate(formatDateVn(iso), 2000)).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 2_000 },
    );
  });

  it("day and month alone, or written in words, give the same date", () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [year, month, day] = iso.split("-").map(Number);
        expect(parseVnDate(`${day}/${month}`, year ?? 0)).toEqual({ ok: true, value: iso });
        expect(parseVnDate(`ngày ${day} tháng ${month} năm ${year}`, 2000)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});
