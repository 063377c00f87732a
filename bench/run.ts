/**
 * `npm run bench`: every benchmark, one table; each row next to a baseline measured in the same
 * run, and their ratio (what stays comparable on a noisy shared machine).
 *
 *   npm run bench                                  everything (~7-9 min on 2 cores with PostgreSQL)
 *   npm run bench -- --only interview,report       a subset (ids: see --list)
 *   npm run bench -- --compare bench/results/previous.json
 *   npm run bench -- --out bench/results/x.json    where the results go (default bench/results/latest.json)
 *   npm run bench -- --profile                     bot processes run with --cpu-prof; a summary is printed
 *
 * PostgreSQL rows (interview on PostgreSQL, scale-out) run when TEST_DATABASE_URL is set,
 * e.g. postgresql://postgres@127.0.0.1:5432/test (each run gets a fresh schema, dropped after).
 */
import { setMaxListeners } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/paths.js";
import { readResults, renderComparison, type ResultsFile } from "./compare.js";
import { engine } from "./engine.js";
import { interview } from "./interview.js";
import { memory } from "./memory.js";
import { parsing } from "./parsing.js";
import { summariseDir } from "./profile.js";
import { reminderFanout } from "./reminder-fanout.js";
import { reportBuild } from "./report-build.js";
import { scaleOut } from "./scale-out.js";
import { ratioOf, renderTable } from "./table.js";
import type { BenchContext, Benchmark, Row } from "./types.js";

/** In table order. Memory comes last: it reuses the peak rss measured under the interview load. */
const BENCHMARKS: Benchmark[] = [
  parsing,
  engine,
  interview,
  scaleOut,
  reportBuild,
  reminderFanout,
  memory,
];

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    compare: { type: "string" },
    out: { type: "string" },
    profile: { type: "boolean", default: false },
    list: { type: "boolean", default: false },
  },
});

if (values.list) {
  for (const b of BENCHMARKS) console.log(`${b.id.padEnd(10)} ${b.title}`);
  process.exit(0);
}

const only = values.only?.split(",").map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((id) => !BENCHMARKS.some((b) => b.id === id)) ?? [];
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${BENCHMARKS.map((b) => b.id).join(", ")}`);
  process.exit(2);
}
const previous: ResultsFile | undefined = values.compare ? readResults(values.compare) : undefined;
const selected = BENCHMARKS.filter((b) => !only || only.includes(b.id));

// Many concurrent webhook deliveries share one AbortSignal in the fake server: not a leak.
setMaxListeners(0);

const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
const ctx: BenchContext = {
  postgresUrl: process.env.TEST_DATABASE_URL || undefined,
  profileDir: values.profile ? join(PROJECT_ROOT, "bench", "results", "profiles", stamp) : undefined,
  shared: new Map(),
  log: (line) => process.stderr.write(`${line}\n`),
};

const rows: Row[] = [];
const failures: string[] = [];
const t0 = performance.now();
for (const b of selected) {
  const t = performance.now();
  ctx.log(`▶ ${b.title}`);
  try {
    rows.push(...(await b.run(ctx)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`${b.id}: ${message}`);
    ctx.log(`✖ ${b.id} FAILED: ${error instanceof Error ? (error.stack ?? message) : message}`);
    rows.push({ id: `${b.id}.failed`, name: b.title, value: Number.NaN, unit: "", better: "higher", skipped: `FAILED: ${message.split("\n")[0]}` });
  }
  ctx.log(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
const seconds = (performance.now() - t0) / 1000;

console.log(renderTable(rows));
const whole = Math.round(seconds);
console.log(`\nTotal ${Math.floor(whole / 60)} min ${whole % 60} s${ctx.postgresUrl ? "" : " (PostgreSQL rows skipped: TEST_DATABASE_URL is not set)"}.`);

const out = values.out ?? join(PROJECT_ROOT, "bench", "results", "latest.json");
const results: ResultsFile = {
  startedAt: startedAt.toISOString(),
  seconds,
  node: process.version,
  postgres: Boolean(ctx.postgresUrl),
  rows: rows.map((r) => ({ ...r, ratio: ratioOf(r) })),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Results written to ${out}`);

if (previous) console.log(`\n${renderComparison(rows, previous, values.compare!)}`);
if (ctx.profileDir) {
  try {
    console.log(`\nCPU profiles (${ctx.profileDir}):\n${summariseDir(ctx.profileDir)}`);
  } catch (error) {
    console.log(`\nNo CPU profile summary: ${String(error)}`);
  }
}
if (failures.length) {
  console.error(`\n${failures.length} benchmark(s) FAILED:\n${failures.map((f) => `  ${f}`).join("\n")}`);
  process.exit(1);
}
// Child processes and pools are closed; exit anyway in case a library keeps a handle open.
process.exit(0);
