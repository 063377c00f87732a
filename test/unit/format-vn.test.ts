import { describe, expect, it } from "vitest";
import {
  formatDateVn,
  formatMoney,
  formatMoneyShort,
  formatNumber,
  formatPercent,
  formatPercentCompact,
  formatQuantity,
} from "../../src/domain/format-vn.js";

describe("formatNumber", () => {
  it.each([
    [1234567.5, "1.234.567,5"],
    [1234, "1.234"],
    [-1234, "-1.234"],
    [999, "999"],
    [0, "0"],
    [-0, "0"],
    [-0.001, "0"],
    [15331.4, "15.331,4"],
    [5.67, "5,67"],
    [5.6789, "5,68"],
    [12.5, "12,5"],
    [2.1, "2,1"],
    [1e15, "1.000.000.000.000.000"],
  ])("%d → %s", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it("honours the fraction digit limit", () => {
    expect(formatNumber(2.6795, 3)).toBe("2,68");
    expect(formatNumber(2.6796, 3)).toBe("2,68");
    expect(formatNumber(3.14159, 4)).toBe("3,1416");
    expect(formatNumber(1234.5, 0)).toBe("1.235");
  });
});

describe("formatMoney", () => {
  it.each([
    [5670000000, "5.670.000.000 đồng"],
    [950000, "950.000 đồng"],
    [0, "0 đồng"],
    [-250000000, "-250.000.000 đồng"],
    [1234.6, "1.235 đồng"],
  ])("%d → %s", (dong, text) => {
    expect(formatMoney(dong)).toBe(text);
  });
});

describe("formatMoneyShort", () => {
  it.each([
    [5670000000, "5,67 tỷ đồng"],
    [2679000000, "2,68 tỷ đồng"],
    [1000000000, "1 tỷ đồng"],
    [999999999, "1 tỷ đồng"],
    [158500000, "158,5 triệu đồng"],
    [1000000, "1 triệu đồng"],
    [950000, "950.000 đồng"],
    [0, "0 đồng"],
    [-5670000000, "-5,67 tỷ đồng"],
    [-158500000, "-158,5 triệu đồng"],
  ])("%d → %s", (dong, text) => {
    expect(formatMoneyShort(dong)).toBe(text);
  });
});

describe("formatPercent", () => {
  it.each([
    [68.4, 1, "68,4%"],
    [52, 1, "52,0%"],
    [68.36, 1, "68,4%"],
    [80.7, 2, "80,70%"],
    [68, 0, "68%"],
    [0, 1, "0,0%"],
    [132.25, 1, "132,3%"],
  ])("%d with %d digits → %s", (p, digits, text) => {
    expect(formatPercent(p, digits)).toBe(text);
  });

  it("uses one decimal by default", () => {
    expect(formatPercent(52)).toBe("52,0%");
  });
});

describe("formatPercentCompact", () => {
  it.each([
    [52, "52%"],
    [52.04, "52%"],
    [68.4, "68,4%"],
    [87.14, "87,1%"],
    [-0, "0%"],
  ])("%d → %s", (p, text) => {
    expect(formatPercentCompact(p)).toBe(text);
  });
});

describe("formatDateVn", () => {
  it.each([
    ["2023-05-12", "12/05/2023"],
    ["2024-02-29", "29/02/2024"],
    ["2020-12-01", "01/12/2020"],
  ])("%s → %s", (iso, text) => {
    expect(formatDateVn(iso)).toBe(text);
  });

  it("returns anything that is not an ISO date unchanged", () => {
    expect(formatDateVn("12/05/2023")).toBe("12/05/2023");
    expect(formatDateVn("")).toBe("");
  });
});

describe("formatQuantity", () => {
  it.each([
    [15331.4, "m²", "15.331,4 m²"],
    [28, "hồ sơ", "28 hồ sơ"],
    [1257, "hồ sơ", "1.257 hồ sơ"],
    [12.5, "ha", "12,5 ha"],
    [3, "", "3"],
  ])("%d %s → %s", (n, unit, text) => {
    expect(formatQuantity(n, unit)).toBe(text);
  });
});
