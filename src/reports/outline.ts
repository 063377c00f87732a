/**
 * Lays the paragraphs out in the usual outline of a ward report (vn-report-format.md §3.1),
 * with the decree's Phần / I. / 1. / a) levels. In each part, groups keep template order as Roman
 * headings: the groups with figures all come under one "KẾT QUẢ THỰC HIỆN …" heading as
 * "1. Lĩnh vực …" with a section per "a)"; each group without figures ("Đánh giá chung", the
 * next period's tasks) is a heading of its own, its narrative answers numbered "1. …" where the
 * template gives them a heading.
 */
import { NARRATIVE_TYPES, type ReportPartSpec } from "../domain/template-wording.js";
import type { IndexedQuestion, IndexedSection } from "../conversation/template-index.js";
import type { ReportPart, ReportSection } from "./docx/report-model.js";

export interface OutlineInput {
  sections: IndexedSection[];
  /** Parts with filled headings; without parts, the report is one part without a heading. */
  parts?: ReportPartSpec[];
  /** The results heading, filled, in sentence case. */
  results: string;
  /** A group's heading, filled, in sentence case. */
  group: (group: string) => string;
  /** Paragraphs by question id; a question without an entry does not apply to this period. */
  paragraphs: ReadonlyMap<number, string[]>;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"];

export function outline(input: OutlineInput): ReportPart[] {
  const { sections, parts } = input;
  if (!parts) return [{ sections: partSections(input, sections) }];
  const starts = parts.map((p) => sections.findIndex((s) => s.key === p.from));
  return parts.map((part, i) => ({
    heading: `${part.heading}\n${part.title.toUpperCase()}`,
    sections: partSections(input, sections.slice(starts[i], starts[i + 1])),
  }));
}

function partSections(input: OutlineInput, sections: IndexedSection[]): ReportSection[] {
  // Sections keep template order under the heading of their group.
  const groups = new Map<string, IndexedSection[]>();
  for (const s of sections) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  const hasFigures = ([, members]: [string, IndexedSection[]]) => members.some((s) => s.questions.some((q) => !NARRATIVE_TYPES.includes(q.def.type)));
  const entries = [...groups];
  const fields = entries.filter(hasFigures);
  const top: ReportSection[] = [];
  for (const entry of entries) {
    const [group, members] = entry;
    if (!hasFigures(entry)) {
      top.push(narrativeGroup(`${roman(top.length)}. ${input.group(group).toUpperCase()}`, members.flatMap((s) => s.questions), input.paragraphs));
    } else if (entry === fields[0]) {
      // All groups with figures go under one results heading, where the first of them stands.
      top.push({
        heading: `${roman(top.length)}. ${input.results.toUpperCase()}`,
        children: fields.map(([name, sections], i) => ({
          heading: `${i + 1}. ${input.group(name)}`,
          children: sections.map((s, j) => ({ heading: `${LETTERS[j] ?? j + 1}) ${s.title}`, paragraphs: s.questions.flatMap((q) => input.paragraphs.get(q.id) ?? []) })),
        })),
      });
    }
  }
  return top;
}

/**
 * A question with a heading opens a numbered subsection (printed even before it is answered, so
 * the draft shows the gap); answers without one continue the subsection before them, or stand
 * under the group heading itself when no heading came yet.
 */
function narrativeGroup(heading: string, questions: IndexedQuestion[], paragraphs: ReadonlyMap<number, string[]>): ReportSection {
  const group: ReportSection & { paragraphs: string[]; children: ReportSection[] } = { heading, paragraphs: [], children: [] };
  let current: { paragraphs: string[] } = group;
  for (const q of questions) {
    const own = paragraphs.get(q.id);
    if (own === undefined) continue;
    if (q.def.heading !== undefined) {
      const child = { heading: `${group.children.length + 1}. ${q.def.heading}`, paragraphs: [] as string[] };
      group.children.push(child);
      current = child;
    }
    current.paragraphs.push(...own);
  }
  return group;
}

function roman(i: number): string {
  return ROMAN[i] ?? String(i + 1);
}
