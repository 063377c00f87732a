/**
 * Opens periods on schedule for units that asked for it (policy.autoOpen, monthly by default):
 * a period opens `openDaysBeforeCutoff` days before its cut-off, with the owners of the unit's
 * previous period of that kind. A unit that never had such a period has nobody to ask, so
 * nothing opens until an admin opens the first one. A period whose deadline has passed is not
 * opened late. Two processes opening the same period collide on its unique key; one wins.
 */
import { openPeriod } from "../admin/open-period.js";
import { addDays, localDay } from "../domain/local-time.js";
import { maxPeriodNumber } from "../domain/period-label.js";
import { cutoffWindow, periodDeadline } from "../domain/period-window.js";
import { calendarFor, readPolicy } from "../domain/unit-policy.js";
import type { Logger } from "../logger.js";
import type { Db } from "../store/database.js";

export async function openScheduledPeriods(db: Db, log: Logger, now: Date, timeZone: string): Promise<number> {
  const today = localDay(now, timeZone);
  const year = Number(today.slice(0, 4));
  const units = await db.unit.findMany({ select: { id: true, code: true, reminderPolicy: true } });
  let opened = 0;
  for (const unit of units) {
    const policy = readPolicy(unit.reminderPolicy);
    for (const kind of policy.autoOpen) {
      const latest = await db.period.findFirst({ where: { unitId: unit.id, kind }, orderBy: { deadline: "desc" }, select: { year: true, number: true, deadline: true } });
      if (!latest) continue;
      // The newest period of this kind whose opening day has come.
      const number = Array.from({ length: maxPeriodNumber(kind) }, (_, i) => i + 1)
        .filter((n) => addDays(cutoffWindow(kind, year, n).endsOn, -policy.openDaysBeforeCutoff) <= today)
        .at(-1);
      if (number === undefined || year * 100 + number <= latest.year * 100 + latest.number) continue;
      const due = { year, number };
      const endsOn = cutoffWindow(kind, year, number).endsOn;
      if (periodDeadline(endsOn, timeZone, calendarFor(policy), policy.deadlines[kind], policy.shiftDeadline) <= now) continue;
      try {
        await openPeriod(db, { unitCode: unit.code, kind, ...due, now, timeZone, sameOwners: true });
        opened += 1;
        log.info({ unit: unit.code, kind, ...due }, "period opened on schedule");
      } catch (err) {
        if (!(await db.period.findFirst({ where: { unitId: unit.id, kind, year: due.year, number: due.number } }))) log.warn({ err, unit: unit.code, kind }, "opening a period on schedule failed");
      }
    }
  }
  return opened;
}
