import { describe, expect, it } from "vitest";
import {
  parseCount,
  parseMoney,
  parsePercent,
  parseQuantity,
  parseRatio,
  parseVnNumber,
} from "../../src/domain/parse-number.js";

describe("parseVnNumber", () => {
  it.each([
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["15.331,4", 15331.4],
    ["5,67", 5.67],
    ["0", 0],
    ["không", 0],
    ["khong", 0],
    ["Không", 0],
    ["KHÔNG", 0],
    ["không".normalize("NFD"), 0],
    ["1 234 567", 1234567],
    ["1 234,5", 1234.5],
    ["1\u00a0234", 1234],
    ["+5", 5],
    ["-1.234,5", -1234.5],
    ["-0", 0],
    ["1.5", 1.5],
    ["12.75", 12.75],
    ["1234.5", 1234.5],
    ["1.2345", 1.2345],
    ["1.500", 1500],
    ["0,5", 0.5],
    ["007", 7],
    ["  28  ", 28],
    ["28.", 28],
    ["1.500.", 1500],
    ["1.000.000.000.000.000", 1e15],
  ])("%j → %d", (text, expected) => {
    expect(parseVnNumber(text)).toEqual({ ok: true, value: expected });
  });

  it("never returns negative zero", () => {
    const result = parseVnNumber("-0");
    expect(result.ok && Object.is(result.value, -0)).toBe(false);
  });

  it.each([
    "abc",
    "1,2,3",
    "1,234.56",
    "0.500",
    "1234.567",
    "1.23.456",
    "12 34",
    "1.234 567",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e5",
    "0x10",
    "khoảng 5",
    "ước 1.234",
    "trên 300",
    "5 hồ sơ",
    "5,",
    ",5",
    "- 5",
    "--5",
    "1.000.000.000.000.001",
    "1".padEnd(400, "0"),
  ])("rejects %j", (text) => {
    expect(parseVnNumber(text)).toEqual({ ok: false, error: "not_a_number" });
  });

  it.each(["", "   ", "\n", "."])("reports %j as empty", (text) => {
    expect(parseVnNumber(text)).toEqual({ ok: false, error: "empty" });
  });
});

describe("parseMoney", () => {
  it.each([
    ["5.670.000.000đ", 5670000000],
    ["5.670.000.000 đ", 5670000000],
    ["5.670.000.000 đồng", 5670000000],
    ["5.670.000.000 VNĐ", 5670000000],
    ["5.670.000.000 vnd", 5670000000],
    ["5.670.000.000 ₫", 5670000000],
    ["5.670.000.000", 5670000000],
    ["5,67 tỷ", 5670000000],
    ["5,67 tỉ", 5670000000],
    ["5,67tỷ", 5670000000],
    ["5,67 tỷ đồng", 5670000000],
    ["2,679 tỷ", 2679000000],
    ["3,320 tỷ", 3320000000],
    ["158,5 triệu", 158500000],
    ["158,5tr", 158500000],
    ["580 tr", 580000000],
    ["150 nghìn", 150000],
    ["150 ngàn", 150000],
    ["150k", 150000],
    ["150K", 150000],
    ["1 tỷ 200 triệu", 1200000000],
    ["1 tỷ 200 triệu đồng", 1200000000],
    ["2 triệu 500 nghìn", 2500000],
    ["1 tỷ 200.000 đồng", 1000200000],
    ["1.5 tỷ", 1500000000],
    ["không", 0],
    ["0", 0],
    ["0 đồng", 0],
    ["5,67 ty", 5670000000],
    ["158,5 trieu", 158500000],
    ["150 nghin", 150000],
    ["100.000 dong", 100000],
    ["-5 tỷ", -5000000000],
    ["2,6795 tỷ", 2679500000],
    ["1,0000000004 tỷ", 1000000000],
    ["400.000 đồng.", 400000],
  ])("%j → %d", (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["khoảng 5 tỷ", "not_a_number"],
    ["1 tỷ 200", "not_a_number"],
    ["200 triệu 1 tỷ", "not_a_number"],
    ["1 tỷ 2 tỷ", "not_a_number"],
    ["5 tỷ tỷ", "wrong_unit"],
    ["tỷ", "not_a_number"],
    ["5,67", "not_an_integer"],
    ["5,5 đồng", "not_an_integer"],
    ["1.000.001 tỷ", "not_a_number"],
    ["", "empty"],
  ])("rejects %j with %s", (text, error) => {
    expect(parseMoney(text)).toMatchObject({ ok: false, error });
  });

  it("names the expected unit when another one follows the number", () => {
    expect(parseMoney("5 tấn")).toEqual({ ok: false, error: "wrong_unit", params: { unit: "đồng" } });
  });
});

