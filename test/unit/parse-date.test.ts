import { describe, expect, it } from "vitest";
import { parseVnDate } from "../../src/domain/parse-date.js";

describe("parseVnDate", () => {
  it.each([
    ["12/05/2023", "2023-05-12"],
    ["12-5-2023", "2023-05-12"],
    ["12.5.2023", "2023-05-12"],
    ["12 / 5 / 2023", "2023-05-12"],
    ["1/1/2024", "2024-01-01"],
    ["12/5", "2024-05-12"],
    ["12-5", "2024-05-12"],
    ["ngày 12 tháng 5", "2024-05-12"],
    ["Ngày 12 tháng 05 năm 2023", "2023-05-12"],
    ["ngày 12 tháng 5 năm 2023", "2023-05-12"],
    ["ngay 12 thang 5 nam 2023", "2023-05-12"],
    ["12 tháng 5 năm 2023", "2023-05-12"],
    ["ngày 10/4/2020", "2020-04-10"],
    ["12/5/23", "2023-05-12"],
    ["12/5/2023.", "2023-05-12"],
    ["29/02/2024", "2024-02-29"],
    ["29/2/2000", "2000-02-29"],
    ["31/12/2100", "2100-12-31"],
  ])("%j → %s (reference year 2024)", (text, iso) => {
    expect(parseVnDate(text, 2024)).toEqual({ ok: true, value: iso });
  });

  it("takes the missing year from the reference year", () => {
    expect(parseVnDate("29/2", 2024)).toEqual({ ok: true, value: "2024-02-29" });
    expect(parseVnDate("29/2", 2023)).toEqual({ ok: false, error: "not_a_date" });
  });

  it.each([
    "31/02/2023",
    "30/02/2024",
    "29/02/2023",
    "29/02/1900",
    "31/04/2023",
    "0/5/2023",
    "12/0/2023",
    "12/13/2023",
    "32/1/2023",
    "12/5-2023",
    "12/5/202",
    "12/5/2203",
    "12/5/1899",
    "2023-05-12",
    "12",
    "hôm qua",
    "ngày 12",
    "tháng 5 năm 2023",
    "12/5/2023 abc",
  ])("rejects %j", (text) => {
    expect(parseVnDate(text, 2024)).toEqual({ ok: false, error: "not_a_date" });
  });

  it("rejects a date without a year when the reference year is unusable", () => {
    expect(parseVnDate("12/5", Number.NaN)).toEqual({ ok: false, error: "not_a_date" });
  });

  it.each(["", "  "])("reports %j as empty", (text) => {
    expect(parseVnDate(text, 2024)).toEqual({ ok: false, error: "empty" });
  });
});
