/**
 * Where an officer stands, derived from the stored answers alone: the next open question,
 * the one before, and how much of each section is done. Nothing here is kept in memory
 * between messages, so a restart or a second channel sees exactly the same position.
 */
import type { AnswerValue } from "../domain/answer-value.js";
import { isRelevant, type AnswersByKey } from "../domain/relevance.js";
import type { IndexedQuestion, IndexedSection } from "./template-index.js";

export interface StoredAnswer {
  questionId: number;
  value: AnswerValue | null;
  skipped: boolean;
  raw: string;
}

export type AnswerMap = ReadonlyMap<number, StoredAnswer>;

export function byKey(sections: readonly IndexedSection[], answers: AnswerMap): AnswersByKey {
  const map = new Map<string, AnswerValue | null>();
  for (const section of sections) {
    for (const q of section.questions) {
      const a = answers.get(q.id);
      if (a) map.set(q.def.key, a.skipped ? null : a.value);
    }
  }
  return map;
}

/** The questions of a section that apply given the answers so far, in order. */
export function relevantQuestions(section: IndexedSection, keyed: AnswersByKey): IndexedQuestion[] {
  return section.questions.filter((q) => isRelevant(q.def, keyed));
}

export interface SectionProgress {
  section: IndexedSection;
  answered: number;
  total: number;
  complete: boolean;
}

export function sectionProgress(section: IndexedSection, answers: AnswerMap, keyed: AnswersByKey): SectionProgress {
  const questions = relevantQuestions(section, keyed);
  const answered = questions.filter((q) => answers.has(q.id)).length;
  return { section, answered, total: questions.length, complete: answered === questions.length };
}

/** Conditions may refer to any earlier question of the template, so keys come from all of it. */
export function sequence(sections: readonly IndexedSection[], keyed: AnswersByKey): IndexedQuestion[] {
  return sections.flatMap((s) => relevantQuestions(s, keyed));
}

export function firstOpen(sections: readonly IndexedSection[], answers: AnswerMap, keyed: AnswersByKey): IndexedQuestion | undefined {
  return sequence(sections, keyed).find((q) => !answers.has(q.id));
}

/** The question before `current` in the officer's sequence ("quay lại"). */
export function previousQuestion(
  sections: readonly IndexedSection[],
  keyed: AnswersByKey,
  current: IndexedQuestion,
): IndexedQuestion | undefined {
  const all = sequence(sections, keyed);
  const at = all.findIndex((q) => q.id === current.id);
  return at > 0 ? all[at - 1] : undefined;
}
