/**
 * Gives a section of a period (or every section, with "all") to a member. A section has one
 * owner per period, so assigning it again hands it over, and the new owner starts unfinished.
 */
import type { PeriodRef } from "../domain/period-label.js";
import type { Db } from "../store/database.js";
import { AdminError } from "./admin-error.js";
import { findMember, findPeriod, findUnit, type MemberRow } from "./lookup.js";

/** The section key that stands for every section of the period. */
export const ALL_SECTIONS = "all";

export interface AssignSectionInput {
  unitCode: string;
  periodRef: PeriodRef;
  sectionKey: string;
  /** A member id, or a display name (case and diacritics ignored) that only one member of the unit has. */
  member: number | string;
}

export interface AssignedSection {
  key: string;
  title: string;
  /** Who owned it before, when it changed hands. */
  previousOwner: string | null;
}

export interface AssignedSections {
  period: PeriodRef;
  member: MemberRow;
  sections: AssignedSection[];
}

export async function assignSection(db: Db, input: AssignSectionInput): Promise<AssignedSections> {
  return db.$transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    const period = await findPeriod(tx, unit, input.periodRef);
    const ref = { kind: period.kind, year: period.year, number: period.number };
    if (period.status !== "open") throw new AdminError("admin.error.period_closed", { period: ref });

    const sections = await tx.section.findMany({ where: { templateVersionId: period.templateVersionId }, orderBy: { position: "asc" } });
    const key = input.sectionKey.trim().toLowerCase();
    const chosen = key === ALL_SECTIONS ? sections : sections.filter((s) => s.key === key);
    if (chosen.length === 0) throw new AdminError("admin.error.section_unknown", { period: ref, key: input.sectionKey, keys: sections.map((s) => s.key) });
    const member = await findMember(tx, unit, input.member);

    const current = await tx.assignment.findMany({
      where: { periodId: period.id, sectionId: { in: chosen.map((s) => s.id) } },
      include: { member: { select: { displayName: true } } },
    });
    const ownerOf = new Map(current.map((a) => [a.sectionId, a]));
    const result: AssignedSection[] = [];
    for (const section of chosen) {
      const before = ownerOf.get(section.id);
      if (!before) {
        await tx.assignment.create({ data: { periodId: period.id, sectionId: section.id, memberId: member.id } });
      } else if (before.memberId !== member.id) {
        await tx.assignment.update({ where: { id: before.id }, data: { memberId: member.id, completedAt: null } });
      }
      const previousOwner = before && before.memberId !== member.id ? before.member.displayName : null;
      result.push({ key: section.key, title: section.title, previousOwner });
    }
    await tx.auditLog.create({
      data: {
        unitId: unit.id,
        action: "sections.assigned",
        detail: {
          periodId: period.id,
          memberId: member.id,
          sections: chosen.map((s) => s.key),
          replaced: current.filter((a) => a.memberId !== member.id).map((a) => ({ sectionId: a.sectionId, memberId: a.memberId })),
        },
      },
    });
    return { period: ref, member, sections: result };
  });
}
