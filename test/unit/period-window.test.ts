import { describe, expect, it } from "vitest";
import { cutoffWindow, deadlineOn, periodDeadline } from "../../src/domain/period-window.js";
import { WorkingCalendar } from "../../src/domain/working-calendar.js";

const calendar = new WorkingCalendar();
const defaultDeadline = (endsOn: string, zone: string) => periodDeadline(endsOn, zone, calendar);
import { maxPeriodNumber } from "../../src/domain/period-label.js";
import { PERIOD_KINDS, type PeriodKind } from "../../src/domain/template.js";

const VN = "Asia/Ho_Chi_Minh";

describe("cutoffWindow (NĐ 09/2019 Điều 12)", () => {
  it.each<[PeriodKind, number, string, string]>([
    ["thang", 1, "2025-12-15", "2026-01-14"],
    ["thang", 2, "2026-01-15", "2026-02-14"],
    ["thang", 3, "2026-02-15", "2026-03-14"],
    ["thang", 11, "2026-10-15", "2026-11-14"],
    ["thang", 12, "2026-11-15", "2026-12-14"],
    ["quy", 1, "2025-12-15", "2026-03-14"],
    ["quy", 2, "2026-03-15", "2026-06-14"],
    ["quy", 3, "2026-06-15", "2026-09-14"],
    ["quy", 4, "2026-09-15", "2026-12-14"],
    ["6thang", 1, "2025-12-15", "2026-06-14"],
    ["6thang", 2, "2026-06-15", "2026-12-14"],
    ["9thang", 1, "2025-12-15", "2026-09-14"],
    ["nam", 1, "2025-12-15", "2026-12-14"],
  ])("%s %i/2026 runs from %s to %s", (kind, number, startsOn, endsOn) => {
    expect(cutoffWindow(kind, 2026, number)).toEqual({ startsOn, endsOn });
  });

  it("matches the worked examples of the regulation summary", () => {
    expect(cutoffWindow("thang", 2025, 10)).toEqual({ startsOn: "2025-09-15", endsOn: "2025-10-14" });
    expect(cutoffWindow("quy", 2026, 1)).toEqual({ startsOn: "2025-12-15", endsOn: "2026-03-14" });
    expect(cutoffWindow("9thang", 2025, 1)).toEqual({ startsOn: "2024-12-15", endsOn: "2025-09-14" });
    expect(cutoffWindow("nam", 2025, 1)).toEqual({ startsOn: "2024-12-15", endsOn: "2025-12-14" });
  });

  it("tiles the year: months and quarters follow each other without gap or overlap, across years", () => {
    for (const kind of ["thang", "quy", "6thang"] as const) {
      const windows = [2025, 2026].flatMap((year) => Array.from({ length: maxPeriodNumber(kind) }, (_, i) => cutoffWindow(kind, year, i + 1)));
      for (let i = 1; i < windows.length; i++) expect(windows[i]!.startsOn, `${kind} #${i}`).toBe(addDays(windows[i - 1]!.endsOn, 1));
    }
  });

  it("every kind's windows end on the 14th and start on the 15th", () => {
    for (const kind of PERIOD_KINDS) {
      for (let n = 1; n <= maxPeriodNumber(kind); n++) {
        const w = cutoffWindow(kind, 2026, n);
        expect(w.startsOn.slice(8)).toBe("15");
        expect(w.endsOn.slice(8)).toBe("14");
      }
    }
  });

  it.each<[PeriodKind, number]>([
    ["thang", 0],
    ["thang", 13],
    ["quy", 5],
    ["6thang", 3],
    ["9thang", 2],
    ["nam", 2],
    ["thang", 1.5],
  ])("refuses %s number %s", (kind, number) => {
    expect(() => cutoffWindow(kind, 2026, number)).toThrow(RangeError);
  });
});

