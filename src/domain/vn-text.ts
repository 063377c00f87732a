/**
 * Vietnamese text helpers for matching what people type against what we expect.
 * Officers type with and without diacritics, in any case, and phones, Zalo and text pasted
 * from Word may send decomposed (NFD) or composed (NFC) Unicode; all of these must compare equal.
 */

/** Combining marks of the Latin range: every Vietnamese tone and vowel mark decomposes into these. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "Tiến độ" → "Tien do", "Đồng" → "Dong"; đ has no Unicode decomposition, so it is mapped by hand. */
export function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** The form used to compare typed words: no diacritics, lower case, single spaces, trimmed. */
export function normalizeForMatch(s: string): string {
  // Lower-casing first lets the mark removal also clean up marks that lower-casing adds (İ → i̇).
  return stripDiacritics(s.toLowerCase()).replace(/\s+/g, " ").trim();
}

/**
 * Whether `typed` is `word` written with some or all of its diacritics left out.
 * Plain normalizeForMatch equality is too loose for short answers: "đúng" (yes, right) and
 * "dừng" (stop) both become "dung". Here diacritics that were typed must belong to the word,
 * while missing ones are forgiven. Marks are compared as a multiset, not by position, so both
 * tone placements in use ("hủy" and "huỷ") match.
 */
export function looselyEquals(typed: string, word: string): boolean {
  if (normalizeForMatch(typed) !== normalizeForMatch(word)) return false;
  const available = marksOf(word);
  for (const mark of marksOf(typed)) {
    const i = available.indexOf(mark);
    if (i < 0) return false;
    available.splice(i, 1);
  }
  return true;
}

/** The diacritics of a word, with đ counted as a mark on d. */
function marksOf(s: string): string[] {
  return [...s.toLowerCase().normalize("NFD")].filter((c) => c === "đ" || /[\u0300-\u036f]/.test(c));
}