describe("parseQuantity", () => {
  it.each([
    ["28", "hồ sơ", 28],
    ["28 hồ sơ", "hồ sơ", 28],
    ["28 ho so", "hồ sơ", 28],
    ["28 HỒ SƠ", "hồ sơ", 28],
    ["28 hồ sơ.", "hồ sơ", 28],
    ["15.331,4 m²", "m²", 15331.4],
    ["15.331,4 m2", "m²", 15331.4],
    ["15.331,4m2", "m²", 15331.4],
    ["12,5 ha", "ha", 12.5],
    ["3 tấn", "tấn", 3],
    ["3 tan", "tấn", 3],
    ["không", "hộ", 0],
    ["-2", "hộ", -2],
  ])("%j with unit %j → %d", (text, unit, expected) => {
    expect(parseQuantity(text, unit)).toEqual({ ok: true, value: expected });
  });

  it("calls a different trailing word a wrong unit, naming the expected one", () => {
    expect(parseQuantity("3 kg", "tấn")).toEqual({ ok: false, error: "wrong_unit", params: { unit: "tấn" } });
    expect(parseQuantity("28 hồ sơ abc", "hồ sơ")).toEqual({
      ok: false,
      error: "wrong_unit",
      params: { unit: "hồ sơ" },
    });
  });

  it.each(["hồ sơ 28", "khoảng 28 hồ sơ", "28 / 30", "28%"])("rejects %j as not a number", (text) => {
    expect(parseQuantity(text, "hồ sơ")).toEqual({ ok: false, error: "not_a_number" });
  });
});

describe("parseCount", () => {
  it.each([
    ["28 hồ sơ", 28],
    ["1.257", 1257],
    ["0", 0],
    ["không", 0],
  ])("%j → %d", (text, expected) => {
    expect(parseCount(text, "hồ sơ")).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["1,5", "not_an_integer"],
    ["1.5", "not_an_integer"],
    ["-3", "negative"],
    ["-1,5", "negative"],
    ["3 kg", "wrong_unit"],
    ["", "empty"],
  ])("rejects %j with %s", (text, error) => {
    expect(parseCount(text, "hồ sơ")).toMatchObject({ ok: false, error });
  });
});

describe("parsePercent", () => {
  it.each([
    ["68%", 68],
    ["68 %", 68],
    ["68", 68],
    ["82,97%", 82.97],
    ["99,9 phần trăm", 99.9],
    ["99,9 phan tram", 99.9],
    ["0", 0],
    ["100%", 100],
    ["không", 0],
  ])("%j → %d", (text, expected) => {
    expect(parsePercent(text)).toEqual({ ok: true, value: expected });
  });

  it("rejects values above 100 unless over-achievement is allowed", () => {
    expect(parsePercent("132%")).toEqual({ ok: false, error: "above_max", params: { max: 100 } });
    expect(parsePercent("132%", { allowOver100: true })).toEqual({ ok: true, value: 132 });
  });

  it.each([
    ["abc", "not_a_percent"],
    ["68 hộ", "not_a_percent"],
    ["%68", "not_a_percent"],
    ["đạt 68%", "not_a_percent"],
    ["-5%", "negative"],
    ["", "empty"],
  ])("rejects %j with %s", (text, error) => {
    expect(parsePercent(text)).toMatchObject({ ok: false, error });
  });
});

describe("parseRatio", () => {
  it.each([
    ["343/347", 343, 347],
    ["343 / 347", 343, 347],
    ["343 trên 347", 343, 347],
    ["343 tren 347", 343, 347],
    ["5.670.000.000/8.291.000.000", 5670000000, 8291000000],
    ["5.670.000.000đ/8.291.000.000đ", 5670000000, 8291000000],
    ["507/611 trẻ", 507, 611],
    ["507 trẻ/611 trẻ", 507, 611],
    ["2,679 tỷ/3,320 tỷ", 2679000000, 3320000000],
    ["2,679/3,320 tỷ", 2679000000, 3320000000],
    ["61 triệu/70 triệu", 61000000, 70000000],
    ["0,267 tỷ/0,534 tỷ", 267000000, 534000000],
    ["0,267/0,534 tỷ", 267000000, 534000000],
    ["5 triệu/10.000.000", 5000000, 10000000],
    ["2,5/4", 2.5, 4],
    ["0/5", 0, 5],
    ["400/347", 400, 347],
  ])("%j → %d of %d", (text, achieved, target) => {
    expect(parseRatio(text)).toEqual({ ok: true, value: { achieved, target } });
  });

  it.each([
    ["343", "not_a_ratio"],
    ["343/", "not_a_ratio"],
    ["/347", "not_a_ratio"],
    ["1/2/3", "not_a_ratio"],
    ["5/0", "not_a_ratio"],
    ["5/-3", "not_a_ratio"],
    ["a/b", "not_a_ratio"],
    ["343/347 5", "not_a_ratio"],
    ["-3/5", "negative"],
    ["", "empty"],
  ])("rejects %j with %s", (text, error) => {
    expect(parseRatio(text)).toMatchObject({ ok: false, error });
  });
});
