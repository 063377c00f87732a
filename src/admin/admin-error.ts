/**
 * A mistake by the person running an admin operation (unknown unit, bad role, period already
 * open...). It carries a locale key and parameters rather than a sentence, so the command line
 * prints it in the configured language, and callers can tell it apart from a real failure.
 */
import { periodLabel, type PeriodRef } from "../domain/period-label.js";
import type { MessageKey, Translate } from "../i18n.js";

/** A list is shown joined with commas; a period is named the way reports name it ("tháng 11/2026"). */
export type AdminParam = string | number | readonly string[] | PeriodRef;

export class AdminError extends Error {
  override name = "AdminError";

  constructor(
    readonly key: MessageKey,
    readonly params: Readonly<Record<string, AdminParam>> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }

  /** The message in the translator's language. */
  render(t: Translate): string {
    const filled = Object.fromEntries(Object.entries(this.params).map(([name, value]) => [name, renderParam(value, t)]));
    return t(this.key, filled);
  }
}

function renderParam(value: AdminParam, t: Translate): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if (isPeriodRef(value)) return periodLabel(value, t);
  return value.join(", ");
}

function isPeriodRef(value: readonly string[] | PeriodRef): value is PeriodRef {
  return !Array.isArray(value);
}
