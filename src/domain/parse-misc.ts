/** Answers that are not figures: yes/no, a choice among options, a list, free text. */
import type { ParseResult } from "./answer-value.js";
import { looselyEquals, normalizeForMatch } from "./vn-text.js";

export interface ChoiceOption {
  key: string;
  label: string;
}

/** Matched with looselyEquals, so "dung" is "đúng" but "dừng" (stop) is not. */
const YES_WORDS = ["có", "rồi", "có rồi", "đúng", "đồng ý", "ok", "yes", "x", "1"];
const NO_WORDS = ["không", "không có", "chưa", "chưa có", "no", "0"];

/**
 * Leading list markers as typed in chat and pasted from Word (which turns bullets into "–" or
 * a private-use symbol glyph). A numbered marker must not be followed by a digit, so the
 * figure in "1.500 hộ được hỗ trợ" stays intact.
 */
const BULLET = /^(?:[-+•*–—·◦▪●○\uf0b7]+|\d+(?:\.\d+)*[.)](?!\d)|[a-zđ]\))\s*/iu;

export function parseYesNo(text: string): ParseResult<boolean> {
  const s = trimAnswer(text);
  if (s === "") return { ok: false, error: "empty" };
  if (YES_WORDS.some((w) => looselyEquals(s, w))) return { ok: true, value: true };
  if (NO_WORDS.some((w) => looselyEquals(s, w))) return { ok: true, value: false };
  return { ok: false, error: "not_yes_no" };
}

/** Returns the chosen option's key; accepts its 1-based number, its key or its label. */
export function parseChoice(text: string, options: readonly ChoiceOption[]): ParseResult<string> {
  const s = choiceForm(text);
  if (s === "") return { ok: false, error: "empty" };
  const byNumber = /^\d+$/.test(s) ? options[Number(s) - 1] : undefined;
  const chosen =
    byNumber ??
    options.find((o) => choiceForm(o.key) === s) ??
    options.find((o) => choiceForm(o.label) === s);
  if (chosen === undefined) return { ok: false, error: "not_a_choice", params: { count: options.length } };
  return { ok: true, value: chosen.key };
}

/**
 * One item per line; a single line is split at ";" instead. When there are several lines the
 * semicolons stay, because a pasted item may contain one.
 */
export function parseList(text: string): ParseResult<string[]> {
  const lines = cleanText(text)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const pieces = lines.length === 1 ? (lines[0] ?? "").split(";") : lines;
  const items = pieces.map((piece) => piece.trim().replace(BULLET, "").trim()).filter((item) => item !== "");
  if (items.length === 0) return { ok: false, error: "empty" };
  return { ok: true, value: items };
}

/** Free text, paragraphs pasted from Word included; inner line breaks are kept. */
export function parseText(text: string, maxLength = 4000): ParseResult<string> {
  const s = cleanText(text).trim();
  if (s === "") return { ok: false, error: "empty" };
  if (s.length > maxLength) return { ok: false, error: "too_long", params: { max: maxLength } };
  return { ok: true, value: s };
}

/** A short answer without surrounding spaces or the "." or "!" people end it with. */
function trimAnswer(text: string): string {
  return text.trim().replace(/[.!]+$/, "").trim();
}

/** "2)", "2.", "Đạt" and "dat" all pick the same option. */
function choiceForm(text: string): string {
  return normalizeForMatch(trimAnswer(text)).replace(/[.)]$/, "");
}

/** Stored text is NFC with "\n" line breaks, whatever the phone or Word sent. */
function cleanText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n");
}
