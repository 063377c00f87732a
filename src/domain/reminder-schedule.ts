/**
 * The reminder moments of one period, from its opening, its deadline and the unit's policy.
 * Pure: the clock, the calendar and the time zone come in as arguments.
 *
 * Each moment gets an expiry: the next moment (or, for the last one, a day later). A process
 * that was down across a moment sends it on return only while it is still the latest news;
 * an older one is dropped instead of replayed in a burst.
 */
import { addDays, localDay, localInstant } from "./local-time.js";
import { outsideQuiet } from "./quiet-hours.js";
import type { UnitPolicy } from "./unit-policy.js";
import type { WorkingCalendar } from "./working-calendar.js";

/** opened: the period is open; before/deadline/overdue: to those who owe; escalation: to leaders. */
export type SlotKind = "opened" | "before" | "deadline" | "overdue" | "escalation" | "nudge";

export interface PlannedSlot {
  /** Unique within the period: "opened", "before:3", "deadline", "escalation", "overdue:2". */
  key: string;
  kind: SlotKind;
  dueAt: Date;
  expiresAt: Date;
}

export interface ScheduleInput {
  openedAt: Date;
  deadline: Date;
  policy: UnitPolicy;
  calendar: WorkingCalendar;
  timeZone: string;
}

const DAY_MS = 86_400_000;

export function reminderSchedule({ openedAt, deadline, policy, calendar, timeZone }: ScheduleInput): PlannedSlot[] {
  const at = (day: string, time: string) => outsideQuiet(localInstant(day, time, timeZone), policy.quietHours, timeZone);
  const deadlineDay = localDay(deadline, timeZone);
  const workingDayBefore = (day: string) => (policy.shiftReminders ? calendar.onOrBefore(day) : day);

  // In order of urgency: when two fall at the same instant, the first listed stays.
  const chain: Omit<PlannedSlot, "expiresAt">[] = [];
  if (policy.notifyOnOpen) chain.push({ key: "opened", kind: "opened", dueAt: outsideQuiet(openedAt, policy.quietHours, timeZone) });
  if (policy.deadlineMorning) chain.push({ key: "deadline", kind: "deadline", dueAt: at(workingDayBefore(deadlineDay), policy.sendAt) });
  const openedDay = localDay(openedAt, timeZone);
  for (const days of [...new Set(policy.daysBefore)].sort((a, b) => a - b)) {
    const day = workingDayBefore(addDays(deadlineDay, -days));
    // The opening notice already says it all that day.
    if (policy.notifyOnOpen && day === openedDay) continue;
    chain.push({ key: `before:${days}`, kind: "before", dueAt: at(day, policy.sendAt) });
  }
  let day = deadlineDay;
  for (let n = 1; n <= policy.overdueDays; n += 1) {
    day = policy.shiftReminders ? calendar.addWorkingDays(day, 1) : addDays(day, 1);
    chain.push({ key: `overdue:${n}`, kind: "overdue", dueAt: at(day, policy.sendAt) });
  }

  const kept = dedupe(chain.filter((s) => s.kind === "opened" || (s.dueAt >= openedAt && (s.kind === "overdue" ? s.dueAt > deadline : s.dueAt < deadline))));
  const slots: PlannedSlot[] = kept.map((s, i) => ({ ...s, expiresAt: kept[i + 1]?.dueAt ?? new Date(s.dueAt.getTime() + DAY_MS) }));

  if (policy.escalateAt !== null) {
    const dueAt = at(workingDayBefore(deadlineDay), policy.escalateAt);
    if (dueAt >= openedAt) slots.push({ key: "escalation", kind: "escalation", dueAt, expiresAt: new Date(Math.max(deadline.getTime(), dueAt.getTime()) + DAY_MS / 2) });
  }
  return slots.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
}

/** One reminder per instant, in time order: the first listed wins a tie. */
function dedupe<T extends { dueAt: Date }>(slots: T[]): T[] {
  const seen = new Set<number>();
  return slots
    .filter((s) => !seen.has(s.dueAt.getTime()) && seen.add(s.dueAt.getTime()))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
