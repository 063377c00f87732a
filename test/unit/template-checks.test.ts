import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../src/domain/template.js";

const base = (checks: string) => `
key: t
version: 1
name: T
kinds: [thang]
sections:
  - key: s
    title: S
    group: G
    questions:
      - { key: total, type: count, unit: hộ, label: Tổng, example: "10" }
      - { key: part, type: count, unit: hộ, label: Phần, example: "2" }
      - { key: note, type: text, label: Ghi chú, example: "x" }
      - { key: rate, type: ratio, label: Tỷ lệ, example: "3/4" }
checks:
${checks}
`;

describe("template consistency checks", () => {
  it("accepts rules over questions of the right types", () => {
    const t = parseTemplate(base("  - { kind: part_of, part: part, whole: total }\n  - { kind: achieved_le_target, key: rate }"), "t.yaml");
    expect(t.checks).toEqual([
      { kind: "part_of", part: "part", whole: "total" },
      { kind: "achieved_le_target", key: "rate" },
    ]);
  });

  it.each([
    ["  - { kind: part_of, part: nope, whole: total }", /checks\.0\.part|checks\[0\]\.part/, /no question "nope"/],
    ["  - { kind: part_of, part: note, whole: total }", /part/, /cannot check "note", a text question/],
    ["  - { kind: achieved_le_target, key: total }", /key/, /cannot check "total", a count question/],
    ["  - { kind: sometimes, key: total }", /checks/, /./],
  ])("rejects %s", (rule, path, problem) => {
    expect(() => parseTemplate(base(rule), "t.yaml")).toThrow(path);
    expect(() => parseTemplate(base(rule), "t.yaml")).toThrow(problem);
  });
});
