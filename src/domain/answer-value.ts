/**
 * The typed value of one answer, as stored (JSON) and as rendered.
 * Numbers are plain JS numbers: money is in đồng, percent is 0–100 (68 means 68 %).
 */
export type AnswerValue =
  | { kind: "count"; value: number; unit: string }
  | { kind: "decimal"; value: number; unit: string }
  | { kind: "money"; value: number }
  | { kind: "percent"; value: number }
  | { kind: "ratio"; achieved: number; target: number }
  | { kind: "text"; value: string }
  | { kind: "list"; items: string[] }
  | { kind: "choice"; value: string }
  | { kind: "yesno"; value: boolean }
  | { kind: "date"; value: string }; // ISO yyyy-mm-dd

export type QuestionType = AnswerValue["kind"];

export const QUESTION_TYPES = [
  "count",
  "decimal",
  "money",
  "percent",
  "ratio",
  "text",
  "list",
  "choice",
  "yesno",
  "date",
] as const satisfies readonly QuestionType[];

/** Why an input could not be understood; each code has a message in locales under `parse.<code>`. */
export type ParseErrorCode =
  | "empty"
  | "not_a_number"
  | "not_an_integer"
  | "negative"
  | "below_min"
  | "above_max"
  | "not_a_percent"
  | "not_a_ratio"
  | "ratio_over"
  | "not_a_date"
  | "not_yes_no"
  | "not_a_choice"
  | "too_long"
  | "wrong_unit";

export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: ParseErrorCode; params?: Record<string, string | number> };

/** The number an indicator is measured and compared by (the achieved part of a ratio); none for text, lists, choices, yes/no and dates. */
export function indicatorNumber(value: AnswerValue | undefined): number | undefined {
  switch (value?.kind) {
    case "count":
    case "decimal":
    case "money":
    case "percent":
      return value.value;
    case "ratio":
      return value.achieved;
    default:
      return undefined;
  }
}
