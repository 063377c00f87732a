/**
 * A new period's sections go to the people who owned them in the unit's previous period of the
 * same kind: the office rarely reshuffles who reports what. Sections are matched by key, so a
 * newer template version keeps its owners for the sections it still has.
 */
import type { Tx } from "../store/database.js";

export async function copyOwnersFromPrevious(tx: Tx, period: { id: number; unitId: number; kind: string; templateVersionId: number; deadline: Date }): Promise<number> {
  const previous = await tx.period.findFirst({
    where: { unitId: period.unitId, kind: period.kind, id: { not: period.id }, deadline: { lt: period.deadline } },
    orderBy: { deadline: "desc" },
    select: { assignments: { select: { memberId: true, delegatedFromId: true, section: { select: { key: true } } } } },
  });
  if (!previous) return 0;
  const sections = await tx.section.findMany({ where: { templateVersionId: period.templateVersionId }, select: { id: true, key: true } });
  const idByKey = new Map(sections.map((s) => [s.key, s.id]));
  // A section handed over during an absence goes back to its owner.
  const rows = previous.assignments
    .filter((a) => idByKey.has(a.section.key))
    .map((a) => ({ periodId: period.id, sectionId: idByKey.get(a.section.key)!, memberId: a.delegatedFromId ?? a.memberId }));
  if (rows.length) await tx.assignment.createMany({ data: rows });
  return rows.length;
}
