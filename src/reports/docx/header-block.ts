import { Paragraph, Table, TableBorders, TableLayoutType, TableRow, WidthType } from "docx";
import { ND30 } from "./layout.js";
import { cellTextWidth, centred, layoutCell, rule } from "./primitives.js";
import type { ReportDocument } from "./report-model.js";
import { textWidthTwips } from "./text-metrics.js";

/** Fixed wording of Ô1 (§1.3 rows 1–2): a plain hyphen with a space each side, not an en dash. */
export const QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";

/**
 * Blanks left for the văn thư to write in by hand on drafts (§1.5). Each field, with the spaces
 * around it, leaves a gap of six spaces: "Số:      /BC-UBND", "ngày      tháng 11".
 */
const BLANK_NUMBER = "     ";
const BLANK_DATE = "    ";

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * "05/BC-UBND": numbers below 10 take a leading zero; drafts leave the number blank (row 5).
 */
export function formatNumberAndSymbol(number: string | undefined, symbol: string): string {
  const trimmed = number?.trim() ?? "";
  const numeral = trimmed === "" ? BLANK_NUMBER : /^\d$/.test(trimmed) ? pad2(Number(trimmed)) : trimmed;
  return `${numeral}/${symbol}`;
}

/** "Số: 05/BC-UBND" (Ô3). */
export function formatNumberLine(number: string | undefined, symbol: string): string {
  return `Số: ${formatNumberAndSymbol(number, symbol)}`;
}

/**
 * "ngày 05 tháng 01 năm 2026": a leading zero for days below 10 and for months 1 and 2 only
 * (row 6), blanks where a draft has no value yet.
 */
export function formatDateWords(date: ReportDocument["date"]): string {
  const day = date?.day === undefined ? BLANK_DATE : pad2(date.day);
  const month = date === undefined ? BLANK_DATE : date.month <= 2 ? pad2(date.month) : String(date.month);
  const year = date === undefined ? BLANK_DATE : String(date.year);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "Phường 1, ngày 12 tháng 5 năm 2026" (Ô4). */
export function formatPlaceDate(place: string, date: ReportDocument["date"]): string {
  return `${place}, ${formatDateWords(date)}`;
}

/**
 * Issuer lines: offices print "ỦY BAN NHÂN DÂN" over "PHƯỜNG X" (§1.5); "\n" in the name wins.
 */
export function issuerLines(name: string): string[] {
  if (name.includes("\n")) return name.split("\n").map((line) => line.trim());
  const head = "ỦY BAN NHÂN DÂN ";
  const normalised = name.normalize("NFC").trim();
  if (normalised.startsWith(head) && normalised.length > head.length) {
    return [head.trim(), normalised.slice(head.length).trim()];
  }
  return [normalised];
}

/**
 * Ô1–Ô4: borderless two-column table on the official grid. Row 1 holds the issuer block (left) and
 * Quốc hiệu + Tiêu ngữ (right), each with its rule; row 2 puts "Số" and the place-and-date on the
 * same line, as the decree requires (§1.3 rows 5–6).
 */
export function headerBlock(doc: ReportDocument): Table {
  const [leftWidth, rightWidth] = ND30.headerTable.columns;
  const leftText = cellTextWidth(leftWidth);
  const rightText = cellTextWidth(rightWidth);
  const S = ND30.size;

  const left: Paragraph[] = [];
  if (doc.issuer.parent) left.push(centred(doc.issuer.parent, { size: S.parent }));
  const lines = issuerLines(doc.issuer.name);
  for (const line of lines) left.push(centred(line, { size: S.issuer, bold: true }));
  // Rule under the issuer: 1/3–1/2 of its (longest) text line, centred (row 4).
  const issuerWidth = Math.max(...lines.map((line) => textWidthTwips(line, "bold", S.issuer)));
  left.push(rule(Math.min(issuerWidth, leftText) * ND30.rule.fraction, leftText));

  const right: Paragraph[] = [
    centred(QUOC_HIEU, { size: S.quocHieu, bold: true }),
    centred(TIEU_NGU, { size: S.tieuNgu, bold: true }),
    // Rule under the Tiêu ngữ: exactly as long as the text line (row 2).
    rule(textWidthTwips(TIEU_NGU, "bold", S.tieuNgu), rightText),
  ];

  const rowGap = { spacing: { before: ND30.numberRowBefore, after: 0 } };
  const numberCell = [centred(formatNumberLine(doc.number, doc.symbol), { size: S.soKyHieu }, rowGap)];
  const dateCell = [centred(formatPlaceDate(doc.place, doc.date), { size: S.diaDanh, italics: true }, rowGap)];

  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: leftWidth + rightWidth, type: WidthType.DXA },
    indent: { size: ND30.headerTable.indent, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [layoutCell(leftWidth, left), layoutCell(rightWidth, right)] }),
      new TableRow({ children: [layoutCell(leftWidth, numberCell), layoutCell(rightWidth, dateCell)] }),
    ],
  });
}

