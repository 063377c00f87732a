/**
 * What a leader asks for with `/baocao <kỳ> [thời gian] [file]`: the report kind, optionally
 * which period ("10/2026" for a month, "3/2026" for a quarter, "2026" for a year), and whether
 * the compiled document is wanted instead of the chat digest.
 */
import { REPORT_KINDS } from "../domain/parse-command.js";
import { maxPeriodNumber } from "../domain/period-label.js";
import type { PeriodKind } from "../domain/template.js";

export interface PeriodQuery {
  kind: PeriodKind;
  year?: number;
  number?: number;
  file: boolean;
}

export type PeriodQueryResult = { ok: true; query: PeriodQuery } | { ok: false; error: "kind" | "when" };

export function parsePeriodQuery(args: string[]): PeriodQueryResult {
  const [kindArg, ...rest] = args;
  const kind = REPORT_KINDS.find((k) => k === kindArg);
  if (!kind) return { ok: false, error: "kind" };
  const file = rest.some((a) => /^(file|tep|tệp|docx|word)$/i.test(a));
  const when = rest.filter((a) => !/^(file|tep|tệp|docx|word)$/i.test(a));
  if (when.length === 0) return { ok: true, query: { kind, file } };
  if (when.length > 1) return { ok: false, error: "when" };
  const single = maxPeriodNumber(kind) === 1;
  const match = single ? /^(\d{4})$/.exec(when[0]!) : /^(\d{1,2})[/-](\d{4})$/.exec(when[0]!);
  if (!match) return { ok: false, error: "when" };
  const number = single ? 1 : Number(match[1]);
  const year = Number(single ? match[1] : match[2]);
  if (number < 1 || number > maxPeriodNumber(kind) || year < 2000 || year > 2100) return { ok: false, error: "when" };
  return { ok: true, query: { kind, year, number, file } };
}
