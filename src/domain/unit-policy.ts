/**
 * A unit's reporting calendar and reminder settings, stored as JSON on the unit and checked
 * here. Every field has a default, so a unit with no settings gets sensible behaviour:
 * a notice when a period opens, reminders 3 and 1 days before the deadline at 08:00, one on
 * the deadline morning, the leaders told at 14:00 on the deadline day who is missing what,
 * and a daily reminder while overdue; nothing between 21:00 and 07:00.
 */
import { z } from "zod";
import { PERIOD_KINDS } from "./template.js";
import { WorkingCalendar } from "./working-calendar.js";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "giờ dạng HH:mm, ví dụ 08:00");
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ngày dạng yyyy-mm-dd");

/** When a period of one kind is due, when the superior sets its own rule ("trước ngày 18"). */
const deadlineRule = z.strictObject({
  /** Due on this day of the month the cut-off falls in (instead of N working days after the cut-off). */
  dayOfMonth: z.number().int().min(1).max(31).optional(),
  /** Working days after the cut-off (default 2). */
  workingDaysAfterCutoff: z.number().int().min(0).max(30).optional(),
  /** Local time the report is due that day (default 17:00). */
  time: clock.optional(),
});

export const unitPolicySchema = z.strictObject({
  quietHours: z.strictObject({ start: clock.default("21:00"), end: clock.default("07:00") }).default({ start: "21:00", end: "07:00" }),
  /** Local time of the day-based reminders. */
  sendAt: clock.default("08:00"),
  notifyOnOpen: z.boolean().default(true),
  daysBefore: z.array(z.number().int().min(1).max(30)).max(5).default([3, 1]),
  deadlineMorning: z.boolean().default(true),
  /** Local time on the deadline day when leaders get the list of who is missing what; null: never. */
  escalateAt: clock.nullable().default("14:00"),
  /** Working days after the deadline with a daily reminder. */
  overdueDays: z.number().int().min(0).max(30).default(5),
  /** One digest per group chat of the unit at each reminder time, naming who still owes answers. */
  groupDigest: z.boolean().default(true),
  /** A deadline on a day off moves to the next working day (Bộ luật Dân sự 2015 Điều 148.2). */
  shiftDeadline: z.boolean().default(true),
  /** A reminder that would fall on a day off is sent on the working day before it. */
  shiftReminders: z.boolean().default(true),
  extraDaysOff: z.array(isoDay).default([]),
  extraWorkingDays: z.array(isoDay).default([]),
  deadlines: z.partialRecord(z.enum(PERIOD_KINDS), deadlineRule).default({}),
  /** Kinds opened automatically on schedule, with the owners of the previous period of that kind. */
  autoOpen: z.array(z.enum(PERIOD_KINDS)).default(["thang"]),
  /** How many days before the cut-off an automatic period opens. */
  openDaysBeforeCutoff: z.number().int().min(0).max(20).default(3),
});

export type UnitPolicy = z.infer<typeof unitPolicySchema>;
export type DeadlineRule = z.infer<typeof deadlineRule>;

export const DEFAULT_POLICY: UnitPolicy = unitPolicySchema.parse({});

/**
 * The unit's stored settings; fields a row lacks (written by an older version) take their
 * defaults. Settings are checked when written, so only a row edited by hand can fail the
 * check as a whole: it then falls back to the defaults.
 */
export function readPolicy(stored: unknown): UnitPolicy {
  const parsed = unitPolicySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}

/** The unit's working days: the national calendar with the unit's own swaps. */
export function calendarFor(policy: UnitPolicy): WorkingCalendar {
  return new WorkingCalendar({ extraDaysOff: policy.extraDaysOff, extraWorkingDays: policy.extraWorkingDays });
}
