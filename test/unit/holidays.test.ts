import { describe, expect, it } from "vitest";
import { publicHolidays } from "../../src/domain/holidays.js";
import { WorkingCalendar } from "../../src/domain/working-calendar.js";

describe("Vietnamese public holidays", () => {
  it("puts Tết on the Vietnamese lunar new year, which differs from the Chinese one in 2030", () => {
    expect(publicHolidays(2026).get("2026-02-17")).toBe("Tết Nguyên Đán");
    expect(publicHolidays(2027).get("2027-02-06")).toBe("Tết Nguyên Đán");
    // China: 03/02/2030; Vietnam (UTC+7): 02/02/2030.
    expect(publicHolidays(2030).get("2030-02-02")).toBe("Tết Nguyên Đán");
  });

  it("has the five days of Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5 and two days of Quốc khánh", () => {
    const days = [...publicHolidays(2026).keys()].sort();
    expect(days).toEqual([
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-26", // Giỗ Tổ, 10/3 âm lịch: a Sunday…
      "2026-04-27", // …so Monday is the day in lieu
      "2026-04-30",
      "2026-05-01",
      "2026-09-02",
      "2026-09-03",
    ]);
  });

  it("joins Quốc khánh to the weekend when 2/9 is a Tuesday", () => {
    expect(publicHolidays(2025).has("2025-09-01")).toBe(true);
    expect(publicHolidays(2025).has("2025-09-03")).toBe(false);
  });

  it("lets a unit add its swaps", () => {
    const calendar = new WorkingCalendar({ extraDaysOff: ["2026-02-13"], extraWorkingDays: ["2026-02-28"] });
    expect(calendar.isWorkingDay("2026-02-13")).toBe(false);
    expect(calendar.isWorkingDay("2026-02-28")).toBe(true);
    expect(calendar.onOrAfter("2026-02-14")).toBe("2026-02-23");
    expect(calendar.onOrBefore("2026-02-20")).toBe("2026-02-12");
  });
});
