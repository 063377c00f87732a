/**
 * Checks a period as the admin names it (kind, number, year) before anything is looked up, so
 * a typo gets a message about the typo rather than "no such period".
 */
import { maxPeriodNumber, type PeriodRef } from "../domain/period-label.js";
import { PERIOD_KINDS, type PeriodKind } from "../domain/template.js";
import { AdminError } from "./admin-error.js";

/** Years a ward can report on; anything else is a typo such as 2206. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export interface CheckedPeriodRef extends PeriodRef {
  kind: PeriodKind;
}

export function checkKind(kind: string): PeriodKind {
  const found = PERIOD_KINDS.find((k) => k === kind);
  if (found === undefined) throw new AdminError("admin.error.kind", { kind });
  return found;
}

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AdminError("admin.error.year", { year, min: MIN_YEAR, max: MAX_YEAR });
  }
  return year;
}

export function checkPeriodRef(ref: PeriodRef): CheckedPeriodRef {
  const kind = checkKind(ref.kind);
  checkYear(ref.year);
  const max = maxPeriodNumber(kind);
  if (!Number.isInteger(ref.number) || ref.number < 1 || ref.number > max) {
    throw new AdminError("admin.error.period_number", { kind, number: ref.number, max });
  }
  return { kind, year: ref.year, number: ref.number };
}
