/**
 * The templates shipped in templates/: each loads, each period kind has a default that accepts
 * it, and a question key means the same thing in every template, since comparisons with other
 * periods and plan targets match answers by key.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_KEY, defaultTemplateKeyFor } from "../../src/admin/lookup.js";
import { loadTemplatesDir, PERIOD_KINDS, type Question } from "../../src/domain/template.js";

const templates = await loadTemplatesDir(fileURLToPath(new URL("../../templates", import.meta.url)));
const byKey = new Map(templates.map((t) => [t.key, t]));

describe("shipped templates", () => {
  it("are the monthly, 6/9-month, annual and term templates", () => {
    expect(templates.map((t) => [t.key, t.kinds])).toEqual([
      ["ward-6-9-month", ["6thang", "9thang"]],
      ["ward-annual", ["nam"]],
      ["ward-monthly", ["thang", "quy"]],
      ["ward-term", ["nam"]],
    ]);
  });

  it("give every period kind a default template that accepts it; the term report is never a default", () => {
    for (const kind of PERIOD_KINDS) expect(byKey.get(defaultTemplateKeyFor(kind))?.kinds, kind).toContain(kind);
    expect(PERIOD_KINDS.map(defaultTemplateKeyFor)).not.toContain("ward-term");
  });

  it("ask a question key the same way everywhere: type, unit, options and plan", () => {
    const shape = (q: Question) => JSON.stringify({ type: q.type, unit: q.unit, options: q.options?.map((o) => o.key), plan: q.plan });
    const seen = new Map<string, { template: string; shape: string }>();
    for (const t of templates) {
      for (const q of t.sections.flatMap((s) => s.questions)) {
        const first = seen.get(q.key);
        if (first) expect(shape(q), `${q.key} in ${t.key} and ${first.template}`).toBe(first.shape);
        else seen.set(q.key, { template: t.key, shape: shape(q) });
      }
    }
  });

  it("plan only the monthly template's planned indicators, which `plan set` checks against", () => {
    const planned = (key: string) => byKey.get(key)!.sections.flatMap((s) => s.questions.filter((q) => q.plan).map((q) => q.key));
    const monthly = planned(DEFAULT_TEMPLATE_KEY);
    for (const t of templates) expect(monthly, t.key).toEqual(expect.arrayContaining(planned(t.key)));
  });

  it("give the 6/9-month and annual reports their next period's tasks, the annual and term reports two parts", () => {
    const groups = (key: string) => byKey.get(key)!.sections.map((s) => s.group);
    expect(groups("ward-monthly")).toContain("Nhiệm vụ trọng tâm {next_period}");
    expect(groups("ward-6-9-month")).toContain("Nhiệm vụ, giải pháp chủ yếu {next_period}");
    expect(byKey.get("ward-annual")!.document?.parts?.map((p) => [p.heading, p.title])).toEqual([
      ["Phần thứ nhất", "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {year}"],
      ["Phần thứ hai", "Phương hướng, nhiệm vụ năm {next_year}"],
    ]);
    expect(byKey.get("ward-term")!.document?.parts?.map((p) => p.heading)).toEqual(["Phần thứ nhất", "Phần thứ hai"]);
  });
});
