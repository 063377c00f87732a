/**
 * Figures written the way Vietnamese reports write them: "1.234.567,5", "5.670.000.000 đồng",
 * "5,67 tỷ đồng", "68,4%", "12/05/2023". Node's ICU vi-VN locale produces exactly these
 * separators (dot for thousands, also in four-digit numbers, comma for decimals, ASCII minus).
 */

const formatters = new Map<string, Intl.NumberFormat>();

/** Builds each Intl formatter once: constructing them costs far more than formatting. */
function formatter(minFractionDigits: number, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${minFractionDigits}:${maxFractionDigits}`;
  let f = formatters.get(key);
  if (f === undefined) {
    // signDisplay "negative" keeps the minus off zero: -0 and -0.001 both print "0".
    f = new Intl.NumberFormat("vi-VN", {
      minimumFractionDigits: minFractionDigits,
      maximumFractionDigits: maxFractionDigits,
      signDisplay: "negative",
    });
    formatters.set(key, f);
  }
  return f;
}

/** "1.234.567,5": at most `maxFractionDigits` decimals, no trailing zeros. */
export function formatNumber(n: number, maxFractionDigits = 2): string {
  return formatter(0, maxFractionDigits).format(n);
}

/** "5.670.000.000 đồng", in whole đồng. */
export function formatMoney(dong: number): string {
  return `${formatNumber(Math.round(dong), 0)} đồng`;
}

/**
 * "5,67 tỷ đồng", "158,5 triệu đồng", "950.000 đồng": short enough for a chat summary.
 * The scale is chosen after rounding, so 999.999.999 đồng reads "1 tỷ đồng", not "1.000 triệu đồng".
 */
export function formatMoneyShort(dong: number): string {
  const whole = Math.round(dong);
  const millions = whole / 1e6;
  if (Math.abs(Math.round(millions * 100) / 100) >= 1000) return `${formatNumber(whole / 1e9)} tỷ đồng`;
  if (Math.abs(whole) >= 1e6) return `${formatNumber(millions)} triệu đồng`;
  return formatMoney(whole);
}

/** "68,4%", "52,0%": always `digits` decimals, so a column of percentages lines up. */
export function formatPercent(p: number, digits = 1): string {
  return `${formatter(digits, digits).format(p)}%`;
}

/** "52%", "68,4%": like formatPercent without trailing zeros, for running text. */
export function formatPercentCompact(p: number, digits = 1): string {
  return `${formatNumber(p, digits)}%`;
}

/**
 * "2023-05-12" → "12/05/2023". Anything that is not an ISO date is returned unchanged: a
 * reply showing the raw value beats a reply that never comes.
 */
export function formatDateVn(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? iso : `${m[3]}/${m[2]}/${m[1]}`;
}

/** "15.331,4 m²", "28 hồ sơ". */
export function formatQuantity(n: number, unit: string): string {
  const number = formatNumber(n);
  return unit.trim() === "" ? number : `${number} ${unit.trim()}`;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as officers read it in their time zone: "17:00 18/11/2026". */
export function formatDateTimeVn(instant: Date, timeZone: string): string {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric", hourCycle: "h23" });
    dateTimeFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")}:${get("minute")} ${get("day")}/${get("month")}/${get("year")}`;
}
