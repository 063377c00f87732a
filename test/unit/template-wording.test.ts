/**
 * What a template says about the report's wording is checked when it is loaded: sentence
 * patterns, narrative headings, group headings, the document's wording and its parts. Problems
 * name the file, line and path like every other template problem.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTemplate, TemplateError } from "../../src/domain/template.js";

/**
 * A template with a figures section (lines 6–14), a narrative section (lines 15–19) and a check;
 * `sentence` goes on the first question, `narrative` into the narrative question, `more` from
 * line 23 on.
 */
function template({ sentence, narrative = "", more = "" }: { sentence?: string; narrative?: string; more?: string }): string {
  return [
    "key: t",
    "version: 1",
    "name: Mẫu thử",
    "kinds: [6thang]",
    "sections:",
    "  - key: kinh-te",
    "    title: Kinh tế",
    "    group: Lĩnh vực kinh tế",
    "    questions:",
    `      - { key: thu, type: money, label: Thu, example: "5 tỷ", plan: { label: dự toán năm }${sentence === undefined ? "" : `, sentence: ${JSON.stringify(sentence)}`} }`,
    '      - { key: ho_so, type: count, unit: hồ sơ, label: Hồ sơ, example: "68" }',
    '      - { key: truc_tuyen, type: count, unit: hồ sơ, label: Trực tuyến, example: "38" }',
    '      - { key: dung_han, type: ratio, label: Đúng hạn, example: "9/10" }',
    '      - { key: ghi_chu, type: text, required: false, label: Ghi chú, example: "Ổn định." }',
    "  - key: danh-gia",
    "    title: Đánh giá",
    "    group: Đánh giá chung",
    "    questions:",
    `      - { key: ton_tai, type: text, label: Tồn tại, example: "Còn chậm."${narrative} }`,
    "checks:",
    "  - { kind: part_of, part: truc_tuyen, whole: ho_so }",
    more,
  ].join("\n");
}

