/**
 * Who still owes answers in a period, and what: per member, their sections with open
 * questions, counted the way /tiendo counts them (only questions that apply given the
 * answers so far).
 */
import { byKey, sectionProgress } from "../conversation/progress.js";
import type { TemplateCache } from "../conversation/template-index.js";
import { loadAnswersOf } from "../conversation/work.js";
import type { Db, Tx } from "../store/database.js";

export interface OpenSection {
  title: string;
  answered: number;
  total: number;
}

export interface PeriodRef {
  id: number;
  templateVersionId: number;
}

export interface Owing {
  memberId: number;
  displayName: string;
  sections: OpenSection[];
}

/** Members with at least one incomplete section, in the order their first section appears in the template. */
export async function owingMembers(db: Db | Tx, templates: TemplateCache, period: PeriodRef): Promise<Owing[]> {
  return (await owingByPeriod(db, templates, [period])).get(period.id) ?? [];
}

/** owingMembers for many periods at once, in two queries (reminders go out to a thousand units at the same minute). */
export async function owingByPeriod(db: Db | Tx, templates: TemplateCache, periods: PeriodRef[]): Promise<Map<number, Owing[]>> {
  const ids = periods.map((p) => p.id);
  const answers = await loadAnswersOf(db, ids);
  const assignments = await db.assignment.findMany({ where: { periodId: { in: ids } }, include: { member: { select: { displayName: true } } } });
  const result = new Map<number, Owing[]>();
  for (const period of periods) {
    const index = await templates.get(db, period.templateVersionId);
    const given = answers.get(period.id) ?? new Map();
    const keyed = byKey(index.sections, given);
    const bySection = new Map(assignments.filter((a) => a.periodId === period.id).map((a) => [a.sectionId, a]));
    const byMember = new Map<number, Owing>();
    for (const section of index.sections) {
      const a = bySection.get(section.id);
      if (!a) continue;
      const p = sectionProgress(section, given, keyed);
      if (p.complete) continue;
      const entry = byMember.get(a.memberId) ?? { memberId: a.memberId, displayName: a.member.displayName, sections: [] };
      entry.sections.push({ title: section.title, answered: p.answered, total: p.total });
      byMember.set(a.memberId, entry);
    }
    result.set(period.id, [...byMember.values()]);
  }
  return result;
}
