import { describe, expect, it } from "vitest";
import { parseChoice, parseList, parseText, parseYesNo } from "../../src/domain/parse-misc.js";

describe("parseYesNo", () => {
  it.each(["có", "Có", "co", "CO", "rồi", "roi", "đúng", "dung", "yes", "x", "X", "1", "ok", "có rồi", "Có."])(
    "%j is yes",
    (text) => {
      expect(parseYesNo(text)).toEqual({ ok: true, value: true });
    },
  );

  it.each(["không", "Không", "khong", "chưa", "chua", "no", "NO", "0", "không có", "Chưa!"])("%j is no", (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: false });
  });

  it.each(["dừng", "có thể", "maybe", "2", "đúng không"])("%j is neither", (text) => {
    expect(parseYesNo(text)).toEqual({ ok: false, error: "not_yes_no" });
  });

  it("reports blank input as empty", () => {
    expect(parseYesNo("  ")).toEqual({ ok: false, error: "empty" });
  });
});

describe("parseChoice", () => {
  const options = [
    { key: "dat", label: "Đạt" },
    { key: "khong_dat", label: "Không đạt" },
    { key: "vuot", label: "Vượt kế hoạch" },
  ];

  it.each([
    ["1", "dat"],
    ["2", "khong_dat"],
    ["3.", "vuot"],
    ["3)", "vuot"],
    ["dat", "dat"],
    ["KHONG_DAT", "khong_dat"],
    ["Không đạt", "khong_dat"],
    ["khong dat", "khong_dat"],
    ["vượt kế hoạch", "vuot"],
    ["  Vuot  ke  hoach ", "vuot"],
  ])("%j → %s", (text, key) => {
    expect(parseChoice(text, options)).toEqual({ ok: true, value: key });
  });

  it.each(["0", "4", "-1", "Vượt mức", "đạt một phần"])("rejects %j, telling how many options there are", (text) => {
    expect(parseChoice(text, options)).toEqual({ ok: false, error: "not_a_choice", params: { count: 3 } });
  });

  it("reports blank input as empty", () => {
    expect(parseChoice(" ", options)).toEqual({ ok: false, error: "empty" });
  });
});

describe("parseList", () => {
  it("splits lines and strips the bullets people type and Word pastes", () => {
    const text = ["- Một", "+ Hai", "• Ba", "* Bốn", "1. Năm", "a) Sáu", "2) Bảy", "– Tám", "\uf0b7 Chín", "-Mười"].join(
      "\n",
    );
    expect(parseList(text)).toEqual({
      ok: true,
      value: ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười"],
    });
  });

  it("drops blank lines and handles Windows line breaks", () => {
    expect(parseList("Một\r\n\r\n  Hai  \r\n")).toEqual({ ok: true, value: ["Một", "Hai"] });
  });

  it("splits a single line at semicolons", () => {
    expect(parseList("Một; Hai ;Ba;")).toEqual({ ok: true, value: ["Một", "Hai", "Ba"] });
  });

  it("keeps semicolons inside items when there are several lines", () => {
    expect(parseList("Xây dựng; sửa chữa đường\nNạo vét kênh")).toEqual({
      ok: true,
      value: ["Xây dựng; sửa chữa đường", "Nạo vét kênh"],
    });
  });

  it("does not take a figure at the start of an item for a numbered bullet", () => {
    expect(parseList("1.500 hộ được hỗ trợ\n2.5 ha lúa")).toEqual({
      ok: true,
      value: ["1.500 hộ được hỗ trợ", "2.5 ha lúa"],
    });
  });

  it("strips nested numbering", () => {
    expect(parseList("1.1. Thu ngân sách\n1.2) Chi ngân sách")).toEqual({
      ok: true,
      value: ["Thu ngân sách", "Chi ngân sách"],
    });
  });

  it("returns items in NFC", () => {
    const result = parseList("Tiến độ".normalize("NFD"));
    expect(result).toEqual({ ok: true, value: ["Tiến độ".normalize("NFC")] });
  });

  it.each(["", "  \n \n", "-\n•\n*", " ; ; "])("reports %j as empty", (text) => {
    expect(parseList(text)).toEqual({ ok: false, error: "empty" });
  });
});

describe("parseText", () => {
  it("trims and keeps inner line breaks", () => {
    expect(parseText("  Đánh giá chung:\r\n\r\nTình hình ổn định.  \n")).toEqual({
      ok: true,
      value: "Đánh giá chung:\n\nTình hình ổn định.",
    });
  });

  it("accepts exactly the maximum length and rejects one more", () => {
    expect(parseText("a".repeat(4000))).toEqual({ ok: true, value: "a".repeat(4000) });
    expect(parseText("a".repeat(4001))).toEqual({ ok: false, error: "too_long", params: { max: 4000 } });
    expect(parseText("abcd", 3)).toEqual({ ok: false, error: "too_long", params: { max: 3 } });
  });

  it("measures the NFC form, so decomposed input is not counted longer", () => {
    const word = "Nguyễn";
    expect(parseText(word.normalize("NFD"), word.length)).toEqual({ ok: true, value: word });
  });

  it.each(["", " ", "\n\t\n"])("reports %j as empty", (text) => {
    expect(parseText(text)).toEqual({ ok: false, error: "empty" });
  });
});
