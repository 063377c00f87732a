import type { FontStyle } from "./layout.js";

/**
 * Advance widths of Times New Roman (1/1000 em), so the decree's rules "as long as the text" and
 * "1/3–1/2 of the text" can be drawn without a font engine. Values are the Adobe Times core-font
 * metrics, which Times New Roman and Liberation Serif share; they reproduce the widths measured in
 * vn-report-format.md §1.4 (Tiêu ngữ bold 13 pt 55.9 mm, "ỦY BAN NHÂN DÂN" bold 13 pt 43.2 mm) and
 * every ASCII and Vietnamese letter of Liberation Serif 2.1 to within 1/1000 em.
 * Vietnamese letters are measured by their base letter (tone marks stack and add no width), except
 * the horned ư/ơ/Ư, which are wider; those values were read from Liberation Serif 2.x, whose
 * Vietnamese glyphs match Times New Roman's metrics.
 */
const ASCII = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz";

// One width per character of ASCII above, in the same order.
// prettier-ignore
const WIDTHS: Record<FontStyle, number[]> = {
  regular: [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921,
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
    333, 278, 333, 469, 500, 333,
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
  ],
  bold: [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930,
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
    333, 278, 333, 581, 500, 333,
    500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
  ],
  italic: [
    250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920,
    611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556,
    389, 278, 389, 422, 500, 333,
    500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389,
  ],
};

const UNKNOWN = 500;

/** Horned letters by base letter (after removing tone marks), per style. */
const HORNED: Record<FontStyle, Record<string, number>> = {
  regular: { u: 542, o: 529, U: 776, O: 722 },
  bold: { u: 600, o: 554, U: 796, O: 778 },
  italic: { u: 545, o: 534, U: 754, O: 722 },
};

function charWidth(ch: string, style: FontStyle): number {
  if (ch === "đ") return charWidth("d", style);
  if (ch === "Đ") return charWidth("D", style);
  const decomposed = ch.normalize("NFD");
  const base = decomposed[0] ?? ch;
  const index = ASCII.indexOf(base);
  if (decomposed.includes("\u031B")) {
    const horned = HORNED[style][base];
    if (horned !== undefined) return horned;
  }
  return index >= 0 ? (WIDTHS[style][index] ?? UNKNOWN) : UNKNOWN;
}

/** Width of one line of text in twips at `halfPoints` (w:sz units). */
export function textWidthTwips(text: string, style: FontStyle, halfPoints: number): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) em += charWidth(ch, style);
  // em/1000 × size in pt × 20 tw/pt, with size in pt = halfPoints / 2.
  return Math.round((em * halfPoints * 10) / 1000);
}
