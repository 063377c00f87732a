/**
 * Opens a report period for a unit: the cut-off window of NĐ 09/2019 Điều 12, a deadline by the
 * unit's rule, the newest version of the template (which the period keeps even when the
 * template changes), and the plan of its reminders.
 */
import { formatDateVn } from "../domain/format-vn.js";
import { cutoffWindow, deadlineOn, periodDeadline } from "../domain/period-window.js";
import { calendarFor, readPolicy } from "../domain/unit-policy.js";
import { planPeriodReminders } from "../reminders/plan.js";
import type { Db } from "../store/database.js";
import { AdminError } from "./admin-error.js";
import { copyOwnersFromPrevious } from "./copy-owners.js";
import { defaultTemplateKeyFor, findUnit, latestTemplateVersion } from "./lookup.js";
import { checkPeriodRef } from "./period-ref.js";

export interface OpenPeriodInput {
  unitCode: string;
  kind: string;
  year: number;
  number: number;
  /** Local day the report is due (ISO yyyy-mm-dd); by default the unit's rule (2 working days after the cut-off). */
  deadline?: string;
  templateKey?: string;
  /** Give the sections to their owners in the previous period of the same kind. */
  sameOwners?: boolean;
  now: Date;
  /** The unit's time zone: the deadline is 17:00 there. */
  timeZone: string;
}

export interface OpenedPeriod {
  id: number;
  kind: string;
  year: number;
  number: number;
  startsOn: string;
  endsOn: string;
  deadline: Date;
  unit: { code: string; name: string };
  template: { key: string; name: string; version: number };
}

export async function openPeriod(db: Db, input: OpenPeriodInput): Promise<OpenedPeriod> {
  const ref = checkPeriodRef(input);
  const window = cutoffWindow(ref.kind, ref.year, ref.number);
  const templateKey = input.templateKey ?? defaultTemplateKeyFor(ref.kind);

  return db.$transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    const policy = readPolicy((await tx.unit.findUniqueOrThrow({ where: { id: unit.id }, select: { reminderPolicy: true } })).reminderPolicy);
    const deadline =
      input.deadline === undefined
        ? periodDeadline(window.endsOn, input.timeZone, calendarFor(policy), policy.deadlines[ref.kind], policy.shiftDeadline)
        : checkedDeadline(input.deadline, window.endsOn, input.timeZone);
    const version = await latestTemplateVersion(tx, templateKey);
    if (!version.template.kinds.includes(ref.kind)) {
      throw new AdminError("admin.error.template_kind", { key: templateKey, kind: ref.kind, kinds: version.template.kinds });
    }
    const existing = await tx.period.findUnique({ where: { unitId_kind_year_number: { unitId: unit.id, ...ref } }, select: { id: true } });
    if (existing) throw new AdminError("admin.error.period_exists", { period: ref, unit: unit.name });

    const period = await tx.period.create({
      data: { unitId: unit.id, templateVersionId: version.id, ...ref, ...window, deadline, status: "open", createdAt: input.now },
    });
    const copied = input.sameOwners ? await copyOwnersFromPrevious(tx, period) : 0;
    await planPeriodReminders(tx, period.id, input.timeZone);
    await tx.auditLog.create({
      data: {
        unitId: unit.id,
        action: "period.opened",
        detail: { periodId: period.id, ...ref, ...window, deadline: deadline.toISOString(), templateVersionId: version.id, copiedAssignments: copied },
        createdAt: input.now,
      },
    });
    return {
      id: period.id,
      ...ref,
      ...window,
      deadline,
      unit: { code: unit.code, name: unit.name },
      template: { key: templateKey, name: version.template.name, version: version.version },
    };
  });
}

/** NĐ 09 Điều 8.5 wants time between the cut-off and the deadline, so a deadline on or before it is a slip. */
function checkedDeadline(iso: string, endsOn: string, timeZone: string): Date {
  if (!isIsoDate(iso)) throw new AdminError("admin.error.date", { date: iso });
  if (iso <= endsOn) throw new AdminError("admin.error.deadline_early", { deadline: formatDateVn(iso), endsOn: formatDateVn(endsOn) });
  return deadlineOn(iso, timeZone);
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().startsWith(s);
}
