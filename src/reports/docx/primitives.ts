import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  TableCell,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx";
import { ND30 } from "./layout.js";

/**
 * Building blocks shared by the parts of the report. Every run names its font and size itself, so
 * the document looks the same whether or not a reader honours the style defaults.
 */

export interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

/** One run of text in Times New Roman, NFC-normalised (§1.1: Unicode per TCVN 6909:2001). */
export function run(text: string, style: RunStyle, lineBreakBefore = false): TextRun {
  return new TextRun({
    text: text.normalize("NFC"),
    ...(lineBreakBefore ? { break: 1 } : {}),
    font: ND30.font,
    size: style.size,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    language: { value: ND30.language },
  });
}

/** Runs for text whose "\n" are line breaks inside one paragraph. */
export function linesAsRuns(text: string, style: RunStyle): TextRun[] {
  return text.split("\n").map((line, index) => run(line, style, index > 0));
}

/** A centred single-spaced line, as used throughout the header and the end block. */
export function centred(text: string, style: RunStyle, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    ...extra,
    children: linesAsRuns(text, style),
  });
}

/**
 * A short centred horizontal rule of `length` twips inside a box `available` twips wide: an empty
 * paragraph with a bottom border, indented from both sides and squeezed to a 5 pt line (§1.4).
 */
export function rule(length: number, available: number, after = 0): Paragraph {
  const clamped = Math.min(Math.max(length, 0), available);
  const side = Math.max(0, Math.floor((available - clamped) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: ND30.rule.line, lineRule: LineRuleType.EXACT },
    border: {
      bottom: {
        style: BorderStyle.SINGLE,
        size: ND30.rule.borderSize,
        space: ND30.rule.borderSpace,
        color: "000000",
      },
    },
    children: [],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

/** Cell of a layout table: fixed width, no borders, explicit padding (§1.4). */
export function layoutCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: ND30.cellPadding, right: ND30.cellPadding, top: 0, bottom: 0 },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    children,
  });
}

/** Width available to text inside a layout cell. */
export function cellTextWidth(cellWidth: number): number {
  return cellWidth - 2 * ND30.cellPadding;
}
