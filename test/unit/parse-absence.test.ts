import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAbsence } from "../../src/domain/parse-absence.js";

const TODAY = "2026-11-23";

describe("/vangmat dates", () => {
  it.each([
    ["23/11-25/11", { startsOn: "2026-11-23", endsOn: "2026-11-25" }],
    ["23/11 - 25/11/2026", { startsOn: "2026-11-23", endsOn: "2026-11-25" }],
    ["từ 24/11 đến 26/11", { startsOn: "2026-11-24", endsOn: "2026-11-26" }],
    ["tu 24/11 den het 26/11", { startsOn: "2026-11-24", endsOn: "2026-11-26" }],
    ["20/11-25/11", { startsOn: "2026-11-20", endsOn: "2026-11-25" }],
    ["30.11", { startsOn: "2026-11-30", endsOn: "2026-11-30" }],
    ["28/12-03/01", { startsOn: "2026-12-28", endsOn: "2027-01-03" }],
    ["05/01", { startsOn: "2027-01-05", endsOn: "2027-01-05" }],
    ["Từ 24/11 đến 26/11 cho Nguyễn Thị Lan", { startsOn: "2026-11-24", endsOn: "2026-11-26", delegate: "nguyen thi lan" }],
    ["24/11-26/11 ủy quyền cho Lan", { startsOn: "2026-11-24", endsOn: "2026-11-26", delegate: "lan" }],
    ["24/11-26/11 giao Bình", { startsOn: "2026-11-24", endsOn: "2026-11-26", delegate: "binh" }],
  ])("%s", (text, value) => {
    expect(parseAbsence(text, TODAY)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "format"],
    ["mai", "format"],
    ["32/11", "format"],
    ["29/02/2027", "format"],
    ["26/11-24/11", "order"],
    ["01/11-20/11", "past"],
    ["01/01/2025-02/01/2025", "past"],
    ["24/11/2026-28/02/2027", "too_long"],
  ])("refuses %s (%s)", (text, error) => {
    expect(parseAbsence(text, TODAY)).toEqual({ ok: false, error });
  });

  it("never throws, and any range it accepts is ordered, current and at most 92 days", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(tu )?\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?( ?- ?\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?)?( cho \w+)?$/)), (text) => {
        const r = parseAbsence(text, TODAY);
        if (r.ok) {
          expect(r.value.startsOn <= r.value.endsOn).toBe(true);
          expect(r.value.endsOn >= TODAY).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
