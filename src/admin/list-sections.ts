/** The sections of a period's template version with their current owner: what `assign` accepts. */
import type { Db } from "../store/database.js";
import type { PeriodRef } from "../domain/period-label.js";
import { findPeriod, findUnit, sectionOwners, type Owner, type PeriodSummary, type UnitRow } from "./lookup.js";

export interface SectionListing {
  key: string;
  title: string;
  group: string;
  owner: Owner | null;
}

/** Without `periodRef`, the unit's open period due first. */
export async function listSections(db: Db, unitCode: string, periodRef?: PeriodRef): Promise<{ unit: UnitRow; period: PeriodSummary; sections: SectionListing[] }> {
  return db.$transaction(async (tx) => {
    const unit = await findUnit(tx, unitCode);
    const period = await findPeriod(tx, unit, periodRef);
    const owners = await sectionOwners(tx, period.id);
    const rows = await tx.section.findMany({ where: { templateVersionId: period.templateVersionId }, orderBy: { position: "asc" } });
    const sections = rows.map((s) => ({ key: s.key, title: s.title, group: s.groupTitle, owner: owners.get(s.id) ?? null }));
    return { unit, period, sections };
  });
}
