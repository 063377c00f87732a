/**
 * Slash commands and the few words that steer an interview. Officers type commands the way
 * they say them: "/báo cáo tháng", "/BAOCAO THANG", "/Nhập"; all of these name one command.
 */
import { looselyEquals, normalizeForMatch } from "./vn-text.js";

export const COMMAND_NAMES = [
  "start",
  "nhap",
  "sua",
  "tiendo",
  "huy",
  "trogiup",
  "help",
  "baocao",
  "lienket",
  "vangmat",
  "nhacnho",
  "kenh",
] as const;

export const REPORT_KINDS = ["thang", "quy", "6thang", "9thang", "nam"] as const;

export interface Command {
  /** Normalized: no diacritics, lower case, the words of "báo cáo" joined ("baocao"). */
  name: string;
  /** As typed, except a report kind after baocao, which is normalized ("6 tháng" → "6thang"). */
  args: string[];
  /** The bot addressed in "/nhap@BaoCaoBot"; in a group, a command for another bot is not ours. */
  bot?: string;
}

export type Keyword = "skip" | "back" | "keep" | "cancel";

/**
 * Canonical spellings; looselyEquals also accepts them with diacritics left out, so "huy" is
 * "hủy". "dừng" is deliberately not a keyword: typed without diacritics it is "dung", which
 * officers also type for "đúng" (yes) when answering a yes/no question.
 */
const KEYWORDS: readonly (readonly [Keyword, readonly string[]])[] = [
  ["skip", ["bỏ qua", "bỏ", "skip"]],
  ["back", ["quay lại", "lùi", "back"]],
  ["keep", ["giữ nguyên", "như cũ"]],
  ["cancel", ["hủy"]],
];

/** "nhap" or "báo cáo", then optionally "@BotName". */
const COMMAND_HEAD = /^([^@\s]+(?: [^@\s]+)?)(?:@(\w+))?$/;

/** Only text starting with "/" is a command; anything else is an answer. */
export function parseCommand(text: string): Command | null {
  const s = text.normalize("NFC").trim();
  if (!s.startsWith("/")) return null;
  const words = s.slice(1).split(/\s+/);
  // Two words first, to join "báo cáo"; an unknown pair is a one-word command and an argument.
  for (const count of [2, 1]) {
    const head = COMMAND_HEAD.exec(words.slice(0, count).join(" "));
    if (words.length < count || head === null) continue;
    const name = normalizeForMatch(head[1] ?? "").replace(/ /g, "");
    if (count === 2 && !(COMMAND_NAMES as readonly string[]).includes(name)) continue;
    // Telegram command names are [a-z0-9_]; "/12/5" or "//" are not commands.
    if (!/^[a-z0-9_]+$/.test(name)) return null;
    const rest = words.slice(count).filter((w) => w !== "");
    const args = name === "baocao" ? normalizeReportKind(rest) : rest;
    return head[2] === undefined ? { name, args } : { name, args, bot: head[2] };
  }
  return null;
}

/** A steering word typed during an interview instead of an answer, or null. */
export function matchKeyword(text: string): Keyword | null {
  const s = text.trim().replace(/[.!]+$/, "");
  const found = KEYWORDS.find(([, words]) => words.some((w) => looselyEquals(s, w)));
  return found === undefined ? null : found[0];
}

/** "tháng" → "thang", "6 tháng" / "6tháng" → "6thang"; what follows (a past period) is kept as typed. */
function normalizeReportKind(args: string[]): string[] {
  const first = normalizeForMatch(args[0] ?? "");
  const second = normalizeForMatch(args[1] ?? "");
  if ((first === "6" || first === "9") && second === "thang") return [`${first}thang`, ...args.slice(2)];
  if ((REPORT_KINDS as readonly string[]).includes(first)) return [first, ...args.slice(1)];
  return args;
}
