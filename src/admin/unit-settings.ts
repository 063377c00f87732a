/**
 * What the compiled report needs to know about a unit (Nghị định 30/2020): its official name
 * in the header, the place name before the date, the signer, the recipients and the report
 * symbol. Only the settings given change; an empty value goes back to the default.
 */
import { unitPolicySchema } from "../domain/unit-policy.js";
import { planPeriodReminders } from "../reminders/plan.js";
import type { Db } from "../store/database.js";
import { AdminError } from "./admin-error.js";
import { findUnit } from "./lookup.js";

export interface UnitSettingsInput {
  officialName?: string;
  placeName?: string;
  signerName?: string;
  /** "CHỦ TỊCH", or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" when a vice-chair signs. */
  signerTitle?: string;
  recipients?: string[];
  reportSymbol?: string;
  /** Reminder and calendar settings as JSON, merged over the stored ones (see src/domain/unit-policy.ts). */
  reminders?: string;
}

const MAX_LENGTH = 200;

export async function setUnitSettings(db: Db, unitCode: string, input: UnitSettingsInput, timeZone = "Asia/Ho_Chi_Minh"): Promise<void> {
  const clean = (v: string | undefined) => (v === undefined ? undefined : v.trim() === "" ? null : v.trim());
  const data = {
    officialName: clean(input.officialName),
    placeName: clean(input.placeName),
    signerName: clean(input.signerName),
    signerTitle: clean(input.signerTitle),
    reportSymbol: clean(input.reportSymbol),
    recipients: input.recipients?.map((r) => r.trim()).filter(Boolean),
  };
  for (const value of [data.officialName, data.placeName, data.signerName, data.signerTitle, data.reportSymbol, ...(data.recipients ?? [])]) {
    if (typeof value === "string" && value.length > MAX_LENGTH) throw new AdminError("admin.error.setting_too_long", { max: MAX_LENGTH });
  }
  await db.$transaction(async (tx) => {
    const unit = await findUnit(tx, unitCode);
    const reminderPolicy = input.reminders === undefined ? undefined : mergePolicy((await tx.unit.findUniqueOrThrow({ where: { id: unit.id } })).reminderPolicy, input.reminders);
    await tx.unit.update({ where: { id: unit.id }, data: { ...data, reminderPolicy } });
    await tx.auditLog.create({ data: { unitId: unit.id, action: "unit.settings", detail: JSON.parse(JSON.stringify({ ...data, reminderPolicy })) } });
    // New reminder times apply to the periods already open.
    if (reminderPolicy !== undefined) {
      const open = await tx.period.findMany({ where: { unitId: unit.id, status: "open" }, select: { id: true } });
      for (const p of open) await planPeriodReminders(tx, p.id, timeZone);
    }
  });
}

/** The stored settings with the typed JSON laid over them, checked as a whole. */
function mergePolicy(stored: unknown, typed: string): object {
  let patch: unknown;
  try {
    patch = JSON.parse(typed);
  } catch {
    throw new AdminError("admin.error.policy_json", { example: '{"daysBefore":[3,1],"sendAt":"08:00"}' });
  }
  const merged = mergeObjects(stored, patch);
  const parsed = unitPolicySchema.safeParse(merged);
  if (!parsed.success) throw new AdminError("admin.error.policy", { problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  return merged;
}

/** `patch` over `base`, nested objects merged key by key (`{"deadlines":{"quy":…}}` keeps the monthly rule); anything else replaced. */
function mergeObjects(base: unknown, patch: unknown): object {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  if (!isObject(patch)) return patch as object;
  const result: Record<string, unknown> = isObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) result[key] = isObject(value) ? mergeObjects(result[key], value) : value;
  return result;
}
