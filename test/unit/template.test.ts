import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QUESTION_TYPES } from "../../src/domain/answer-value.js";
import { loadTemplateFile, loadTemplatesDir, parseTemplate, TemplateError } from "../../src/domain/template.js";

const SHIPPED = fileURLToPath(new URL("../../templates/ward-monthly.yaml", import.meta.url));

/** A one-section template; each question is one flow-mapping line, so question i sits on line 10 + i. */
function oneSection(...questions: string[]): string {
  return [
    "key: t",
    "version: 1",
    "name: Mẫu thử",
    "kinds: [thang]",
    "sections:",
    "  - key: s",
    "    title: Phần thử",
    "    group: Lĩnh vực kinh tế",
    "    questions:",
    ...questions.map((q) => `      - ${q}`),
  ].join("\n");
}

const COUNT = '{ key: n, type: count, unit: hồ sơ, label: Số hồ sơ, example: "28" }';

function errorOf(run: () => unknown): TemplateError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error("expected a TemplateError");
}

/** Message lines after the header, e.g. `test.yaml:10: sections.s.questions.n.unit: unit is required…`. */
function problemLines(yaml: string, file = "test.yaml"): string[] {
  return errorOf(() => parseTemplate(yaml, file)).message.split("\n").slice(1).map((l) => l.trim());
}

/** Asserts one reported problem is at `where` (file:line: path) and says `text`. */
function expectProblem(yaml: string, where: string, text: string): void {
  const lines = problemLines(yaml);
  expect(lines.some((l) => l.startsWith(`${where}: `) && l.includes(text)), lines.join("\n")).toBe(true);
}

describe("shipped ward-monthly template", () => {
  it("loads, with at least 12 sections of 3–10 questions and every question type", async () => {
    const t = await loadTemplateFile(SHIPPED);
    expect(t.key).toBe("ward-monthly");
    expect(t.version).toBe(2);
    expect(t.kinds).toEqual(["thang", "quy"]);
    expect(t.sections.length).toBeGreaterThanOrEqual(12);
    for (const s of t.sections) expect(s.questions.length, s.key).toBeGreaterThanOrEqual(3);
    for (const s of t.sections) expect(s.questions.length, s.key).toBeLessThanOrEqual(10);
    const types = new Set(t.sections.flatMap((s) => s.questions.map((q) => q.type)));
    expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
  });

  it("has the sections the seed reports share, and budget figures with a yearly plan", async () => {
    const t = await loadTemplateFile(SHIPPED);
    expect(t.sections.map((s) => s.key)).toEqual([
      "kinh-te-ngan-sach",
      "dat-dai-xay-dung-moi-truong",
      "giao-duc",
      "y-te",
      "van-hoa-the-thao",
      "lao-dong-xa-hoi",
      "cai-cach-hanh-chinh",
      "tu-phap-ho-tich",
      "tiep-cong-dan",
      "quoc-phong",
      "an-ninh-trat-tu",
      "danh-gia-chung",
      "nhiem-vu-ky-toi",
    ]);
    const thu = t.sections[0]?.questions.find((q) => q.key === "thu_ngan_sach");
    expect(thu).toMatchObject({ type: "money", plan: { label: "dự toán năm" }, required: true, showPrevious: true });
  });
});

describe("parseTemplate defaults", () => {
  it("makes questions required, and shows last period's value for numbers but not for text", () => {
    const t = parseTemplate(
      oneSection(COUNT, '{ key: ghi_chu, type: text, label: Ghi chú, example: "Ổn định" }', '{ key: l, type: list, label: Việc, example: "a", showPrevious: true, required: false }'),
      "test.yaml",
    );
    const [n, text, list] = t.sections[0]!.questions;
    expect(n).toMatchObject({ required: true, showPrevious: true, unit: "hồ sơ" });
    expect(text).toMatchObject({ required: true, showPrevious: false });
    expect(list).toMatchObject({ required: false, showPrevious: true });
  });
});

