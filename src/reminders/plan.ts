/**
 * Writes a period's reminder moments as ReminderSlot rows, so that every process sees the same
 * plan and each moment is expanded once. Planning again (a new deadline, changed settings)
 * moves the moments not yet reached and removes those no longer wanted; moments already
 * expanded are history and stay.
 */
import { reminderSchedule } from "../domain/reminder-schedule.js";
import { calendarFor, readPolicy } from "../domain/unit-policy.js";
import type { Tx } from "../store/database.js";

export async function planPeriodReminders(tx: Tx, periodId: number, timeZone: string): Promise<number> {
  const period = await tx.period.findUniqueOrThrow({ where: { id: periodId }, include: { unit: { select: { reminderPolicy: true } } } });
  const policy = readPolicy(period.unit.reminderPolicy);
  const wanted = reminderSchedule({ openedAt: period.createdAt, deadline: period.deadline, policy, calendar: calendarFor(policy), timeZone });
  const existing = await tx.reminderSlot.findMany({ where: { periodId, kind: { not: "nudge" } }, select: { id: true, key: true, status: true } });
  const byKey = new Map(existing.map((s) => [s.key, s]));

  for (const slot of wanted) {
    const row = byKey.get(slot.key);
    if (!row) await tx.reminderSlot.create({ data: { periodId, ...slot } });
    else if (row.status === "planned") await tx.reminderSlot.update({ where: { id: row.id }, data: { dueAt: slot.dueAt, expiresAt: slot.expiresAt } });
  }
  const keys = new Set(wanted.map((s) => s.key));
  const stale = existing.filter((s) => s.status === "planned" && !keys.has(s.key)).map((s) => s.id);
  if (stale.length) await tx.reminderSlot.deleteMany({ where: { id: { in: stale } } });
  return wanted.length;
}
