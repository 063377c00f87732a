import { describe, expect, it } from "vitest";
import { documentPeriodLabel, nextPeriodLabel } from "../../src/domain/period-label.js";
import { parseTemplate, type Template } from "../../src/domain/template.js";
import { createTranslator } from "../../src/i18n.js";
import { documentWording, wordingContext } from "../../src/reports/report-wording.js";

const t = createTranslator("vi");

describe("the period as the report writes it, and the next one", () => {
  it.each([
    ["thang", 11, 2026, "tháng 11 năm 2026", "tháng 12 năm 2026"],
    ["thang", 12, 2026, "tháng 12 năm 2026", "tháng 1 năm 2027"],
    ["quy", 1, 2026, "quý I năm 2026", "quý II năm 2026"],
    ["quy", 4, 2026, "quý IV năm 2026", "quý I năm 2027"],
    ["6thang", 1, 2023, "6 tháng đầu năm 2023", "6 tháng cuối năm 2023"],
    ["6thang", 2, 2023, "6 tháng cuối năm 2023", "6 tháng đầu năm 2024"],
    ["9thang", 1, 2020, "9 tháng đầu năm 2020", "3 tháng cuối năm 2020"],
    ["nam", 1, 2026, "năm 2026", "năm 2027"],
  ])("%s %s/%s: %s, then %s", (kind, number, year, label, next) => {
    expect(documentPeriodLabel({ kind, number, year }, t)).toBe(label);
    expect(nextPeriodLabel({ kind, number, year }, t)).toBe(next);
  });
});

const BASE = ["key: t", "version: 1", "name: T", "kinds: [thang, 6thang, nam]", "sections:", "  - { key: s, title: S, group: G, questions: [{ key: n, type: count, unit: hồ sơ, label: N, example: '1' }] }"];
const plain = parseTemplate(BASE.join("\n"), "t.yaml");
const unit = "Ủy ban nhân dân Phường 1";

describe("documentWording", () => {
  it("writes a monthly or quarterly report as the situation and next month's priorities", () => {
    const w = documentWording(plain, "thang", t, wordingContext({ kind: "thang", year: 2026, number: 11 }, t, unit));
    expect(w.summary).toBe("Tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11 năm 2026; nhiệm vụ trọng tâm tháng 12 năm 2026");
    expect(w.opening).toBe("Ủy ban nhân dân Phường 1 báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11 năm 2026 và nhiệm vụ trọng tâm tháng 12 năm 2026 như sau:");
    expect(w.closing).toBe("Trên đây là báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 11 năm 2026 và nhiệm vụ trọng tâm tháng 12 năm 2026 của Ủy ban nhân dân Phường 1");
    expect(w.results).toBe("Kết quả thực hiện nhiệm vụ tháng 11 năm 2026");
    expect(w.parts).toBeUndefined();
  });

  it.each([
    ["6thang", 1, "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2026, phương hướng, nhiệm vụ 6 tháng cuối năm 2026"],
    ["9thang", 1, "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 9 tháng đầu năm 2026, phương hướng, nhiệm vụ 3 tháng cuối năm 2026"],
    ["nam", 1, "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026, phương hướng, nhiệm vụ năm 2027"],
  ] as const)("writes a %s report as results and the tasks of what follows", (kind, number, summary) => {
    const w = documentWording(plain, kind, t, wordingContext({ kind, year: 2026, number }, t, unit));
    expect(w.summary).toBe(summary);
    expect(w.closing).toBe(`Trên đây là báo cáo ${summary.charAt(0).toLowerCase()}${summary.slice(1)} của Ủy ban nhân dân Phường 1`);
  });

  it("takes the template's own wording, parts and group headings, with the context filled in", () => {
    const term: Template = parseTemplate(
      [
        ...BASE,
        "document:",
        '  summary: "Kết quả từ đầu nhiệm kỳ 2021 - 2026 đến năm {year}"',
        '  opening: "{unit} báo cáo như sau:"',
        '  closing: "Trên đây là báo cáo của {unit} [[dự thảo]]"',
        '  results: "Kết quả trên các lĩnh vực"',
        "  parts: [{ from: s, heading: Phần thứ nhất, title: 'Kết quả đến năm {year}, nhiệm vụ năm {next_year}' }]",
      ].join("\n"),
      "t.yaml",
    );
    const w = documentWording(term, "nam", t, wordingContext({ kind: "nam", year: 2023, number: 1 }, t, unit));
    expect(w).toMatchObject({
      summary: "Kết quả từ đầu nhiệm kỳ 2021 - 2026 đến năm 2023",
      opening: "Ủy ban nhân dân Phường 1 báo cáo như sau:",
      closing: "Trên đây là báo cáo của Ủy ban nhân dân Phường 1 [dự thảo]",
      results: "Kết quả trên các lĩnh vực",
      parts: [{ from: "s", heading: "Phần thứ nhất", title: "Kết quả đến năm 2023, nhiệm vụ năm 2024" }],
    });
    expect(w.group("Nhiệm vụ {next_period}")).toBe("Nhiệm vụ năm 2024");
  });
});
