/** Creates a unit (a ward or commune People's Committee) that members, periods and plans hang off. */
import type { Db } from "../store/database.js";
import { AdminError } from "./admin-error.js";
import { normalizeUnitCode, type UnitRow } from "./lookup.js";

/** Lowercase ascii words joined by single hyphens ("phuong-1"): typed in every admin command. */
const UNIT_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_CODE_LENGTH = 40;
const MAX_NAME_LENGTH = 200;

export async function createUnit(db: Db, input: { code: string; name: string }): Promise<UnitRow> {
  const code = normalizeUnitCode(input.code);
  if (!UNIT_CODE.test(code) || code.length > MAX_CODE_LENGTH) throw new AdminError("admin.error.unit_code", { code: input.code, max: MAX_CODE_LENGTH });
  const name = input.name.trim().replace(/\s+/g, " ");
  if (name === "" || name.length > MAX_NAME_LENGTH) throw new AdminError("admin.error.unit_name", { max: MAX_NAME_LENGTH });

  return db.$transaction(async (tx) => {
    const existing = await tx.unit.findUnique({ where: { code } });
    if (existing) throw new AdminError("admin.error.unit_exists", { code, name: existing.name });
    const unit = await tx.unit.create({ data: { code, name }, select: { id: true, code: true, name: true } });
    await tx.auditLog.create({ data: { unitId: unit.id, action: "unit.created", detail: { code, name } } });
    return unit;
  });
}
