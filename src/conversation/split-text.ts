/**
 * Splits a long message for channels with a length limit (Telegram 4,096, Zalo 2,000
 * characters): at a blank line if possible, else at a line end, else at a space, so that a
 * section or a line is never cut in the middle when it can be avoided.
 */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const cut = [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find((i) => i > limit / 3) ?? limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}
