/**
 * Whether a question applies, given the answers so far (the template's `relevant` condition,
 * as in XLSForm). A condition on an unanswered or skipped question is false: we do not ask
 * "how much was the fine" before knowing there was a violation.
 */
import type { AnswerValue } from "./answer-value.js";
import type { Condition, Question } from "./template.js";

/** Answers by question key; null means the question was skipped. */
export type AnswersByKey = ReadonlyMap<string, AnswerValue | null>;

function comparable(value: AnswerValue): string | number | boolean | undefined {
  switch (value.kind) {
    case "count":
    case "decimal":
    case "money":
    case "percent":
    case "choice":
    case "yesno":
      return value.value;
    case "ratio":
      return value.achieved;
    case "date":
      return value.value;
    default:
      return undefined;
  }
}

export function conditionHolds(condition: Condition, answers: AnswersByKey): boolean {
  const answer = answers.get(condition.question);
  if (!answer) return false;
  const v = comparable(answer);
  if (v === undefined) return true; // text and lists have nothing to compare; presence is enough
  if (condition.equals !== undefined && v !== condition.equals) return false;
  if (condition.notEquals !== undefined && v === condition.notEquals) return false;
  if (typeof v !== "number") return condition.gt === undefined && condition.gte === undefined && condition.lt === undefined && condition.lte === undefined;
  if (condition.gt !== undefined && !(v > condition.gt)) return false;
  if (condition.gte !== undefined && !(v >= condition.gte)) return false;
  if (condition.lt !== undefined && !(v < condition.lt)) return false;
  if (condition.lte !== undefined && !(v <= condition.lte)) return false;
  return true;
}

export function isRelevant(question: Question, answers: AnswersByKey): boolean {
  return question.relevant === undefined || conditionHolds(question.relevant, answers);
}
