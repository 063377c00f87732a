/**
 * What the compiled report needs to know about a unit (Nghị định 30/2020): its official name
 * in the header, the place name before the date, the signer, the recipients and the report
 * symbol. Only the settings given change; an empty value goes back to the default.
 */
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
}

const MAX_LENGTH = 200;

export async function setUnitSettings(db: Db, unitCode: string, input: UnitSettingsInput): Promise<void> {
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
    await tx.unit.update({ where: { id: unit.id }, data });
    await tx.auditLog.create({ data: { unitId: unit.id, action: "unit.settings", detail: JSON.parse(JSON.stringify(data)) } });
  });
}
