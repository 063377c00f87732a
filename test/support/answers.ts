/**
 * A valid typed answer for any template question, and the value the bot must store for it,
 * so that end-to-end tests can walk a whole template without knowing it in advance.
 */
import type { AnswerValue } from "../../src/domain/answer-value.js";
import type { Question } from "../../src/domain/template.js";

export function answerFor(q: Question, variant = 0): { text: string; expected: AnswerValue } {
  const n = 10 + variant;
  switch (q.type) {
    case "count":
      return { text: `${n + 1000} ${q.unit}`.replace(/^(\d)(\d{3})/, "$1.$2"), expected: { kind: "count", value: n + 1000, unit: q.unit ?? "" } };
    case "decimal":
      return { text: `15.331,${variant % 10}`, expected: { kind: "decimal", value: 15331 + (variant % 10) / 10, unit: q.unit ?? "" } };
    case "money":
      return { text: "5,67 tỷ", expected: { kind: "money", value: 5_670_000_000 } };
    case "percent":
      return { text: "68,5%", expected: { kind: "percent", value: 68.5 } };
    case "ratio":
      return { text: "343/347", expected: { kind: "ratio", achieved: 343, target: 347 } };
    case "text":
      return { text: `Tình hình ổn định, số ${n}.`, expected: { kind: "text", value: `Tình hình ổn định, số ${n}.` } };
    case "list":
      return { text: "- Việc thứ nhất\n- Việc thứ hai", expected: { kind: "list", items: ["Việc thứ nhất", "Việc thứ hai"] } };
    case "choice":
      return { text: "1", expected: { kind: "choice", value: q.options![0]!.key } };
    case "yesno":
      return { text: "có", expected: { kind: "yesno", value: true } };
    case "date":
      return { text: "12/05/2026", expected: { kind: "date", value: "2026-05-12" } };
  }
}
