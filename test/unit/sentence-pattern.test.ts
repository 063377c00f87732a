import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePattern, readPattern, renderPattern, slotsOf, type SentencePattern, type Slot } from "../../src/domain/sentence-pattern.js";
import { TemplateError } from "../../src/domain/template-error.js";

const WHERE = { file: "t.yaml", path: "sections.s.questions.q.sentence", line: 7 };

function parsed(source: string): SentencePattern {
  return parsePattern(source, WHERE);
}

function problem(source: string): string {
  const reading = readPattern(source);
  if (reading.ok) throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
  return reading.message;
}

/** Renders with the values given; a name missing from `values` has no value. */
function render(source: string, values: Record<string, string>) {
  return renderPattern(parsed(source), (slot) => values[slot.figure === undefined ? slot.name : `${slot.name}.${slot.figure}`]);
}

describe("readPattern", () => {
  it("splits text, placeholders with and without a figure, and optional parts", () => {
    expect(parsed("Thu {thu_ngan_sach}[, {thu_ngan_sach.percent_plan}].").parts).toEqual([
      { text: "Thu " },
      { slot: { name: "thu_ngan_sach" } },
      { optional: [{ text: ", " }, { slot: { name: "thu_ngan_sach", figure: "percent_plan" } }] },
      { text: "." },
    ]);
  });

  it("reads doubled braces and brackets as the characters themselves", () => {
    expect(parsed("{{a}} [[b]] {x}").parts).toEqual([{ text: "{a} [b] " }, { slot: { name: "x" } }]);
    expect(render("[[{x}]]", { x: "1" })?.text).toBe("[1]");
  });

  it("lists every placeholder, optional ones included, in order", () => {
    expect(slotsOf(parsed("{a}[ {b.vs_last_year}] {period}"))).toEqual<Slot[]>([{ name: "a" }, { name: "b", figure: "vs_last_year" }, { name: "period" }]);
  });

  it.each([
    ["Thu {thu", '"{" is never closed; write {{ for a literal brace (at character 5)'],
    ["Thu } chi", '"}" closes nothing; write }} for a literal brace (at character 5)'],
    ["{}", "empty placeholder {} (at character 1)"],
    ["{Thu Ngan}", "{Thu Ngan} is not a placeholder: write {question_key} or {question_key.figure}, lowercase ascii without spaces (at character 1)"],
    ["{a.b.c}", "{a.b.c} is not a placeholder"],
    ["{a.}", "{a.} is not a placeholder"],
    ["{ a }", "{ a } is not a placeholder"],
    ["[a [{b}]]", "optional parts [...] cannot be nested (at character 4)"],
    ["a] {b}", '"]" closes nothing; write ]] for a literal bracket (at character 2)'],
    ["x [, {b}", '"[" is never closed; write [[ for a literal bracket (at character 3)'],
    ["x [, không có]", "an optional part [...] needs a placeholder: it is left out when one of its values is missing (at character 3)"],
  ])("rejects %j", (source, message) => {
    expect(problem(source)).toContain(message);
  });

  it("raises a TemplateError naming the file, line and path from parsePattern", () => {
    try {
      parsePattern("{thu", WHERE);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as TemplateError).problems).toEqual([{ ...WHERE, message: '"{" is never closed; write {{ for a literal brace (at character 1)' }]);
      expect((e as Error).message).toContain("t.yaml:7: sections.s.questions.q.sentence: ");
    }
  });
});

describe("renderPattern", () => {
  const SOURCE = "Thu {thu}[/{thu.plan}][, {thu.percent_plan}]; {thu.vs_last_year}.";

  it("fills every placeholder", () => {
    expect(render(SOURCE, { thu: "5 tỷ đồng", "thu.plan": "8 tỷ đồng", "thu.percent_plan": "đạt 62,5% dự toán năm", "thu.vs_last_year": "tăng 1,0% so với cùng kỳ" })).toEqual({
      text: "Thu 5 tỷ đồng/8 tỷ đồng, đạt 62,5% dự toán năm; tăng 1,0% so với cùng kỳ.",
      mentioned: ["thu", "thu", "thu", "thu"],
    });
  });

  it("leaves out an optional part whose value is missing or empty, and only that part", () => {
    expect(render(SOURCE, { thu: "5 tỷ đồng", "thu.plan": "", "thu.vs_last_year": "chưa có số liệu cùng kỳ để so sánh" })?.text).toBe("Thu 5 tỷ đồng; chưa có số liệu cùng kỳ để so sánh.");
  });

  it("leaves the whole sentence out when a value outside an optional part is missing", () => {
    expect(render(SOURCE, { "thu.plan": "8 tỷ đồng", "thu.vs_last_year": "bằng cùng kỳ" })).toBeUndefined();
    expect(render("{a} và {b}", { a: "1", b: "" })).toBeUndefined();
  });

  it("mentions only the names whose placeholders were printed", () => {
    expect(render("{a}[, trong đó {b}][, {c.rate}]", { a: "1", c: "3" })?.mentioned).toEqual(["a"]);
    expect(render("{a}[, trong đó {b}][, {c.rate}]", { a: "1", b: "2", "c.rate": "3%" })?.mentioned).toEqual(["a", "b", "c"]);
  });

  it("keeps one space between words and none before punctuation, whatever was left out", () => {
    expect(render("Có {a} , {b}  [ ( {c} ) ] ;", { a: "1", b: "2" })?.text).toBe("Có 1, 2;");
    expect(render("Có {a} , {b} [ ( {c} ) ] ;", { a: "1", b: "2", c: "3" })?.text).toBe("Có 1, 2 (3);");
  });
});

describe("fuzz", () => {
  const alphabet = fc.constantFrom(..."{}[]._ aAbz09,đ\n".split(""));
  const patternish = fc.oneof(fc.string(), fc.string({ unit: alphabet }));

  it("parsePattern never throws anything but a TemplateError", () => {
    fc.assert(
      fc.property(patternish, (source) => {
        try {
          parsePattern(source, WHERE);
        } catch (e) {
          expect(e).toBeInstanceOf(TemplateError);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it("readPattern never throws, and what it accepts renders without 'undefined', whatever the values", () => {
    const value = fc.option(fc.oneof(fc.constant(""), fc.string({ minLength: 1 }).filter((s) => !s.includes("undefined"))), { nil: undefined });
    fc.assert(
      fc.property(patternish, fc.func(value), (source, valueOf) => {
        const reading = readPattern(source);
        if (!reading.ok) return;
        const text = renderPattern(reading.pattern, (slot) => valueOf(slot.name, slot.figure))?.text;
        if (text !== undefined && !source.includes("undefined")) expect(text).not.toContain("undefined");
      }),
      { numRuns: 5_000 },
    );
  });
});
