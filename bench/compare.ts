/**
 * `npm run bench -- --compare previous.json`: the change of every row against an earlier run.
 * The ratio (value / same-run baseline) is what is compared: it cancels most of a shared
 * machine's mood. The raw value's change is shown next to it.
 */
import { readFileSync } from "node:fs";
import { formatRatio, formatValue, ratioOf } from "./table.js";
import type { Row } from "./types.js";

export interface ResultsFile {
  startedAt: string;
  seconds: number;
  node: string;
  postgres: boolean;
  rows: (Row & { ratio?: number })[];
}

export function readResults(path: string): ResultsFile {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as ResultsFile;
  if (!Array.isArray(parsed.rows)) throw new Error(`${path} is not a bench results file (no rows)`);
  return parsed;
}

const pct = (now: number, before: number) => {
  const change = (now / before - 1) * 100;
  return `${change >= 0 ? "+" : ""}${change.toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
};

/** Run to run, ratios move by up to this much on this machine: only a larger change is called out. */
const STEADY_BAND = 0.2;

export function renderComparison(rows: Row[], previous: ResultsFile, label: string): string {
  const before = new Map(previous.rows.map((r) => [r.id, r]));
  const lines = [`Compared with ${label} (${previous.startedAt}):`, "", "| benchmark | ratio before | ratio now | ratio change | value change | |", "|---|---:|---:|---:|---:|---|"];
  let compared = 0;
  let steady = 0;
  for (const r of rows) {
    const b = before.get(r.id);
    if (r.skipped || !b || b.skipped) {
      lines.push(`| ${r.name} | ${b && !b.skipped ? formatRatio(ratioOf(b)) : "—"} | ${r.skipped ? "skipped" : formatRatio(ratioOf(r))} | | | ${b ? "" : "new row"} |`);
      continue;
    }
    const [rb, rn] = [ratioOf(b), ratioOf(r)];
    const ratioChange = rb !== undefined && rn !== undefined ? pct(rn, rb) : "—";
    let verdict = "";
    if (rb !== undefined && rn !== undefined) {
      const change = rn / rb - 1;
      compared++;
      if (Math.abs(change) > STEADY_BAND) verdict = (change > 0) === (r.better === "higher") ? "better" : "worse";
      else steady++;
    }
    lines.push(`| ${r.name} | ${formatRatio(rb)} | ${formatRatio(rn)} | ${ratioChange} | ${pct(r.value, b.value)} (${formatValue(b.value, b.unit)} → ${formatValue(r.value, r.unit)}) | ${verdict} |`);
  }
  lines.push("", `${steady} of ${compared} ratios within ${STEADY_BAND * 100} % of the earlier run.`);
  const gone = previous.rows.filter((p) => !rows.some((r) => r.id === p.id));
  if (gone.length) lines.push("", gone.length <= 5 ? `Not measured this time: ${gone.map((g) => g.name).join("; ")}` : `${gone.length} rows of the earlier run were not measured this time (--only?).`);
  return lines.join("\n");
}
