import { AlignmentType, LineRuleType, Paragraph } from "docx";
import { ND30 } from "./layout.js";
import { centred, linesAsRuns, rule, type RunStyle } from "./primitives.js";
import type { ReportDocument, ReportPart, ReportSection } from "./report-model.js";
import { textWidthTwips } from "./text-metrics.js";

/**
 * Ô5a and Ô6: the type and trích yếu under the header, then the content. Headings and paragraphs
 * share the body's indent and spacing, so the text reads as one column as in the decree's samples.
 */

const BODY_SPACING = {
  before: ND30.body.before,
  after: ND30.body.after,
  line: ND30.body.line,
  lineRule: LineRuleType.AUTO,
} as const;

/** A justified body paragraph with the first-line indent (row 10). */
export function bodyParagraph(text: string, style: Partial<RunStyle> = {}, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: ND30.body.firstLine },
    spacing: BODY_SPACING,
    keepNext,
    children: linesAsRuns(text, { size: ND30.size.body, ...style }),
  });
}

/** "BÁO CÁO", the trích yếu and the rule under it (rows 7–8). */
export function titleBlock(doc: ReportDocument): Paragraph[] {
  const S = ND30.size;
  const longest = Math.max(...doc.summary.split("\n").map((line) => textWidthTwips(line, "bold", S.summary)));
  return [
    centred(doc.title, { size: S.title, bold: true }, { spacing: { before: ND30.titleBefore, after: 0 }, keepNext: true }),
    centred(doc.summary, { size: S.summary, bold: true }, { keepNext: true }),
    // 1/3–1/2 of the trích yếu's line; a wrapped trích yếu has lines up to the full text width.
    rule(Math.min(longest, ND30.textWidth) * ND30.rule.fraction, ND30.textWidth, ND30.afterSummaryRule),
  ];
}

function sectionParagraphs(section: ReportSection, depth: number): Paragraph[] {
  const style = ND30.headings[depth] ?? { bold: false, italics: false };
  // A heading is kept with the text after it so it never ends a page on its own.
  const out = [bodyParagraph(section.heading, style, true)];
  for (const text of section.paragraphs ?? []) out.push(bodyParagraph(text));
  for (const child of section.children ?? []) out.push(...sectionParagraphs(child, depth + 1));
  return out;
}

/** "Phần thứ nhất" on its own line, its title in caps under it, both bold and centred (row 11). */
function partHeading(heading: string): Paragraph[] {
  const [first = "", ...rest] = heading.split("\n");
  const style = { size: ND30.size.heading, bold: true };
  const out = [centred(first, style, { spacing: { before: ND30.partBefore, after: 0 }, keepNext: true })];
  if (rest.length > 0) out.push(centred(rest.join("\n"), style, { keepNext: true }));
  return out;
}

function partParagraphs(part: ReportPart): Paragraph[] {
  const out: Paragraph[] = part.heading ? partHeading(part.heading) : [];
  for (const section of part.sections) out.push(...sectionParagraphs(section, 0));
  return out;
}

/** The closing sentence ends the content with "./." exactly once (row 10, §3.3). */
export function closingText(closing: string): string {
  const trimmed = closing.normalize("NFC").trimEnd();
  if (trimmed.endsWith("./.")) return trimmed;
  return `${trimmed.replace(/[.;:,\s]+$/u, "")}./.`;
}

/** Everything from "BÁO CÁO" to the closing paragraph. */
export function bodyBlock(doc: ReportDocument): Paragraph[] {
  const out = titleBlock(doc);
  if (doc.opening) out.push(bodyParagraph(doc.opening));
  for (const part of doc.parts) out.push(...partParagraphs(part));
  // Kept with the end block that follows, so the signature never starts a page on its own.
  out.push(bodyParagraph(closingText(doc.closing), {}, true));
  return out;
}
