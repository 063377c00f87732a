import { AlignmentType, LineRuleType, Paragraph, Table, TableBorders, TableLayoutType, TableRow, WidthType } from "docx";
import { ND30 } from "./layout.js";
import { centred, layoutCell, run } from "./primitives.js";
import type { ReportDocument } from "./report-model.js";

/**
 * Ô9b and Ô7: the end block, a borderless two-column table. "Nơi nhận:" (left) shares its top line
 * with the authority line (right), as the decree's diagram places them (§1.2, §1.3 rows 16–21).
 */

const SINGLE = { line: 240, lineRule: LineRuleType.AUTO } as const;

/** "- UBND tỉnh Đồng Tháp;": each entry on its own line starting with "-" (row 21). */
export function recipientLine(entry: string): string {
  const trimmed = entry.normalize("NFC").trim();
  return trimmed.startsWith("-") ? trimmed : `- ${trimmed}`;
}

function recipientsCell(recipients: string[]): Paragraph[] {
  const label = new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { before: ND30.endBlockBefore, after: 0, ...SINGLE },
    children: [run("Nơi nhận:", { size: ND30.size.noiNhanLabel, bold: true, italics: true })],
  });
  const entries = recipients.map(
    (entry) =>
      new Paragraph({
        alignment: AlignmentType.LEFT,
        // Wrapped lines continue under the text, not under the dash.
        indent: { left: ND30.recipientHanging, hanging: ND30.recipientHanging },
        spacing: { before: 0, after: 0, ...SINGLE },
        children: [run(recipientLine(entry), { size: ND30.size.noiNhanEntry })],
      }),
  );
  return [label, ...entries];
}

function signatureCell(signer: ReportDocument["signer"]): Paragraph[] {
  const style = { size: ND30.size.signer, bold: true };
  return [
    centred(signer.authority, style, { spacing: { before: ND30.endBlockBefore, after: 0, ...SINGLE } }),
    ...signer.position.split("\n").map((line) => centred(line.trim(), style)),
    // The gap holds the handwritten signature and the seal (row 18).
    centred(signer.name, style, { spacing: { before: ND30.signatureGap, after: 0, ...SINGLE } }),
  ];
}

export function endBlock(doc: ReportDocument): Table {
  const [leftWidth, rightWidth] = ND30.endTable.columns;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: leftWidth + rightWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        // Recipients and signature stay together on one page.
        cantSplit: true,
        children: [
          layoutCell(leftWidth, recipientsCell(doc.recipients)),
          layoutCell(rightWidth, signatureCell(doc.signer)),
        ],
      }),
    ],
  });
}
