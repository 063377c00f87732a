/**
 * The template's consistency rules applied to a period's answers, worded for people: the
 * question labels instead of keys. Used when an officer answers (a warning; the answer is kept)
 * and in the leader's summary.
 */
import type { AnswerValue } from "../domain/answer-value.js";
import { checkConsistency } from "../domain/derived.js";
import type { AnswersByKey } from "../domain/relevance.js";
import type { Template } from "../domain/template.js";
import type { Translate } from "../i18n.js";

export function consistencyWarnings(template: Template, keyed: AnswersByKey, t: Translate, onlyKey?: string): string[] {
  const labels = new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.key, q.label] as const)));
  const answers = new Map([...keyed].filter((entry): entry is [string, AnswerValue] => entry[1] !== null));
  const rules = (template.checks ?? []).filter((r) => onlyKey === undefined || (r.kind === "part_of" ? [r.part, r.whole] : [r.key]).includes(onlyKey));
  return checkConsistency(answers, rules).map((f) => {
    const label = (key: string | undefined) => labels.get(key ?? "") ?? key ?? "";
    switch (f.rule.kind) {
      case "part_of":
        return t("check.part_of", { part: label(f.rule.part), whole: label(f.rule.whole), partValue: f.params.partValue ?? "", wholeValue: f.params.wholeValue ?? "" });
      case "rate_max_100":
        return t("check.rate_max_100", { label: label(f.rule.key), rate: f.params.rate ?? "" });
      case "achieved_le_target":
        return t("check.achieved_le_target", { label: label(f.rule.key), achieved: f.params.achieved ?? "", target: f.params.target ?? "" });
    }
  });
}
