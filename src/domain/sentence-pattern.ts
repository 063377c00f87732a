/**
 * Sentence patterns: how a template says in which words a figure goes into the report, e.g.
 *
 *   "Tổng thu ngân sách {thu_ngan_sach}[, {thu_ngan_sach.percent_plan}]; {thu_ngan_sach.vs_last_year}."
 *
 * The language is deliberately tiny, because the text comes from a YAML file that anyone in the
 * office may edit: literal text, `{name}` or `{name.figure}` placeholders, and `[…]` optional
 * parts (not nested) that are left out when one of their placeholders has no value. `{{`, `}}`,
 * `[[` and `]]` stand for the literal characters. Nothing is ever evaluated: a pattern is parsed
 * into text and placeholders, and rendering only substitutes strings.
 *
 * Which names and figures exist is not this module's business (see template-wording.ts); this is
 * syntax and substitution only.
 */
import { TemplateError } from "./template-error.js";

export interface Slot {
  /** A question key or a name of the report's context ("period"). */
  name: string;
  /** A derived figure of that question ("percent_plan"); absent for the answer itself. */
  figure?: string;
}

export type Piece = { text: string } | { slot: Slot };
export type Part = Piece | { optional: Piece[] };

export interface SentencePattern {
  parts: Part[];
}

export type PatternReading = { ok: true; pattern: SentencePattern } | { ok: false; message: string };

/** Where a pattern sits, for the TemplateError a malformed one raises. */
export interface PatternSource {
  file: string;
  path: string;
  line?: number;
}

const NAME = /^[a-z][a-z0-9_]*$/;
const SPECIAL = new Set(["{", "}", "[", "]"]);

/** Parses a pattern, or says what is wrong with it (never throws). */
export function readPattern(source: string): PatternReading {
  const parts: Part[] = [];
  let optional: Piece[] | undefined;
  let optionalAt = 0;
  let text = "";
  const flush = () => {
    if (text !== "") (optional ?? parts).push({ text });
    text = "";
  };
  const fail = (message: string, at: number): PatternReading => ({ ok: false, message: `${message} (at character ${at + 1})` });

  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (SPECIAL.has(c) && source[i + 1] === c) {
      text += c;
      i++;
    } else if (c === "{") {
      const end = source.indexOf("}", i + 1);
      if (end < 0) return fail('"{" is never closed; write {{ for a literal brace', i);
      const slot = readSlot(source.slice(i + 1, end));
      if (typeof slot === "string") return fail(slot, i);
      flush();
      (optional ?? parts).push({ slot });
      i = end;
    } else if (c === "}") {
      return fail('"}" closes nothing; write }} for a literal brace', i);
    } else if (c === "[") {
      if (optional) return fail("optional parts [...] cannot be nested", i);
      flush();
      optional = [];
      optionalAt = i;
    } else if (c === "]") {
      if (!optional) return fail('"]" closes nothing; write ]] for a literal bracket', i);
      flush();
      if (!optional.some((p) => "slot" in p)) return fail("an optional part [...] needs a placeholder: it is left out when one of its values is missing", optionalAt);
      parts.push({ optional });
      optional = undefined;
    } else {
      text += c;
    }
  }
  if (optional) return fail('"[" is never closed; write [[ for a literal bracket', optionalAt);
  flush();
  return { ok: true, pattern: { parts } };
}

/** `name` or `name.figure`, or why not. */
function readSlot(inner: string): Slot | string {
  if (inner === "") return "empty placeholder {}";
  const [name = "", figure, ...rest] = inner.split(".");
  if (rest.length > 0 || !NAME.test(name) || (figure !== undefined && !NAME.test(figure))) {
    return `{${inner}} is not a placeholder: write {question_key} or {question_key.figure}, lowercase ascii without spaces`;
  }
  return figure === undefined ? { name } : { name, figure };
}

/** Parses a pattern that is known to be valid (it was checked when its template was loaded). */
export function parsePattern(source: string, where: PatternSource): SentencePattern {
  const reading = readPattern(source);
  if (!reading.ok) throw new TemplateError([{ ...where, message: reading.message }]);
  return reading.pattern;
}

/** Every placeholder of the pattern, optional ones included, in order. */
export function slotsOf(pattern: SentencePattern): Slot[] {
  return pattern.parts.flatMap((p) => ("optional" in p ? p.optional : [p])).flatMap((p) => ("slot" in p ? [p.slot] : []));
}

export interface RenderedSentence {
  text: string;
  /** Names of the placeholders that were printed (a name once per placeholder). */
  mentioned: string[];
}

/**
 * Fills the placeholders with `valueOf`. An optional part with a missing (undefined or empty)
 * value is left out; a missing value anywhere else leaves the whole sentence out (undefined),
 * so a report never prints "undefined", an empty figure or a dangling "đạt ,".
 */
export function renderPattern(pattern: SentencePattern, valueOf: (slot: Slot) => string | undefined): RenderedSentence | undefined {
  const mentioned: string[] = [];
  const fill = (pieces: Piece[]): string | undefined => {
    let out = "";
    const names: string[] = [];
    for (const piece of pieces) {
      if ("text" in piece) {
        out += piece.text;
        continue;
      }
      const value = valueOf(piece.slot);
      if (value === undefined || value === "") return undefined;
      out += value;
      names.push(piece.slot.name);
    }
    mentioned.push(...names);
    return out;
  };
  let text = "";
  for (const part of pattern.parts) {
    if ("optional" in part) {
      text += fill(part.optional) ?? "";
      continue;
    }
    const piece = fill([part]);
    if (piece === undefined) return undefined;
    text += piece;
  }
  return { text: tidy(text), mentioned };
}

/** One space between words and none before punctuation, whichever optional parts were left out. */
function tidy(text: string): string {
  return text
    .replace(/\s+/gu, " ")
    .replace(/ (?=[,.;:!?)])/gu, "")
    .replace(/\( /gu, "(")
    .trim();
}
