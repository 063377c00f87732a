/**
 * An answer as an officer reads it back: Vietnamese number and date formats, with its unit.
 */
import type { AnswerValue } from "./answer-value.js";
import { ratioRate } from "./derived.js";
import { formatDateVn, formatMoney, formatNumber, formatPercent, formatPercentCompact, formatQuantity } from "./format-vn.js";
import type { Question } from "./template.js";

export interface RenderWords {
  yes: string;
  no: string;
}

export function renderValue(value: AnswerValue, question: Question, words: RenderWords): string {
  switch (value.kind) {
    case "count":
    case "decimal":
      return formatQuantity(value.value, value.unit);
    case "money":
      return formatMoney(value.value);
    case "percent":
      return `${formatNumber(value.value)}%`;
    case "ratio": {
      // The rate is derived from the two stored numbers, never typed by the officer, and rounded
      // the same way as in the summary and the report (a plain division prints 23/80 as 28,7%).
      const rate = ratioRate(value.achieved, value.target);
      const shown = `${formatNumber(value.achieved)}/${formatNumber(value.target)}`;
      return rate.kind === "ok" ? `${shown} (${formatPercent(rate.percent)})` : shown;
    }
    case "text":
      return value.value;
    case "list":
      return value.items.map((item) => `- ${item}`).join("\n");
    case "choice":
      return question.options?.find((o) => o.key === value.value)?.label ?? value.value;
    case "yesno":
      return value.value ? words.yes : words.no;
    case "date":
      return formatDateVn(value.value);
  }
}

/** A one-line form for recaps and lists: long text is cut at a word boundary. */
export function renderShort(value: AnswerValue, question: Question, words: RenderWords, max = 80): string {
  const full = value.kind === "list" ? value.items.join("; ") : renderValue(value, question, words);
  const oneLine = full.replace(/\s+/g, " ").trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 15))}…`;
}

/** A bare figure of an indicator (a plan target, a total) in its own unit: "8.291.000.000 đồng", "182 người", "68,5%". */
export function formatIndicator(question: Question, value: number): string {
  if (question.type === "money") return formatMoney(value);
  if (question.type === "percent") return formatPercentCompact(value);
  return formatQuantity(value, question.unit ?? "");
}
