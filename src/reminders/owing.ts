/**
 * Who still owes answers in a period, and what: per member, their sections with open
 * questions, counted the way /tiendo counts them (only questions that apply given the
 * answers so far).
 */
import { byKey, sectionProgress } from "../conversation/progress.js";
import type { TemplateCache } from "../conversation/template-index.js";
import { loadAnswers } from "../conversation/work.js";
import type { Db, Tx } from "../store/database.js";

export interface OpenSection {
  title: string;
  answered: number;
  total: number;
}

export interface Owing {
  memberId: number;
  displayName: string;
  sections: OpenSection[];
}

/** Members with at least one incomplete section, in the order their first section appears in the template. */
export async function owingMembers(db: Db | Tx, templates: TemplateCache, period: { id: number; templateVersionId: number }): Promise<Owing[]> {
  const index = await templates.get(db, period.templateVersionId);
  const answers = await loadAnswers(db, period.id);
  const keyed = byKey(index.sections, answers);
  const assignments = await db.assignment.findMany({ where: { periodId: period.id }, include: { member: { select: { displayName: true } } } });
  const bySection = new Map(assignments.map((a) => [a.sectionId, a]));
  const byMember = new Map<number, Owing>();
  for (const section of index.sections) {
    const a = bySection.get(section.id);
    if (!a) continue;
    const p = sectionProgress(section, answers, keyed);
    if (p.complete) continue;
    const entry = byMember.get(a.memberId) ?? { memberId: a.memberId, displayName: a.member.displayName, sections: [] };
    entry.sections.push({ title: section.title, answered: p.answered, total: p.total });
    byMember.set(a.memberId, entry);
  }
  return [...byMember.values()];
}
