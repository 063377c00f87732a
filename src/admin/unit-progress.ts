/**
 * How far each section of a period is answered, counted the way the bot counts for /tiendo:
 * only the questions that apply given the answers so far.
 */
import { byKey, sectionProgress } from "../conversation/progress.js";
import { TemplateCache } from "../conversation/template-index.js";
import { loadAnswers } from "../conversation/work.js";
import type { PeriodRef } from "../domain/period-label.js";
import type { Db } from "../store/database.js";
import { findPeriod, findUnit, sectionOwners, type Owner, type PeriodSummary, type UnitRow } from "./lookup.js";

export interface SectionStatus {
  key: string;
  title: string;
  owner: Owner | null;
  /** Relevant questions answered (a skipped optional question counts as answered). */
  answered: number;
  /** Relevant questions. */
  total: number;
  complete: boolean;
}

/** Without `periodRef`, the unit's open period due first. */
export async function unitProgress(db: Db, unitCode: string, periodRef?: PeriodRef): Promise<{ unit: UnitRow; period: PeriodSummary; sections: SectionStatus[] }> {
  return db.$transaction(async (tx) => {
    const unit = await findUnit(tx, unitCode);
    const period = await findPeriod(tx, unit, periodRef);
    // Template version ids belong to one database, so the cache lives only as long as this call.
    const index = await new TemplateCache().get(tx, period.templateVersionId);
    const answers = await loadAnswers(tx, period.id);
    const keyed = byKey(index.sections, answers);
    const owners = await sectionOwners(tx, period.id);
    const sections = index.sections.map((s) => {
      const { answered, total, complete } = sectionProgress(s, answers, keyed);
      return { key: s.key, title: s.title, owner: owners.get(s.id) ?? null, answered, total, complete };
    });
    return { unit, period, sections };
  });
}
