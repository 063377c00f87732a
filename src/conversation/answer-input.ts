/**
 * Turns what an officer typed (or the option they pressed) into the typed value of the
 * question on screen, with the question's own limits applied.
 */
import { indicatorNumber, type AnswerValue, type ParseResult } from "../domain/answer-value.js";
import { parseVnDate } from "../domain/parse-date.js";
import { parseChoice, parseList, parseText, parseYesNo } from "../domain/parse-misc.js";
import { parseCount, parseMoney, parsePercent, parseQuantity, parseRatio } from "../domain/parse-number.js";
import { formatNumber } from "../domain/format-vn.js";
import type { Question } from "../domain/template.js";

/** The options a question offers as buttons or numbered lines; yes/no has two. */
export function optionsOf(question: Question, words: { yes: string; no: string }): { key: string; label: string }[] | undefined {
  if (question.type === "choice") return question.options;
  if (question.type === "yesno") return [{ key: "yes", label: words.yes }, { key: "no", label: words.no }];
  return undefined;
}

export function parseAnswer(text: string, question: Question, referenceYear: number): ParseResult<AnswerValue> {
  const parsed = parseByType(text, question, referenceYear);
  if (!parsed.ok) return parsed;
  return checkLimits(parsed.value, question);
}

function map<T>(r: ParseResult<T>, f: (v: T) => AnswerValue): ParseResult<AnswerValue> {
  return r.ok ? { ok: true, value: f(r.value) } : r;
}

function parseByType(text: string, q: Question, referenceYear: number): ParseResult<AnswerValue> {
  const unit = q.unit ?? "";
  switch (q.type) {
    case "count":
      return map(parseCount(text, unit), (value) => ({ kind: "count", value, unit }));
    case "decimal":
      return map(parseQuantity(text, unit), (value) => ({ kind: "decimal", value, unit }));
    case "money":
      return map(parseMoney(text), (value) => ({ kind: "money", value }));
    case "percent":
      return map(parsePercent(text, { allowOver100: (q.max ?? 100) > 100 }), (value) => ({ kind: "percent", value }));
    case "ratio":
      return map(parseRatio(text), ({ achieved, target }) => ({ kind: "ratio", achieved, target }));
    case "text":
      return map(parseText(text, q.maxLength), (value) => ({ kind: "text", value }));
    case "list":
      return map(parseList(text), (items) => ({ kind: "list", items }));
    case "choice":
      return map(parseChoice(text, q.options ?? []), (value) => ({ kind: "choice", value }));
    case "yesno": {
      // The options are shown numbered "1. Có  2. Không" on text-only channels.
      const numbered = /^\s*([12])\s*$/.exec(text);
      if (numbered) return { ok: true, value: { kind: "yesno", value: numbered[1] === "1" } };
      return map(parseYesNo(text), (value) => ({ kind: "yesno", value }));
    }
    case "date":
      return map(parseVnDate(text, referenceYear), (value) => ({ kind: "date", value }));
  }
}


function checkLimits(value: AnswerValue, q: Question): ParseResult<AnswerValue> {
  const n = indicatorNumber(value);
  if (n === undefined) return { ok: true, value };
  if (q.min !== undefined && n < q.min) return { ok: false, error: "below_min", params: { min: formatNumber(q.min) } };
  if (q.max !== undefined && n > q.max) return { ok: false, error: "above_max", params: { max: formatNumber(q.max) } };
  return { ok: true, value };
}