describe("parseTemplate errors name the file, the line, the path and the problem", () => {
  it("reports YAML syntax errors with their line", () => {
    const lines = problemLines("key: t\nversion: 1\nname: [unclosed\nkinds: [thang]\n", "broken.yaml");
    expect(lines[0]).toMatch(/^broken\.yaml:4: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a \]$/);
  });

  it("reports a key repeated in one YAML mapping", () => {
    const lines = problemLines(oneSection('{ key: n, key: m, type: count, unit: vụ, label: L, example: "1" }'));
    expect(lines[0]).toBe("test.yaml:10: YAML syntax error: Map keys must be unique");
  });

  it("rejects unknown fields such as a misspelt `required`", () => {
    expectProblem(oneSection('{ key: n, type: count, unit: hồ sơ, label: L, example: "28", requried: false }'), "test.yaml:10: sections.s.questions.n.requried", 'unknown field "requried"');
  });

  it("rejects unknown fields at the top level and in sections", () => {
    expectProblem(`${oneSection(COUNT)}\nauthor: x`, "test.yaml:11: author", 'unknown field "author"');
    expectProblem(oneSection(COUNT).replace("    group:", "    gruop: x\n    group:"), "test.yaml:8: sections.s.gruop", 'unknown field "gruop"');
  });

  it("reports a missing required field at its parent's line", () => {
    expectProblem(oneSection('{ key: n, type: count, unit: hồ sơ, example: "28" }'), "test.yaml:10: sections.s.questions.n.label", "missing required field");
  });

  it("rejects an unknown question type", () => {
    expectProblem(oneSection('{ key: n, type: number, label: L, example: "1" }'), "test.yaml:10: sections.s.questions.n.type", "Invalid option");
  });

  it("asks to quote an example YAML would read as a number", () => {
    expectProblem(oneSection("{ key: n, type: count, unit: hồ sơ, label: L, example: 1.230 }"), "test.yaml:10: sections.s.questions.n.example", "put the value in quotes");
  });

  it("checks key formats: snake_case questions, kebab-case sections", () => {
    expectProblem(oneSection('{ key: Thu-Ngan-Sach, type: money, label: L, example: "5 tỷ" }'), "test.yaml:10: sections.s.questions.Thu-Ngan-Sach.key", "must be snake_case");
    // A key that cannot serve in a path is replaced by the index.
    expectProblem(oneSection('{ key: thu ngân sách, type: money, label: L, example: "5 tỷ" }'), "test.yaml:10: sections.s.questions[0].key", "must be snake_case");
    expectProblem(oneSection(COUNT).replace("key: s", "key: kinh_te"), "test.yaml:6: sections.kinh_te.key", "must be kebab-case");
  });

  it("checks the template header: version, period kinds", () => {
    const yaml = oneSection(COUNT).replace("version: 1", "version: 0").replace("kinds: [thang]", "kinds: [thang, tuan, thang]");
    expectProblem(yaml, "test.yaml:2: version", "Too small");
    expectProblem(yaml, "test.yaml:4: kinds[1]", "Invalid option");
  });

  it("rejects a period kind listed twice", () => {
    expectProblem(oneSection(COUNT).replace("kinds: [thang]", "kinds: [thang, thang]"), "test.yaml:4: kinds", "only once");
  });

  it("rejects an empty document", () => {
    expectProblem("", "test.yaml", "(top level): has no value");
  });

  describe("units", () => {
    it("requires a unit on count and decimal questions", () => {
      expectProblem(oneSection('{ key: n, type: count, label: L, example: "28" }'), "test.yaml:10: sections.s.questions.n.unit", "unit is required for count questions");
      expectProblem(oneSection('{ key: d, type: decimal, label: L, example: "15.331,4 m²" }'), "test.yaml:10: sections.s.questions.d.unit", "unit is required for decimal questions");
    });

    it("forbids a unit elsewhere", () => {
      expectProblem(oneSection('{ key: m, type: money, unit: đồng, label: L, example: "5 tỷ" }'), "test.yaml:10: sections.s.questions.m.unit", "unit is only allowed on count/decimal questions, not on money");
    });
  });

  describe("options", () => {
    it("requires options on a choice question", () => {
      expectProblem(oneSection('{ key: c, type: choice, label: L, example: "Đạt" }'), "test.yaml:10: sections.s.questions.c.options", "options are required for choice questions");
    });

    it("requires at least two options with unique keys", () => {
      expectProblem(oneSection('{ key: c, type: choice, label: L, example: "Đạt", options: [{ key: dat, label: Đạt }] }'), "test.yaml:10: sections.s.questions.c.options", "at least 2 options");
      expectProblem(
        oneSection('{ key: c, type: choice, label: L, example: "Đạt", options: [{ key: dat, label: Đạt }, { key: dat, label: Chưa đạt }] }'),
        "test.yaml:10: sections.s.questions.c.options.dat.key",
        'duplicate option key "dat"',
      );
    });

    it("forbids options on other types", () => {
      expectProblem(oneSection('{ key: t, type: text, label: L, example: "x", options: [{ key: a, label: A }, { key: b, label: B }] }'), "test.yaml:10: sections.s.questions.t.options", "only allowed on choice questions");
    });
  });

  describe("bounds, length and plan", () => {
    it("requires min ≤ max", () => {
      expectProblem(oneSection('{ key: p, type: percent, min: 100, max: 0, label: L, example: "68%" }'), "test.yaml:10: sections.s.questions.p.max", "min (100) is greater than max (0)");
    });

    it("allows min and max only on numbers", () => {
      expectProblem(oneSection('{ key: t, type: text, min: 1, label: L, example: "x" }'), "test.yaml:10: sections.s.questions.t.min", "min is only allowed on count/decimal/money/percent questions");
    });

    it("allows maxLength only on text", () => {
      expectProblem(oneSection('{ key: n, type: count, unit: vụ, maxLength: 10, label: L, example: "1" }'), "test.yaml:10: sections.s.questions.n.maxLength", "maxLength is only allowed on text questions");
    });

    it("allows a plan target only on a numeric indicator", () => {
      expectProblem(oneSection('{ key: t, type: text, plan: { label: kế hoạch }, label: L, example: "x" }'), "test.yaml:10: sections.s.questions.t.plan", "plan is only allowed on count/decimal/money/percent questions");
    });
  });

  describe("unique keys", () => {
    const twoSections = (secondSectionKey: string, secondQuestionKey: string) =>
      [
        oneSection(COUNT),
        `  - key: ${secondSectionKey}`,
        "    title: Phần hai",
        "    group: Lĩnh vực nội chính",
        "    questions:",
        `      - { key: ${secondQuestionKey}, type: count, unit: vụ, label: L, example: "1" }`,
      ].join("\n");

    it("rejects two sections with the same key", () => {
      expectProblem(twoSections("s", "m"), "test.yaml:11: sections.s.key", 'duplicate section key "s"');
    });

    it("rejects a question key reused in another section", () => {
      expectProblem(twoSections("hai", "n"), "test.yaml:15: sections.hai.questions.n.key", 'duplicate question key "n"');
    });
  });

  describe("relevant conditions", () => {
    const YESNO = '{ key: co, type: yesno, label: Có dịch?, example: "có" }';
    const CHOICE = '{ key: tinh_hinh, type: choice, label: L, example: "Ổn định", options: [{ key: on_dinh, label: Ổn định }, { key: phuc_tap, label: Phức tạp }] }';
    const TEXT = '{ key: ghi_chu, type: text, label: L, example: "x" }';
    const dependent = (condition: string) => `{ key: mo_ta, type: text, label: L, example: "x", relevant: ${condition} }`;

    it("accepts conditions that fit the earlier answer's type", () => {
      const t = parseTemplate(
        oneSection(
          COUNT,
          YESNO,
          CHOICE,
          '{ key: r, type: ratio, label: L, example: "343/347" }',
          dependent("{ question: n, gt: 0 }"),
          '{ key: b, type: text, label: L, example: "x", relevant: { question: co, equals: true } }',
          '{ key: c, type: text, label: L, example: "x", relevant: { question: tinh_hinh, notEquals: on_dinh } }',
          '{ key: d, type: text, label: L, example: "x", relevant: { question: r, gte: 1, lt: 100 } }',
        ),
        "test.yaml",
      );
      expect(t.sections[0]!.questions[4]!.relevant).toEqual({ question: "n", gt: 0 });
    });

    it("must refer to an existing question", () => {
      expectProblem(oneSection(COUNT, dependent("{ question: khong_co, gt: 0 }")), "test.yaml:11: sections.s.questions.mo_ta.relevant.question", 'there is no question "khong_co"');
    });

    it("must refer to an earlier question", () => {
      expectProblem(oneSection(dependent("{ question: n, gt: 0 }"), COUNT), "test.yaml:10: sections.s.questions.mo_ta.relevant.question", 'question "n" comes later in the template');
    });

    it("cannot refer to the question itself", () => {
      expectProblem(oneSection(dependent("{ question: mo_ta, equals: x }")), "test.yaml:10: sections.s.questions.mo_ta.relevant.question", "cannot depend on its own answer");
    });

    it("needs a comparison", () => {
      expectProblem(oneSection(COUNT, dependent("{ question: n }")), "test.yaml:11: sections.s.questions.mo_ta.relevant", "needs at least one of equals");
    });

    it("compares a choice with one of its option keys, never with gt/lt", () => {
      expectProblem(oneSection(CHOICE, dependent("{ question: tinh_hinh, equals: Phức tạp }")), "test.yaml:11: sections.s.questions.mo_ta.relevant.equals", '"Phức tạp" is not an option of "tinh_hinh" (options: on_dinh, phuc_tap)');
      expectProblem(oneSection(CHOICE, dependent("{ question: tinh_hinh, gt: 1 }")), "test.yaml:11: sections.s.questions.mo_ta.relevant.gt", 'gt compares numbers, but "tinh_hinh" is a choice question');
    });

    it("compares a yes/no answer with true or false", () => {
      expectProblem(oneSection(YESNO, dependent("{ question: co, equals: có }")), "test.yaml:11: sections.s.questions.mo_ta.relevant.equals", "must be true or false");
      expectProblem(oneSection(YESNO, dependent("{ question: co, lte: 0 }")), "test.yaml:11: sections.s.questions.mo_ta.relevant.lte", "is a yes/no question");
    });

    it("compares a numeric answer with a number", () => {
      expectProblem(oneSection(COUNT, dependent('{ question: n, notEquals: "0" }')), "test.yaml:11: sections.s.questions.mo_ta.relevant.notEquals", 'so notEquals must be a number, not "0"');
    });

    it("cannot look at text, list or date answers", () => {
      expectProblem(oneSection(TEXT, dependent("{ question: ghi_chu, equals: x }")), "test.yaml:11: sections.s.questions.mo_ta.relevant.question", '"ghi_chu" is a text question, which cannot be used in a condition');
    });

    it("rejects a number where a condition needs one and gets text", () => {
      expectProblem(oneSection(COUNT, dependent("{ question: n, gt: nhiều }")), "test.yaml:11: sections.s.questions.mo_ta.relevant.gt", "expected number");
    });
  });

  it("reports every problem, not just the first", () => {
    const err = errorOf(() =>
      parseTemplate(
        oneSection(
          '{ key: n, type: count, label: L, example: "1" }',
          '{ key: m, type: money, unit: đồng, label: L, example: "1 tỷ" }',
          '{ key: t, type: text, label: L, example: "x", requried: true }',
          '{ key: n, type: text, label: L, example: "x", relevant: { question: zz, equals: x } }',
        ),
        "many.yaml",
      ),
    );
    expect(err.problems.map((p) => `${p.line} ${p.path}`)).toEqual([
      "10 sections.s.questions.n.unit",
      "11 sections.s.questions.m.unit",
      "12 sections.s.questions.t.requried",
      "13 sections.s.questions.n.key",
      "13 sections.s.questions.n.relevant.question",
    ]);
    expect(err.message).toMatch(/^Invalid report template \(many\.yaml\), 5 problems:\n/);
    expect(err.name).toBe("TemplateError");
  });
});

