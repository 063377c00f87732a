/**
 * Loads what a member has to answer: the open period with their sections, the template
 * version it was opened with, and every answer already stored for that period.
 */
import type { AnswerValue } from "../domain/answer-value.js";
import type { AnswersByKey } from "../domain/relevance.js";
import type { Db, Tx } from "../store/database.js";
import { byKey, firstOpen, type StoredAnswer } from "./progress.js";
import type { IndexedSection, TemplateCache, TemplateIndex } from "./template-index.js";

export interface PeriodRow {
  id: number;
  unitId: number;
  kind: string;
  year: number;
  number: number;
  deadline: Date;
  templateVersionId: number;
}

export interface Work {
  period: PeriodRow;
  index: TemplateIndex;
  /** The member's own sections, in template order. */
  sections: IndexedSection[];
  answers: Map<number, StoredAnswer>;
  /** Answers of the whole period by question key (conditions may look at anyone's section). */
  keyed: AnswersByKey;
  /** The member's assignments by section id (whether each section is marked done). */
  assignments: Map<number, { id: number; completedAt: Date | null }>;
}

export async function loadAnswers(tx: Db | Tx, periodId: number): Promise<Map<number, StoredAnswer>> {
  return (await loadAnswersOf(tx, [periodId])).get(periodId) ?? new Map();
}

/** The answers of several periods in one query: period id → question id → answer. */
export async function loadAnswersOf(tx: Db | Tx, periodIds: number[]): Promise<Map<number, Map<number, StoredAnswer>>> {
  const rows = await tx.answer.findMany({ where: { periodId: { in: periodIds } }, select: { periodId: true, questionId: true, value: true, skipped: true, raw: true } });
  const byPeriod = new Map<number, Map<number, StoredAnswer>>(periodIds.map((id) => [id, new Map()]));
  for (const r of rows) byPeriod.get(r.periodId)!.set(r.questionId, { questionId: r.questionId, value: (r.value ?? null) as AnswerValue | null, skipped: r.skipped, raw: r.raw });
  return byPeriod;
}

export async function loadWorkForPeriod(tx: Tx, templates: TemplateCache, memberId: number, period: PeriodRow): Promise<Work> {
  const index = await templates.get(tx, period.templateVersionId);
  const assigned = await tx.assignment.findMany({ where: { periodId: period.id, memberId }, select: { id: true, sectionId: true, completedAt: true } });
  const assignments = new Map(assigned.map((a) => [a.sectionId, { id: a.id, completedAt: a.completedAt }]));
  const answers = await loadAnswers(tx, period.id);
  return { period, index, sections: index.sections.filter((s) => assignments.has(s.id)), answers, keyed: byKey(index.sections, answers), assignments };
}

/**
 * The period a member should work on now: among open periods where they own sections, the
 * one with the earliest deadline that still has open questions (or else the earliest).
 */
export async function loadCurrentWork(tx: Tx, templates: TemplateCache, memberId: number, preferredPeriodId?: number | null): Promise<Work | undefined> {
  const periods = await tx.period.findMany({
    where: { status: "open", assignments: { some: { memberId } } },
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
  });
  if (periods.length === 0) return undefined;
  const preferred = periods.find((p) => p.id === preferredPeriodId);
  if (preferred) return loadWorkForPeriod(tx, templates, memberId, preferred);
  let first: Work | undefined;
  for (const period of periods) {
    const work = await loadWorkForPeriod(tx, templates, memberId, period);
    if (firstOpen(work.sections, work.answers, work.keyed)) return work;
    first ??= work;
  }
  return first;
}
