/**
 * Layout constants of a "Báo cáo" under Nghị định 30/2020/NĐ-CP, Phụ lục I. Section numbers refer
 * to /work/shared/docs/vn-report-format.md. Lengths are twips (1 mm ≈ 56.69 tw, 1 pt = 20 tw);
 * font sizes are half-points (the unit of w:sz), so 14 pt = 28.
 *
 * Where the decree allows a range, one value inside it is picked here ("profile A" of §1.3: the
 * decree's own sample sizes), so a later change of policy is an edit in this one object.
 */

/** Millimetres to twips, rounded (docx's convertMillimetersToTwip truncates: 20 mm → 1133, §1.6). */
export function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

const page = { width: 11906, height: 16838 } as const;
const margin = {
  top: 1134, // 20 mm: decree 20–25 mm (§1.1)
  bottom: 1134, // 20 mm: decree 20–25 mm (§1.1)
  left: 1701, // 30 mm: decree 30–35 mm (§1.1)
  right: 850, // 15 mm: decree 15–20 mm (§1.1)
  header: 567, // 10 mm: keeps the page number inside the 20 mm top margin (§1.1, PRACTICE)
  footer: 567,
} as const;

export const ND30 = {
  /** Times New Roman, Unicode (TCVN 6909:2001), black (§1.1). Every string is NFC-normalised. */
  font: "Times New Roman",
  /** Language tag on runs, so Word's proofing and hyphenation treat the text as Vietnamese. */
  language: "vi-VN",
  /** A4 portrait, 210 × 297 mm (§1.1). */
  page,
  margin,
  /** Width between the margins: 165 mm (§1.1). */
  textWidth: page.width - margin.left - margin.right,
  /** Word's default left/right cell padding; written explicitly so every renderer agrees (§1.4). */
  cellPadding: 108,

  /** Header table: the official Mẫu 1.4 grid 3829 + 5670 tw, indented −199 tw, no borders (§1.4). */
  headerTable: { columns: [3829, 5670], indent: -199 },
  /** End block: 60 + 105 mm rendered cleanly with Nơi nhận entries at 11 pt (§1.4). */
  endTable: { columns: [3402, 5952] },

  /** Font sizes in half-points, element by element (§1.3 table; defaults of §1.6). */
  size: {
    parent: 24, // row 3: 12–13 pt, upright caps
    issuer: 24, // row 4: 12–13 pt, bold caps
    quocHieu: 24, // row 1: 12–13 pt, bold caps; 13 pt barely fits the 100 mm cell (§1.4)
    tieuNgu: 26, // row 2: 13–14 pt, bold
    soKyHieu: 26, // row 5: 13 pt
    diaDanh: 26, // row 6: 13–14 pt italic; 13 pt keeps long ward names on one line (§1.4)
    title: 28, // row 7: "BÁO CÁO" 13–14 pt bold caps
    summary: 28, // row 8: trích yếu 13–14 pt bold
    body: 28, // row 10: 13–14 pt
    heading: 28, // rows 11–15: same size as the body
    noiNhanLabel: 24, // row 20: "Nơi nhận:" 12 pt bold italic
    noiNhanEntry: 22, // row 21: entries 11 pt
    signer: 28, // rows 16, 17, 19: 13–14 pt bold
    pageNumber: 28, // row 24 / §1.1: 13–14 pt, centred in the top margin, not on page 1
    annexHeading: 28, // row 25: "PHỤ LỤC" 14 pt bold
    annexTitle: 28, // row 25: annex title 13–14 pt bold caps
    annexNote: 28, // row 25: "(Kèm theo …)" 13–14 pt italic
    annexCell: 24, // not regulated; 12 pt lets an 8-column indicator table fit 165 mm (PRACTICE)
  },

  /** Body paragraphs (row 10): justified, first-line indent 1 cm, ≥ 6 pt apart, single to 1.5 lines. */
  body: { firstLine: 567, before: 120, after: 0, line: 240 },

  /**
   * Heading styles by depth: Mục "I." bold caps (row 12), Khoản "1." bold (row 13), Điểm "a)"
   * italic (row 15 leaves it regular; an italic "a)" title is the usual practice and keeps it apart
   * from the body text). Deeper levels print like body text. All share the body's indent and size.
   */
  headings: [
    { bold: true, italics: false },
    { bold: true, italics: false },
    { bold: false, italics: true },
  ],
  /** Space above a "Phần" heading, which is centred on its own lines (row 11). */
  partBefore: 240,

  /** Space above "BÁO CÁO": not regulated, one blank line of 12–18 pt is usual (row 7). */
  titleBefore: 360,
  /** Space between the trích yếu rule and the text below it (PRACTICE). */
  afterSummaryRule: 240,
  /** Space above the Số / place-and-date row, below the rules of the header (PRACTICE). */
  numberRowBefore: 120,
  /** Space above the end block, below the closing paragraph (PRACTICE). */
  endBlockBefore: 240,

  /**
   * Short rules drawn as empty paragraphs with a bottom border, squeezed to an exact 5 pt line
   * (§1.4, measured in LibreOffice). Border size is in eighths of a point: 6 = 0.75 pt.
   */
  rule: {
    borderSize: 6,
    borderSpace: 1,
    line: 100,
    /** Issuer and trích yếu rules: 1/3–1/2 of the text line (rows 4 and 8); 5/12 sits mid-range. */
    fraction: 5 / 12,
  },

  /** Room for signature and seal between the title and the name: ≈ 4 blank lines, 20–25 mm (row 18). */
  signatureGap: mm(22.5),
  /** Hanging indent of wrapped Nơi nhận entries, so they line up after "- " (row 21, PRACTICE). */
  recipientHanging: 170,
} as const;

/** Run styles the layout distinguishes when measuring text. */
export type FontStyle = "regular" | "bold" | "italic";
