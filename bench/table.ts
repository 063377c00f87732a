/** The printed table: value, baseline and ratio per row, numbers in Vietnamese format like the README. */
import type { Row } from "./types.js";

const vi = (n: number, digits: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: digits });

export function formatValue(n: number | undefined, unit = ""): string {
  if (n === undefined || Number.isNaN(n)) return "—";
  if (unit === "MB") return vi(n / 1e6, 1);
  return vi(n, Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 1 ? 1 : 3);
}

export function formatRatio(r: number | undefined): string {
  return r === undefined || !Number.isFinite(r) ? "—" : r.toLocaleString("vi-VN", { maximumSignificantDigits: 3 });
}

export function ratioOf(row: Row): number | undefined {
  if (row.skipped) return undefined;
  if (row.ratio !== undefined) return row.ratio;
  return row.baseline === undefined || row.baseline === 0 ? undefined : row.value / row.baseline;
}

export function renderTable(rows: Row[]): string {
  const lines = ["| benchmark | value | baseline | ratio |", "|---|---:|---:|---:|"];
  for (const r of rows) {
    if (r.skipped) lines.push(`| ${r.name} | skipped: ${r.skipped} | | |`);
    else lines.push(`| ${r.name} | ${formatValue(r.value, r.unit)} | ${formatValue(r.baseline, r.unit)} | ${formatRatio(ratioOf(r))} |`);
  }
  const baselines = [...new Set(rows.flatMap((r) => (r.baselineLabel && !r.skipped ? [`${r.id.split(".")[0]}: ${r.baselineLabel}`] : [])))];
  if (baselines.length) lines.push("", "Baselines (measured in this run):", ...baselines.map((b) => `- ${b}`));
  return lines.join("\n");
}
