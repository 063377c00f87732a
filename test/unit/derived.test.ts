import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/domain/answer-value.js";
import {
  changeVs,
  checkConsistency,
  type ChangeResult,
  difference,
  type ConsistencyRule,
  PHRASES,
  percentOfPlan,
  phraseChange,
  phraseDifference,
  phrasePlan,
  type PlanResult,
  ratioRate,
  runningTotal,
} from "../../src/domain/derived.js";

/** Every number anywhere in a result, so a property can check them all. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const maybeDouble = fc.option(finiteDouble, { nil: undefined });

describe("percentOfPlan", () => {
  it.each([
    // The seed reports: budget revenue 5.670/8.291 tỷ, 4.310/8.291 tỷ (written "51%"), 61/70 (written "88%").
    [5_670_000_000, 8_291_000_000, 68.4],
    [4_310_000_000, 8_291_000_000, 52],
    [61, 70, 87.1],
    [0, 70, 0],
    [70, 70, 100],
  ])("%d / %d → %d %%", (actual, plan, percent) => {
    expect(percentOfPlan(actual, plan)).toEqual({ kind: "ok", percent });
  });

  it("gives the excess above 100 %", () => {
    expect(percentOfPlan(132, 100)).toEqual({ kind: "ok", percent: 132, over: 32 });
    expect(percentOfPlan(10_944_120_000, 8_291_000_000)).toEqual({ kind: "ok", percent: 132, over: 32 });
  });

  it("computes the excess in exact tenths, not by subtracting doubles", () => {
    // 87/80 = 108,75 % → 108,8 %; 108.8 − 100 in doubles is 8.799999999999997.
    expect(percentOfPlan(87, 80)).toEqual({ kind: "ok", percent: 108.8, over: 8.8 });
  });

  it("has no excess when the rounded figure is exactly 100", () => {
    expect(percentOfPlan(100_004, 100_000)).toEqual({ kind: "ok", percent: 100 });
    expect(percentOfPlan(100_050, 100_000)).toEqual({ kind: "ok", percent: 100.1, over: 0.1 });
  });

  it("says when there is no plan or a zero plan", () => {
    expect(percentOfPlan(5, undefined)).toEqual({ kind: "no_plan" });
    expect(percentOfPlan(5, 0)).toEqual({ kind: "zero_plan" });
    expect(percentOfPlan(0, 0)).toEqual({ kind: "zero_plan" });
    expect(percentOfPlan(5, -0)).toEqual({ kind: "zero_plan" });
  });
});

describe("rounding: one decimal, half away from zero, on the exact quotient", () => {
  it.each([
    [1, 8, 12.5],
    [1, 16, 6.3], // 6,25
    [3, 16, 18.8], // 18,75
    [1, 40, 2.5],
    [1, 80, 1.3], // 1,25
    [23, 80, 28.8], // 28,75: 23/80*100 is 28.749999999999996 in doubles
    [41, 80, 51.3], // 51,25
    [29, 400, 7.3], // 7,25
    [0.0295, 1, 3], // 2,95: 0.0295*100 is 2.9499999999999997 in doubles
    [0.0055, 1, 0.6], // 0,55
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 1600, 0.1], // 0,0625
    [1, 2001, 0], // 0,049975…
  ])("%d / %d → %d %%", (a, b, percent) => {
    expect(percentOfPlan(a, b)).toEqual({ kind: "ok", percent });
    expect(ratioRate(a, b)).toEqual({ kind: "ok", percent });
  });

  it("rounds negative halves away from zero too", () => {
    expect(percentOfPlan(-1, 16)).toEqual({ kind: "ok", percent: -6.3 });
    expect(percentOfPlan(1, -16)).toEqual({ kind: "ok", percent: -6.3 });
    expect(percentOfPlan(-23, 80)).toEqual({ kind: "ok", percent: -28.8 });
  });

  it("never returns -0", () => {
    const result = percentOfPlan(-1, 1_000_000);
    expect(result).toEqual({ kind: "ok", percent: 0 });
    expect(result.kind === "ok" && Object.is(result.percent, -0)).toBe(false);
  });

  it("is within half a tenth of the true quotient (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
        const result = percentOfPlan(a, b);
        expect(result.kind).toBe("ok");
        if (result.kind !== "ok") return;
        // The reference is a double too: allow a few units in the last place of its magnitude.
        const reference = (a / b) * 100;
        expect(Math.abs(result.percent - reference)).toBeLessThanOrEqual(0.05 + Math.max(1, Math.abs(reference)) * Number.EPSILON * 8);
        // Exactly one decimal: the double nearest to a number of tenths.
        expect(Number((result.percent * 10).toFixed(0)) / 10).toBe(result.percent);
      }),
    );
  });
});

describe("changeVs", () => {
  it.each<[number, number, ChangeResult]>([
    [9, 8, { kind: "up", percent: 12.5 }],
    [97, 100, { kind: "down", percent: 3 }],
    [947, 607, { kind: "up", percent: 56 }], // the seed's "tăng 340 cơ sở": 340/607 = 56,01 %
    [5_670_000_000, 4_310_000_000, { kind: "up", percent: 31.6 }],
    [4_310_000_000, 5_670_000_000, { kind: "down", percent: 24 }],
    [17, 16, { kind: "up", percent: 6.3 }], // 6,25
    [15, 16, { kind: "down", percent: 6.3 }], // −6,25, rounded away from zero
    [20, 10, { kind: "up", percent: 100 }],
    [0, 10, { kind: "down", percent: 100 }],
  ])("%d vs %d", (current, base, expected) => {
    expect(changeVs(current, base)).toEqual(expected);
  });

  it("is 'same' when equal, or equal at the display precision", () => {
    expect(changeVs(8, 8)).toEqual({ kind: "same" });
    expect(changeVs(0, 0)).toEqual({ kind: "same" });
    expect(changeVs(100_004, 100_000)).toEqual({ kind: "same" }); // 0,004 %
    expect(changeVs(99_996, 100_000)).toEqual({ kind: "same" });
    expect(changeVs(100_050, 100_000)).toEqual({ kind: "up", percent: 0.1 }); // 0,05 → 0,1
  });

  it("works on the exact decimals, not on their doubles", () => {
    // 0.3 − 0.1 is 0.19999999999999998 in doubles; the change is exactly 200 %.
    expect(changeVs(0.3, 0.1)).toEqual({ kind: "up", percent: 200 });
    expect(changeVs(15_331.4, 15_331.4)).toEqual({ kind: "same" });
  });

  it("reports a missing or zero base instead of a percentage", () => {
    expect(changeVs(5, undefined)).toEqual({ kind: "no_base" });
    expect(changeVs(5, 0)).toEqual({ kind: "zero_base", current: 5 });
    expect(changeVs(-5, 0)).toEqual({ kind: "zero_base", current: -5 });
  });

  it("measures against |base| so the direction holds for a negative base", () => {
    expect(changeVs(-5, -10)).toEqual({ kind: "up", percent: 50 });
    expect(changeVs(-15, -10)).toEqual({ kind: "down", percent: 50 });
  });
});

describe("ratioRate", () => {
  it("derives the rate from the two stored numbers", () => {
    expect(ratioRate(61, 70)).toEqual({ kind: "ok", percent: 87.1 });
    expect(ratioRate(343, 347)).toEqual({ kind: "ok", percent: 98.8 });
    expect(ratioRate(1257, 1257)).toEqual({ kind: "ok", percent: 100 });
    expect(ratioRate(0, 5)).toEqual({ kind: "ok", percent: 0 });
  });

  it("says when the target is zero", () => {
    expect(ratioRate(0, 0)).toEqual({ kind: "zero_target" });
    expect(ratioRate(3, 0)).toEqual({ kind: "zero_target" });
  });
});

describe("runningTotal", () => {
  it("sums the months from January", () => {
    expect(runningTotal([10, 20, 30])).toEqual({ total: 60, months: 3, missing: 0 });
    expect(runningTotal([941_000_000_000, 2_167_000_000_000])).toEqual({ total: 3_108_000_000_000, months: 2, missing: 0 });
  });

  it("counts missing months instead of treating them as 0 silently", () => {
    expect(runningTotal([10, undefined, 30, undefined])).toEqual({ total: 40, months: 4, missing: 2 });
    expect(runningTotal([undefined, undefined])).toEqual({ total: 0, months: 2, missing: 2 });
    expect(runningTotal([])).toEqual({ total: 0, months: 0, missing: 0 });
  });

  it("keeps a real 0 apart from a missing month", () => {
    expect(runningTotal([0, 0])).toEqual({ total: 0, months: 2, missing: 0 });
  });

  it("adds decimals exactly", () => {
    expect(runningTotal([0.1, 0.2])).toEqual({ total: 0.3, months: 2, missing: 0 }); // not 0.30000000000000004
    expect(runningTotal([15_331.4, 0.2, -0.1])).toEqual({ total: 15_331.5, months: 3, missing: 0 });
  });
});

describe("phrasePlan", () => {
  it.each<[PlanResult, string]>([
    [percentOfPlan(5_670_000_000, 8_291_000_000), "đạt 68,4% kế hoạch"],
    [percentOfPlan(4_310_000_000, 8_291_000_000), "đạt 52,0% kế hoạch"],
    [percentOfPlan(61, 70), "đạt 87,1% kế hoạch"],
    [percentOfPlan(132, 100), "đạt 132,0% kế hoạch, vượt 32,0%"],
    [percentOfPlan(100, 100), "đạt 100,0% kế hoạch"],
    [percentOfPlan(87, 80), "đạt 108,8% kế hoạch, vượt 8,8%"],
    [percentOfPlan(5, undefined), ""],
  ])("%o → %s", (result, text) => {
    expect(phrasePlan(result)).toBe(text);
  });

  it("takes the plan's own label", () => {
    expect(phrasePlan(percentOfPlan(5_670_000_000, 8_291_000_000), "dự toán năm")).toBe("đạt 68,4% dự toán năm");
    expect(phrasePlan(percentOfPlan(5, 0), "dự toán")).toBe("chưa tính được tỷ lệ đạt dự toán vì dự toán bằng 0");
  });

  it("never says 'vượt x% kế hoạch' for 'đạt x%'", () => {
    expect(phrasePlan(percentOfPlan(132, 100))).not.toMatch(/vượt 132/);
  });

  it("leaves braces in a label alone", () => {
    expect(phrasePlan({ kind: "ok", percent: 50 }, "{over}")).toBe("đạt 50,0% {over}");
  });
});

describe("phraseChange", () => {
  it.each<[ChangeResult, string]>([
    [changeVs(9, 8), "tăng 12,5% so với cùng kỳ"],
    [changeVs(97, 100), "giảm 3,0% so với cùng kỳ"],
    [changeVs(8, 8), "bằng cùng kỳ"],
    [changeVs(8, undefined), "chưa có số liệu cùng kỳ để so sánh"],
    [changeVs(8, 0), "tăng so với cùng kỳ (cùng kỳ bằng 0)"],
    [changeVs(-8, 0), "giảm so với cùng kỳ (cùng kỳ bằng 0)"],
  ])("%o → %s", (result, text) => {
    expect(phraseChange(result)).toBe(text);
  });

  it("compares with another period when asked", () => {
    expect(phraseChange(changeVs(9, 8), "tháng trước")).toBe("tăng 12,5% so với tháng trước");
    expect(phraseChange(changeVs(9, undefined), "tháng trước")).toBe("chưa có số liệu tháng trước để so sánh");
  });
});

describe("difference and phraseDifference", () => {
  const cơSở = (amount: number) => `${amount} cơ sở`;

  it("is the exact difference of the stored decimals", () => {
    expect(difference(947, 607)).toEqual({ kind: "more", amount: 340 });
    expect(difference(12000.2, 15331.4)).toEqual({ kind: "less", amount: 3331.2 });
    expect(difference(0.3, 0.1)).toEqual({ kind: "more", amount: 0.2 });
  });

  it("says when both are equal or there is no base, and never gives a 0 amount", () => {
    expect(difference(5, 5)).toEqual({ kind: "same" });
    expect(difference(5, undefined)).toEqual({ kind: "no_base" });
    fc.assert(fc.property(finiteDouble, maybeDouble, (a, b) => {
      const result = difference(a, b);
      if ("amount" in result) expect(result.amount).toBeGreaterThan(0);
    }));
  });

  it.each([
    [947, 607, "tăng 340 cơ sở so với cùng kỳ"],
    [2, 5, "giảm 3 cơ sở so với cùng kỳ"],
    [5, 5, "bằng cùng kỳ"],
    [5, undefined, "chưa có số liệu cùng kỳ để so sánh"],
  ])("%s against %s → %s", (current, base, text) => {
    expect(phraseDifference(difference(current, base), cơSở)).toBe(text);
  });

  it("compares with another period when asked", () => {
    expect(phraseDifference(difference(3, 1), cơSở, "kỳ trước")).toBe("tăng 2 cơ sở so với kỳ trước");
  });
});

describe("PHRASES", () => {
  it("uses the {name} placeholders of the locale files", () => {
    for (const text of Object.values(PHRASES)) expect(text).toMatch(/\{(percent|plan|over|base)\}/);
  });
});

describe("checkConsistency", () => {
  const answers = new Map<string, AnswerValue>([
    ["ho_so_tiep_nhan", { kind: "count", value: 2699, unit: "hồ sơ" }],
    ["ho_so_truc_tuyen", { kind: "count", value: 2800, unit: "hồ sơ" }],
    ["ho_so_truc_tiep", { kind: "count", value: 1956, unit: "hồ sơ" }],
    ["thu_ngan_sach", { kind: "money", value: 5_670_000_000 }],
    ["thu_ngoai_quoc_doanh", { kind: "money", value: 6_000_000_000 }],
    ["ty_le_dung_han", { kind: "percent", value: 102 }],
    ["ty_le_bhyt", { kind: "percent", value: 100 }],
    ["giai_quyet", { kind: "ratio", achieved: 61, target: 70 }],
    ["giai_quyet_sai", { kind: "ratio", achieved: 348, target: 347 }],
    ["chi_tieu_rong", { kind: "ratio", achieved: 2, target: 0 }],
    ["ghi_chu", { kind: "text", value: "không" }],
  ]);

  it("finds a part larger than its total", () => {
    const rules: ConsistencyRule[] = [
      { kind: "part_of", part: "ho_so_truc_tuyen", whole: "ho_so_tiep_nhan" },
      { kind: "part_of", part: "ho_so_truc_tiep", whole: "ho_so_tiep_nhan" },
      { kind: "part_of", part: "thu_ngoai_quoc_doanh", whole: "thu_ngan_sach" },
    ];
    expect(checkConsistency(answers, rules)).toEqual([
      {
        rule: rules[0],
        keys: ["ho_so_truc_tuyen", "ho_so_tiep_nhan"],
        params: { part: "ho_so_truc_tuyen", whole: "ho_so_tiep_nhan", partValue: "2.800 hồ sơ", wholeValue: "2.699 hồ sơ" },
      },
      {
        rule: rules[2],
        keys: ["thu_ngoai_quoc_doanh", "thu_ngan_sach"],
        params: {
          part: "thu_ngoai_quoc_doanh",
          whole: "thu_ngan_sach",
          partValue: "6.000.000.000 đồng",
          wholeValue: "5.670.000.000 đồng",
        },
      },
    ]);
  });

  it("finds a rate above 100 % where impossible", () => {
    const rules: ConsistencyRule[] = [
      { kind: "rate_max_100", key: "ty_le_dung_han" },
      { kind: "rate_max_100", key: "ty_le_bhyt" },
      { kind: "rate_max_100", key: "giai_quyet" },
      { kind: "rate_max_100", key: "giai_quyet_sai" },
      { kind: "rate_max_100", key: "chi_tieu_rong" },
    ];
    expect(checkConsistency(answers, rules)).toEqual([
      { rule: rules[0], keys: ["ty_le_dung_han"], params: { key: "ty_le_dung_han", rate: "102%" } },
      { rule: rules[3], keys: ["giai_quyet_sai"], params: { key: "giai_quyet_sai", rate: "100,3%" } },
    ]);
  });

  it("compares a ratio exactly, even when its rate rounds to 100,0 %", () => {
    const close = new Map<string, AnswerValue>([["r", { kind: "ratio", achieved: 100_004, target: 100_000 }]]);
    expect(checkConsistency(close, [{ kind: "rate_max_100", key: "r" }])).toHaveLength(1);
  });

  it("finds a ratio whose achieved part exceeds its target", () => {
    const rules: ConsistencyRule[] = [
      { kind: "achieved_le_target", key: "giai_quyet" },
      { kind: "achieved_le_target", key: "giai_quyet_sai" },
      { kind: "achieved_le_target", key: "chi_tieu_rong" },
    ];
    expect(checkConsistency(answers, rules)).toEqual([
      { rule: rules[1], keys: ["giai_quyet_sai"], params: { key: "giai_quyet_sai", achieved: "348", target: "347" } },
      { rule: rules[2], keys: ["chi_tieu_rong"], params: { key: "chi_tieu_rong", achieved: "2", target: "0" } },
    ]);
  });

  it("says nothing when an answer is missing or not numeric", () => {
    const rules: ConsistencyRule[] = [
      { kind: "part_of", part: "chua_tra_loi", whole: "ho_so_tiep_nhan" },
      { kind: "part_of", part: "ho_so_tiep_nhan", whole: "chua_tra_loi" },
      { kind: "part_of", part: "ghi_chu", whole: "ho_so_tiep_nhan" },
      { kind: "rate_max_100", key: "chua_tra_loi" },
      { kind: "rate_max_100", key: "ghi_chu" },
      { kind: "achieved_le_target", key: "chua_tra_loi" },
      { kind: "achieved_le_target", key: "ty_le_dung_han" },
    ];
    expect(checkConsistency(answers, rules)).toEqual([]);
    expect(checkConsistency(new Map(), rules)).toEqual([]);
  });
});

describe("properties", () => {
  it("no result ever contains NaN or Infinity for finite inputs", () => {
    fc.assert(
      fc.property(finiteDouble, maybeDouble, finiteDouble, fc.array(maybeDouble, { maxLength: 12 }), (a, b, c, months) => {
        const results = [percentOfPlan(a, b), changeVs(a, b), ratioRate(a, c), runningTotal(months)];
        for (const n of results.flatMap(numbersIn)) expect(Number.isFinite(n)).toBe(true);
      }),
    );
  });

  it("phrases never contain NaN or Infinity, nor '0%' for missing data", () => {
    fc.assert(
      fc.property(finiteDouble, maybeDouble, (a, b) => {
        const plan = percentOfPlan(a, b);
        const change = changeVs(a, b);
        const texts = [phrasePlan(plan), phraseChange(change)];
        for (const text of texts) {
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
        }
        if (plan.kind !== "ok") expect(texts[0]).not.toContain("0%");
        if (change.kind === "no_base" || change.kind === "zero_base" || change.kind === "same") {
          expect(texts[1]).not.toContain("0%");
        }
      }),
    );
  });

  it("percentOfPlan(x, x) is exactly 100", () => {
    fc.assert(
      fc.property(finiteDouble.filter((x) => x !== 0), (x) => {
        expect(percentOfPlan(x, x)).toEqual({ kind: "ok", percent: 100 });
      }),
    );
  });

  it("changeVs(x, x) is 'same' and ratioRate(x, x) is 100", () => {
    fc.assert(
      fc.property(finiteDouble.filter((x) => x !== 0), (x) => {
        expect(changeVs(x, x)).toEqual({ kind: "same" });
        expect(ratioRate(x, x)).toEqual({ kind: "ok", percent: 100 });
      }),
    );
  });

  it("'over' is present exactly when the rounded percent is above 100, and equals percent − 100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), (a, b) => {
        const result = percentOfPlan(a, b);
        if (result.kind !== "ok") throw new Error("expected ok");
        if (result.percent > 100) expect(result.over).toBeCloseTo(result.percent - 100, 9);
        else expect(result.over).toBeUndefined();
      }),
    );
  });
});
