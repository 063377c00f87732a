/** What every benchmark returns: rows of the printed table and of bench/results/*.json. */

export interface Row {
  /** Stable key, used by `--compare` to match rows across runs (e.g. "interview.sqlite.polling.100.throughput"). */
  id: string;
  /** Label printed in the table; says what was scaled down, if anything. */
  name: string;
  value: number;
  unit: string;
  /** Measured in the same run (same process or same harness, same load), or undefined when there is none. */
  baseline?: number;
  /** What the baseline is, printed under the table once per benchmark. */
  baselineLabel?: string;
  /** value / baseline, unless the benchmark sets a ratio of its own (e.g. the median of per-repeat ratios). */
  ratio?: number;
  /** "higher" for throughput, "lower" for time, latency and memory: used to say "better"/"worse" in --compare. */
  better: "higher" | "lower";
  /** Set when the row was not measured (printed with the reason instead of numbers). */
  skipped?: string;
}

export interface BenchContext {
  /** Only PostgreSQL rows need this; undefined means those rows are printed as skipped. */
  postgresUrl: string | undefined;
  /** Write V8 CPU profiles of the bot processes here (`--profile`), else undefined. */
  profileDir: string | undefined;
  /** Results other benchmarks may reuse (e.g. the bot's peak rss under the interview load). */
  shared: Map<string, number>;
  log(line: string): void;
}

export interface Benchmark {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Row[]>;
}