describe("loading from disk", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "templates-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("loads every .yaml and .yml in name order and ignores other files", async () => {
    await writeFile(join(dir, "b.yml"), oneSection(COUNT).replace("key: t", "key: thu-hai"));
    await writeFile(join(dir, "a.yaml"), oneSection(COUNT));
    await writeFile(join(dir, "notes.txt"), "not a template");
    const templates = await loadTemplatesDir(dir);
    expect(templates.map((t) => t.key)).toEqual(["t", "thu-hai"]);
  });

  it("rejects the same key and version in two files, naming both", async () => {
    await writeFile(join(dir, "a.yaml"), oneSection(COUNT));
    await writeFile(join(dir, "b.yaml"), oneSection(COUNT));
    await writeFile(join(dir, "c.yaml"), oneSection(COUNT).replace("version: 1", "version: 2"));
    const err = await loadTemplatesDir(dir).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as Error).message).toContain(`${join(dir, "b.yaml")}: key: template "t" version 1 is already defined in ${join(dir, "a.yaml")}`);
  });

  it("reports the problems of every broken file together", async () => {
    await writeFile(join(dir, "a.yaml"), oneSection('{ key: n, type: count, label: L, example: "1" }'));
    await writeFile(join(dir, "b.yaml"), "key: [");
    const err = await loadTemplatesDir(dir).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).problems.map((p) => p.file)).toEqual([join(dir, "a.yaml"), join(dir, "b.yaml")]);
  });

  it("turns a missing file or directory into a TemplateError", async () => {
    await expect(loadTemplateFile(join(dir, "nope.yaml"))).rejects.toThrow(/nope\.yaml: cannot read file/);
    await expect(loadTemplatesDir(join(dir, "nope"))).rejects.toThrow(TemplateError);
  });
});
