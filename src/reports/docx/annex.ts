import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { formatDateWords, formatNumberAndSymbol } from "./header-block.js";
import { ND30 } from "./layout.js";
import { centred, run } from "./primitives.js";
import type { ReportAnnex, ReportDocument } from "./report-model.js";
import { textWidthTwips } from "./text-metrics.js";

/**
 * The indicator annex (Phụ lục, §1.3 row 25 and §3.1): "PHỤ LỤC", its title in caps, the
 * "(Kèm theo Báo cáo số …)" line in italic, then a bordered table. It is printed as its own section
 * because the decree numbers an appendix's pages on their own.
 */

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const CELL_PADDING = { left: ND30.cellPadding, right: ND30.cellPadding, top: 40, bottom: 40 };

/** "(Kèm theo Báo cáo số 377/BC-UBND ngày 12 tháng 5 năm 2026)" from the report's own number and date. */
export function annexNote(doc: ReportDocument): string {
  return `(Kèm theo Báo cáo số ${formatNumberAndSymbol(doc.number, doc.symbol)} ${formatDateWords(doc.date)})`;
}

/** Figures and empty cells are centred; labels read from the left. */
function isFigure(text: string): boolean {
  return /^[\s\d.,%+\-–/x]*$/u.test(text);
}

/** Allowance for the renderer's rounding, so a cell sized exactly to its text does not wrap. */
function fit(width: number): number {
  return Math.ceil(width * 1.02) + 30 + 2 * ND30.cellPadding;
}

/**
 * Room a body cell needs on one line, and the least it can live with. Short cells (figures, units,
 * one- or two-word labels such as "tỷ đồng") must not wrap; longer text may wrap between words.
 */
function bodyCellWidth(text: string): { natural: number; minimum: number } {
  const size = ND30.size.annexCell;
  const words = text.split(/\s+/u).filter((w) => w !== "");
  const natural = fit(textWidthTwips(text, "regular", size));
  const longestWord = fit(Math.max(0, ...words.map((w) => textWidthTwips(w, "regular", size))));
  return { natural, minimum: words.length <= 2 ? natural : longestWord };
}

/**
 * Header cells wrap onto at most two lines, as in printed indicator tables ("Thực hiện /
 * 11 tháng"): the narrowest width at which the best two-line split fits.
 */
function headerCellWidth(text: string): number {
  const size = ND30.size.annexCell;
  const words = text.split(/\s+/u).filter((w) => w !== "");
  const line = (ws: string[]): number => textWidthTwips(ws.join(" "), "bold", size);
  let best = line(words);
  for (let cut = 1; cut < words.length; cut++) {
    best = Math.min(best, Math.max(line(words.slice(0, cut)), line(words.slice(cut))));
  }
  return fit(best);
}

/**
 * Column widths filling the text width: each column gets at least its longest word, then the rest
 * is shared in proportion to how much more a column needs to keep its cells on one line (the way
 * an automatic table layout would, but fixed so every renderer draws the same table).
 */
export function annexColumnWidths(annex: ReportAnnex, total: number = ND30.textWidth): number[] {
  const count = annex.columns.length;
  const natural = new Array<number>(count).fill(0);
  const minimum = new Array<number>(count).fill(0);
  annex.columns.forEach((text, i) => {
    const width = headerCellWidth(text);
    natural[i] = width;
    minimum[i] = width;
  });
  for (const row of annex.rows) {
    for (let i = 0; i < count; i++) {
      const w = bodyCellWidth(row[i] ?? "");
      natural[i] = Math.max(natural[i] ?? 0, w.natural);
      minimum[i] = Math.max(minimum[i] ?? 0, w.minimum);
    }
  }
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(natural) <= total) {
    widths = natural.map((n) => (n * total) / sum(natural));
  } else if (sum(minimum) >= total) {
    widths = minimum.map((m) => (m * total) / sum(minimum));
  } else {
    const extra = natural.map((n, i) => n - (minimum[i] ?? 0));
    const share = (total - sum(minimum)) / sum(extra);
    widths = minimum.map((m, i) => m + (extra[i] ?? 0) * share);
  }
  const rounded = widths.map((w) => Math.floor(w));
  const last = rounded.length - 1;
  if (last >= 0) rounded[last] = (rounded[last] ?? 0) + total - sum(rounded);
  return rounded;
}

function tableCell(text: string, width: number, header: boolean): TableCell {
  const alignment = header || isFigure(text) ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_PADDING,
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    children: [
      new Paragraph({
        alignment,
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [run(text, { size: ND30.size.annexCell, bold: header })],
      }),
    ],
  });
}

function annexTable(annex: ReportAnnex): Table {
  const widths = annexColumnWidths(annex);
  const row = (cells: string[], header: boolean): TableRow =>
    new TableRow({
      // The header row repeats on every page of a long table; no row is split across pages.
      tableHeader: header,
      cantSplit: true,
      children: widths.map((width, i) => tableCell(cells[i] ?? "", width, header)),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: ND30.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [row(annex.columns, true), ...annex.rows.map((cells) => row(cells, false))],
  });
}

export function annexBlock(doc: ReportDocument, annex: ReportAnnex): (Paragraph | Table)[] {
  const S = ND30.size;
  return [
    centred("PHỤ LỤC", { size: S.annexHeading, bold: true }, { keepNext: true }),
    centred(annex.title, { size: S.annexTitle, bold: true }, { keepNext: true }),
    centred(annex.note ?? annexNote(doc), { size: S.annexNote, italics: true }, {
      spacing: { before: 0, after: 240 },
      keepNext: true,
    }),
    annexTable(annex),
  ];
}
