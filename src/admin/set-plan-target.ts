/**
 * Records a unit's yearly plan (dự toán, kế hoạch, chỉ tiêu năm) for an indicator, so that
 * reports can say "đạt X% kế hoạch" computed from stored figures rather than by hand.
 */
import type { Question } from "../domain/template.js";
import type { Db } from "../store/database.js";
import { AdminError } from "./admin-error.js";
import { DEFAULT_TEMPLATE_KEY, findUnit, latestTemplateVersion, type UnitRow } from "./lookup.js";
import { checkYear } from "./period-ref.js";

export interface SetPlanTargetInput {
  unitCode: string;
  year: number;
  /** A question of the template's newest version that has `plan`. */
  questionKey: string;
  /** In the question's own unit: đồng for money, people for a count of people, 0–100 for a percent. */
  value: number;
  templateKey?: string;
}

export interface PlanTargetSet {
  unit: UnitRow;
  year: number;
  question: Question;
  value: number;
  /** The value it replaced, if the plan was set before. */
  previous: number | null;
}

/** Money has no subunit and counts count whole things. */
const WHOLE_TYPES: readonly Question["type"][] = ["money", "count"];

export async function setPlanTarget(db: Db, input: SetPlanTargetInput): Promise<PlanTargetSet> {
  const year = checkYear(input.year);
  const templateKey = input.templateKey ?? DEFAULT_TEMPLATE_KEY;
  return db.$transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    const { template } = await latestTemplateVersion(tx, templateKey);
    const planned = template.sections.flatMap((s) => s.questions).filter((q) => q.plan !== undefined);
    const question = planned.find((q) => q.key === input.questionKey.trim());
    if (!question) throw new AdminError("admin.error.plan_question", { key: input.questionKey, template: templateKey, keys: planned.map((q) => q.key) });
    const { value } = input;
    if (!Number.isFinite(value) || value < 0) throw new AdminError("admin.error.plan_negative", { key: question.key });
    if (WHOLE_TYPES.includes(question.type) && !Number.isInteger(value)) throw new AdminError("admin.error.plan_whole", { key: question.key, example: question.example });

    const where = { unitId_year_questionKey: { unitId: unit.id, year, questionKey: question.key } };
    const before = await tx.planTarget.findUnique({ where, select: { value: true } });
    await tx.planTarget.upsert({ where, create: { unitId: unit.id, year, questionKey: question.key, value }, update: { value } });
    await tx.auditLog.create({
      data: { unitId: unit.id, action: "plan.set", detail: { year, questionKey: question.key, value, previous: before?.value ?? null } },
    });
    return { unit, year, question, value, previous: before?.value ?? null };
  });
}
