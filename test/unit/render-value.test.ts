import { describe, expect, it } from "vitest";
import type { Question } from "../../src/domain/template.js";
import { formatIndicator, renderShort, renderValue } from "../../src/domain/render-value.js";

const q = (type: Question["type"], extra: Partial<Question> = {}): Question => ({ key: "k", type, label: "L", example: "x", required: true, showPrevious: true, ...extra });
const words = { yes: "Có", no: "Không" };

describe("answers read back to the officer", () => {
  it("shows the rate of a ratio rounded as in the report (23/80 is 28,8%, not 28,7%)", () => {
    expect(renderValue({ kind: "ratio", achieved: 23, target: 80 }, q("ratio"), words)).toBe("23/80 (28,8%)");
    expect(renderValue({ kind: "ratio", achieved: 343, target: 347 }, q("ratio"), words)).toBe("343/347 (98,8%)");
  });

  it("writes numbers, money, dates and choices the Vietnamese way", () => {
    expect(renderValue({ kind: "count", value: 1234, unit: "hồ sơ" }, q("count"), words)).toBe("1.234 hồ sơ");
    expect(renderValue({ kind: "money", value: 5_670_000_000 }, q("money"), words)).toBe("5.670.000.000 đồng");
    expect(renderValue({ kind: "date", value: "2026-05-12" }, q("date"), words)).toBe("12/05/2026");
    expect(renderValue({ kind: "yesno", value: false }, q("yesno"), words)).toBe("Không");
    expect(renderValue({ kind: "choice", value: "b" }, q("choice", { options: [{ key: "a", label: "Đạt" }, { key: "b", label: "Chưa đạt" }] }), words)).toBe("Chưa đạt");
    expect(formatIndicator(q("money"), 8_291_000_000)).toBe("8.291.000.000 đồng");
  });

  it("cuts long text at a word for one-line recaps", () => {
    const text = "Tình hình an ninh chính trị trên địa bàn ổn định, không xảy ra vụ việc phức tạp kéo dài.";
    const short = renderShort({ kind: "text", value: text }, q("text"), words, 40);
    expect(short.length).toBeLessThanOrEqual(41);
    expect(short.endsWith("…")).toBe(true);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
  });
});