describe("working days", () => {
  it.each([
    ["2025-11-14", 2, "2025-11-18"], // Friday → Tuesday
    ["2025-11-13", 2, "2025-11-17"], // Thursday → Monday
    ["2026-11-14", 2, "2026-11-17"], // Saturday → Tuesday
    ["2026-06-14", 2, "2026-06-16"], // Sunday → Tuesday
    ["2026-10-14", 2, "2026-10-16"], // Wednesday → Friday
    ["2027-12-31", 2, "2028-01-05"], // Friday; 1/1/2028 is a Saturday, so Monday 3/1 is its day off in lieu
    ["2026-04-29", 2, "2026-05-05"], // 30/4 and 1/5, then the weekend
    ["2027-02-04", 1, "2027-02-12"], // Tết Đinh Mùi: 5/2–9/2 plus 10/2 and 11/2 in lieu of the weekend
    ["2026-08-31", 1, "2026-09-01"], // 2/9 and 3/9 (Wednesday, Thursday) are the National Day holiday
    ["2026-09-01", 1, "2026-09-04"],
    ["2028-02-28", 2, "2028-03-01"], // leap day counted
    ["2026-10-14", 0, "2026-10-14"],
  ])("%s + %i working days = %s", (from, days, expected) => {
    expect(calendar.addWorkingDays(from, days)).toBe(expected);
  });
});

describe("deadlines", () => {
  it("a Friday cut-off is due the next Tuesday at 17:00 Vietnam time", () => {
    expect(new Date("2025-11-14T00:00:00Z").getUTCDay()).toBe(5);
    expect(defaultDeadline("2025-11-14", VN).toISOString()).toBe("2025-11-18T10:00:00.000Z");
  });

  it("the default deadline of each kind is 2 working days after its cut-off", () => {
    // 14/12/2025 is a Sunday: due Tuesday 16/12.
    expect(defaultDeadline(cutoffWindow("nam", 2025, 1).endsOn, VN).toISOString()).toBe("2025-12-16T10:00:00.000Z");
    // 14/01/2026 is a Wednesday: due Friday 16/01.
    expect(defaultDeadline(cutoffWindow("thang", 2026, 1).endsOn, VN).toISOString()).toBe("2026-01-16T10:00:00.000Z");
  });

  it("follows the unit's own rule: a day of the month, moved off a weekend or holiday unless the unit says not to", () => {
    // "Nộp trước ngày 18": due on the 18th. 18/10/2026 is a Sunday.
    expect(periodDeadline("2026-10-14", VN, calendar, { dayOfMonth: 18 }).toISOString()).toBe("2026-10-19T10:00:00.000Z");
    expect(periodDeadline("2026-10-14", VN, calendar, { dayOfMonth: 18 }, false).toISOString()).toBe("2026-10-18T10:00:00.000Z");
    // A day before the cut-off means next month's; the 31st in a 30-day month is its last day.
    expect(periodDeadline("2026-11-14", VN, calendar, { dayOfMonth: 5, time: "11:30" }).toISOString()).toBe("2026-12-07T04:30:00.000Z");
    expect(periodDeadline("2026-06-14", VN, calendar, { dayOfMonth: 31 }).toISOString()).toBe("2026-06-30T10:00:00.000Z");
    expect(periodDeadline("2026-06-14", VN, calendar, { workingDaysAfterCutoff: 5 }).toISOString()).toBe("2026-06-19T10:00:00.000Z");
    // A unit that works on an exchanged Saturday.
    const swapped = new WorkingCalendar({ extraWorkingDays: ["2026-11-14"], extraDaysOff: ["2026-11-16"] });
    expect(periodDeadline("2026-11-13", VN, swapped).toISOString()).toBe("2026-11-17T10:00:00.000Z");
  });

  it("puts 17:00 in the configured zone, daylight saving time included", () => {
    expect(deadlineOn("2026-11-18", VN).toISOString()).toBe("2026-11-18T10:00:00.000Z");
    expect(deadlineOn("2026-03-28", "Europe/Paris").toISOString()).toBe("2026-03-28T16:00:00.000Z");
    expect(deadlineOn("2026-03-29", "Europe/Paris").toISOString()).toBe("2026-03-29T15:00:00.000Z");
    expect(deadlineOn("2026-01-05", "UTC").toISOString()).toBe("2026-01-05T17:00:00.000Z");
  });
});

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
