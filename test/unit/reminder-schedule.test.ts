import { describe, expect, it } from "vitest";
import { localInstant } from "../../src/domain/local-time.js";
import { isQuiet, outsideQuiet } from "../../src/domain/quiet-hours.js";
import { reminderSchedule } from "../../src/domain/reminder-schedule.js";
import { DEFAULT_POLICY, readPolicy, unitPolicySchema, type UnitPolicy } from "../../src/domain/unit-policy.js";
import { WorkingCalendar } from "../../src/domain/working-calendar.js";

const VN = "Asia/Ho_Chi_Minh";
const local = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: VN, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant).replace(",", "");

function schedule(opened: string, deadline: string, policy: UnitPolicy = DEFAULT_POLICY): string[] {
  const [od, ot] = opened.split(" ") as [string, string];
  const [dd, dt] = deadline.split(" ") as [string, string];
  return reminderSchedule({ openedAt: localInstant(od, ot, VN), deadline: localInstant(dd, dt, VN), policy, calendar: new WorkingCalendar(), timeZone: VN }).map(
    (s) => `${s.key} ${local(s.dueAt)} → ${local(s.expiresAt)}`,
  );
}

describe("reminder schedule (times in Asia/Ho_Chi_Minh)", () => {
  it("for a monthly period due Wednesday 18/11/2026 17:00", () => {
    expect(schedule("2026-11-11 09:30", "2026-11-18 17:00")).toEqual([
      "opened 2026-11-11 09:30 → 2026-11-13 08:00",
      // T-3 is Sunday 15/11: the working day before.
      "before:3 2026-11-13 08:00 → 2026-11-17 08:00",
      "before:1 2026-11-17 08:00 → 2026-11-18 08:00",
      "deadline 2026-11-18 08:00 → 2026-11-19 08:00",
      "escalation 2026-11-18 14:00 → 2026-11-19 05:00",
      "overdue:1 2026-11-19 08:00 → 2026-11-20 08:00",
      "overdue:2 2026-11-20 08:00 → 2026-11-23 08:00",
      "overdue:3 2026-11-23 08:00 → 2026-11-24 08:00",
      "overdue:4 2026-11-24 08:00 → 2026-11-25 08:00",
      "overdue:5 2026-11-25 08:00 → 2026-11-26 08:00",
    ]);
  });

  it("for a deadline on Sunday 22/11/2026 that the unit does not move: reminders on the working days before it", () => {
    expect(schedule("2026-11-11 22:40", "2026-11-22 17:00")).toEqual([
      // Opened in quiet hours: the notice waits for 07:00.
      "opened 2026-11-12 07:00 → 2026-11-19 08:00",
      "before:3 2026-11-19 08:00 → 2026-11-20 08:00",
      // T-1 (Saturday) and the deadline morning (Sunday) both fall on Friday: one reminder, the deadline's.
      "deadline 2026-11-20 08:00 → 2026-11-23 08:00",
      "escalation 2026-11-20 14:00 → 2026-11-23 05:00",
      "overdue:1 2026-11-23 08:00 → 2026-11-24 08:00",
      "overdue:2 2026-11-24 08:00 → 2026-11-25 08:00",
      "overdue:3 2026-11-25 08:00 → 2026-11-26 08:00",
      "overdue:4 2026-11-26 08:00 → 2026-11-27 08:00",
      "overdue:5 2026-11-27 08:00 → 2026-11-28 08:00",
    ]);
  });

  it("for a deadline right after Tết Đinh Mùi (Friday 12/02/2027): nothing during the holiday", () => {
    // Tết: 05/02–09/02/2027, and 10/02, 11/02 in lieu of the weekend days inside it.
    expect(schedule("2027-02-01 08:00", "2027-02-12 17:00")).toEqual([
      "opened 2027-02-01 08:00 → 2027-02-04 08:00",
      // T-1 (11/02) and T-3 (09/02) are days off: both fall back to Thursday 04/02; one is sent.
      "before:1 2027-02-04 08:00 → 2027-02-12 08:00",
      "deadline 2027-02-12 08:00 → 2027-02-15 08:00",
      "escalation 2027-02-12 14:00 → 2027-02-13 05:00",
      "overdue:1 2027-02-15 08:00 → 2027-02-16 08:00",
      "overdue:2 2027-02-16 08:00 → 2027-02-17 08:00",
      "overdue:3 2027-02-17 08:00 → 2027-02-18 08:00",
      "overdue:4 2027-02-18 08:00 → 2027-02-19 08:00",
      "overdue:5 2027-02-19 08:00 → 2027-02-20 08:00",
    ]);
  });

  it("drops moments before the period opened and follows the unit's own settings", () => {
    const policy = unitPolicySchema.parse({ daysBefore: [2], sendAt: "07:30", escalateAt: null, overdueDays: 1, notifyOnOpen: false });
    expect(schedule("2026-11-17 10:00", "2026-11-18 17:00", policy)).toEqual(["deadline 2026-11-18 07:30 → 2026-11-19 07:30", "overdue:1 2026-11-19 07:30 → 2026-11-20 07:30"]);
    const keepDays = unitPolicySchema.parse({ shiftReminders: false, overdueDays: 0, escalateAt: null });
    expect(schedule("2026-11-11 09:00", "2026-11-22 17:00", keepDays)).toContain("deadline 2026-11-22 08:00 → 2026-11-23 08:00");
  });

  it("never plans a moment inside quiet hours, whatever the settings", () => {
    const late = unitPolicySchema.parse({ sendAt: "22:00", escalateAt: "23:30", quietHours: { start: "21:00", end: "07:00" } });
    for (const line of schedule("2026-11-11 23:59", "2026-11-18 17:00", late)) expect(line).toMatch(/^\S+ \S+ 07:00/);
  });
});

describe("quiet hours", () => {
  const quiet = { start: "21:00", end: "07:00" };
  it.each([
    ["20:59", false],
    ["21:00", true],
    ["23:30", true],
    ["06:59", true],
    ["07:00", false],
  ])("%s is quiet: %s", (time, expected) => {
    expect(isQuiet(localInstant("2026-11-20", time, VN), quiet, VN)).toBe(expected);
  });

  it("moves an evening instant to the next morning and an early one to the same morning", () => {
    expect(local(outsideQuiet(localInstant("2026-12-31", "22:00", VN), quiet, VN))).toBe("2027-01-01 07:00");
    expect(local(outsideQuiet(localInstant("2026-11-20", "05:10", VN), quiet, VN))).toBe("2026-11-20 07:00");
    const lunch = { start: "11:30", end: "13:30" };
    expect(local(outsideQuiet(localInstant("2026-11-20", "12:00", VN), lunch, VN))).toBe("2026-11-20 13:30");
    expect(isQuiet(localInstant("2026-11-20", "22:00", VN), lunch, VN)).toBe(false);
  });
});

describe("unit policy", () => {
  it("fills every field with its default and refuses nonsense with a readable message", () => {
    expect(readPolicy(null)).toEqual(DEFAULT_POLICY);
    expect(readPolicy({ daysBefore: [5] }).daysBefore).toEqual([5]);
    const bad = unitPolicySchema.safeParse({ sendAt: "8h" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain("HH:mm");
    expect(readPolicy({ sendAt: "8h" })).toEqual(DEFAULT_POLICY);
  });
});