function problems(yaml: string): string[] {
  try {
    parseTemplate(yaml, "t.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as TemplateError).message.split("\n").slice(1).map((l) => l.trim());
  }
  return [];
}

const AT_SENTENCE = "t.yaml:10: sections.kinh-te.questions.thu.sentence: ";

describe("sentence patterns", () => {
  it("accept answers, derived figures and the report's context, and keep the text as written", () => {
    const sentence = "Trong {period}, thu {thu}[/{thu.plan}][, {thu.percent_plan}]; {thu.vs_last_year}[, {thu.vs_previous}]; hồ sơ {ho_so} ({ho_so.diff_last_year}), trực tuyến {truc_tuyen.share}, đúng hạn {dung_han.achieved}/{dung_han.target} ({dung_han.rate}).";
    expect(problems(template({ sentence }))).toEqual([]);
    const t = parseTemplate(template({ sentence }), "t.yaml");
    expect(t.sections[0]!.questions[0]!.sentence).toBe(sentence);
  });

  it.each([
    ["Thu {thu", '"{" is never closed; write {{ for a literal brace (at character 5)'],
    ["Thu {thu} và {chi}", 'there is no question "chi" in this template, and {chi} is none of {period}, {next_period}, {year}, {next_year}, {unit}'],
    ["Thu {thu}: {ghi_chu}", '"ghi_chu" is a text question: narrative answers are printed as paragraphs of their own, not inside a sentence'],
    ["Thu {thu.ty_le}", '{thu.ty_le}: unknown figure "ty_le"; the figures are label, plan, percent_plan,'],
    ["Thu {thu} {ho_so.percent_plan}", "{ho_so.percent_plan}: percent_plan needs a yearly plan target: add plan: { label: … } to the question"],
    ["Thu {thu.rate}", "{thu.rate}: rate is only for ratio questions, not money"],
    ["Thu {thu} {ho_so.share}", "{ho_so.share}: share is the part's share of its whole: the question must be the part of a part_of check"],
    ["Thu {thu} {dung_han.diff_last_year}", "{dung_han.diff_last_year}: diff_last_year is only for count/decimal/money questions, not ratio"],
    ["Thu {thu} {period.label}", "{period.label}: {period} has no figures"],
    ["Hồ sơ {ho_so}.", "the sentence never mentions {thu}, the question it belongs to"],
  ])("reject %j with the line and path of the sentence", (sentence, message) => {
    const lines = problems(template({ sentence }));
    expect(lines.some((l) => l.startsWith(AT_SENTENCE) && l.includes(message)), lines.join("\n")).toBe(true);
  });

  it("are not for narrative answers", () => {
    expect(problems(template({ narrative: ", sentence: \"{ton_tai}\"" }))).toContainEqual(
      expect.stringContaining("t.yaml:19: sections.danh-gia.questions.ton_tai.sentence: a text answer is printed as paragraphs of its own"),
    );
  });

  it("never make the loader throw anything but a TemplateError, whatever the text", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."{}[]._thuplanrte \\\"".split("")) }));
    fc.assert(
      fc.property(text, (sentence) => {
        try {
          parseTemplate(template({ sentence }), "t.yaml");
        } catch (e) {
          expect(e).toBeInstanceOf(TemplateError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("narrative headings", () => {
  it("number text and list answers in a group without figures", () => {
    const t = parseTemplate(template({ narrative: ', heading: "Tồn tại, hạn chế"' }), "t.yaml");
    expect(t.sections[1]!.questions[0]!.heading).toBe("Tồn tại, hạn chế");
  });

  it("are refused on figures and in groups with figures", () => {
    const yaml = template({}).replace('label: Ghi chú, example: "Ổn định."', 'label: Ghi chú, example: "Ổn định.", heading: Ghi chú').replace('label: Hồ sơ, example: "68"', 'label: Hồ sơ, example: "68", heading: Hồ sơ');
    expect(problems(yaml)).toEqual(
      expect.arrayContaining([
        "t.yaml:11: sections.kinh-te.questions.ho_so.heading: heading is only allowed on text/list questions, not on count",
        't.yaml:14: sections.kinh-te.questions.ghi_chu.heading: a heading numbers a narrative answer under a group without figures (such as "Đánh giá chung"); group "Lĩnh vực kinh tế" has figures',
      ]),
    );
  });
});

describe("group headings and the document's wording", () => {
  it("may use the report's context, not answers", () => {
    expect(problems(template({}).replace("group: Đánh giá chung", "group: Nhiệm vụ {next_period}"))).toEqual([]);
    expect(problems(template({}).replace("group: Đánh giá chung", "group: Nhiệm vụ {thu}"))).toEqual([
      "t.yaml:17: sections.danh-gia.group: {thu} cannot be used here: the report's own wording can only use {period}, {next_period}, {year}, {next_year}, {unit}",
    ]);
  });

  it("accepts summary, opening, closing, results and parts", () => {
    const doc = [
      "document:",
      '  summary: "Kết quả từ đầu nhiệm kỳ đến năm {year}"',
      '  opening: "{unit} báo cáo như sau:"',
      '  closing: "Trên đây là báo cáo của {unit}"',
      '  results: "Kết quả trên các lĩnh vực"',
      "  parts:",
      '    - { from: kinh-te, heading: "Phần thứ nhất", title: "Kết quả năm {year}" }',
      '    - { from: danh-gia, heading: "Phần thứ hai", title: "Phương hướng năm {next_year}" }',
    ].join("\n");
    expect(problems(template({ more: doc }))).toEqual([]);
    expect(parseTemplate(template({ more: doc }), "t.yaml").document?.parts?.map((p) => p.from)).toEqual(["kinh-te", "danh-gia"]);
  });

  it.each([
    ["  summary: \"Thu {thu}\"", "t.yaml:23: document.summary: {thu} cannot be used here"],
    ["  closing: \"Trên đây [là]\"", "t.yaml:23: document.closing: an optional part [...] needs a placeholder"],
    ["  parts:\n    - { from: danh-gia, heading: P1, title: T1 }", 't.yaml:24: document.parts[0].from: the first part must start at the first section ("kinh-te")'],
    ["  parts:\n    - { from: kinh-te, heading: P1, title: T1 }\n    - { from: nhiem-vu, heading: P2, title: T2 }", 't.yaml:25: document.parts[1].from: there is no section "nhiem-vu" in this template'],
    ["  parts:\n    - { from: kinh-te, heading: P1, title: T1 }\n    - { from: kinh-te, heading: P2, title: T2 }", 't.yaml:25: document.parts[1].from: parts must follow the order of the sections: "kinh-te" does not come after "kinh-te"'],
    ["  parts: []", "t.yaml:23: document.parts: list at least one part, or leave parts out"],
    ["  title: x", 't.yaml:23: document.title: unknown field "title"'],
  ])("rejects %j", (lines, message) => {
    const found = problems(template({ more: `document:\n${lines}` }));
    expect(found.some((l) => l.startsWith(message)), found.join("\n")).toBe(true);
  });
});

it("reserves the context names as question keys", () => {
  expect(problems(template({}).replace("key: ho_so,", "key: year,").replace("part: truc_tuyen, whole: ho_so", "part: truc_tuyen, whole: year"))).toContainEqual(
    't.yaml:11: sections.kinh-te.questions.year.key: "year" is reserved: {year} stands for the report\'s year in sentence patterns',
  );
});
