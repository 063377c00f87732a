/**
 * Row 1: interview throughput and latency. Simulated officers answer the default monthly
 * template through the real entry point (src/main.ts: createCore + the Telegram channel) in a
 * child process, on a real database, against the fake Telegram Bot API server over HTTP, in
 * long-polling and in webhook mode. Latency is taken at the fake server: from the moment the
 * update was available (queued for getUpdates / POSTed to the webhook) to the moment the bot's
 * sendMessage request arrived there.
 *
 * Baseline: a bare grammY bot that echoes (bench/echo-bot.ts), with the same officers and texts,
 * against its own instance of the same fake server, alive during the whole configuration and run
 * alternately with the real bot: every round of the real bot is preceded by echo runs of the same
 * officers, so both see the same machine (this one is shared). An echo run has every officer
 * answer ECHO_ANSWERS times in a row, in the same closed loop: one answer each was over in
 * 30-300 ms, and runs that short measured start-up (the first poll, connections, JIT) more than
 * the echo bot; between two back-to-back benchmark runs their medians moved by up to 40 %.
 * For the 100-officer rounds the ratio is the median of the per-round ratios; value and baseline
 * are the medians of the rounds.
 *
 * Scaled down to fit the 10-minute budget on 2 cores (~50-100 answers/s): the 100 officers answer
 * in ROUNDS rounds of one answer each (everyone at once, the next round when all have their
 * reply); the 1,000 officers answer all at once, in BURSTS bursts of one answer each, every
 * burst between two echo comparison points, and are compared with the median of all their echo runs.
 * The labels say so. One bot process and one fresh database per configuration (SQLite /
 * PostgreSQL × polling / webhook); the 1,000-officer bursts follow the 100-officer rounds in the
 * same process.
 */
import { TEST_TOKEN } from "../test/support/bot-harness.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { dbLabel, freshDatabase, type DbKind } from "./databases.js";
import { drive, latencySummary, seedOfficers, type DriveResult, type Officer } from "./load.js";
import { sampleRss, startBotProcess, startEchoProcess, waitQuiet, type BotProcess, type Mode } from "./processes.js";
import { median, sleep } from "./stats.js";
import type { BenchContext, Benchmark, Row } from "./types.js";

/** The units of the 1,000-officer bursts (also the scale of the scale-out and memory rows). */
export const UNITS = 100;
export const PER_UNIT = 10;
/** Rounds of the 100-officer load (one answer per officer per round). */
export const ROUNDS = 6;
/** Bursts of the 1,000-officer load (one answer per officer each), each between two echo comparison points. */
export const BURSTS = 3;
/** Echo runs per comparison point. */
const ECHO_RUNS = 3;
/** Answers per officer in one echo run: ~600 and ~2,000 replies, 0,1-0,3 s and 0,3-1,3 s (polling-webhook). */
const ECHO_ANSWERS = { small: 6, big: 2 };
export const SMALL = { officers: 100, units: 10 };
export const BIG = { officers: UNITS * PER_UNIT, units: UNITS };
/**
 * The 100-officer rounds alternate between two sets of their own, so that nobody answers more
 * than ROUNDS / 2 + BURSTS questions (the fewest an officer owns in the template is 4) and every
 * round and burst has its full count.
 */
const SMALL_SETS = 2;
/** Officers of their own, answering before anything is measured (JIT, caches). */
const WARMUP = { officers: 100, answers: 2 };
/**
 * Echo runs of the 1,000 officers before anything is measured: the echo bot and the fake server
 * took ~5 such runs (10,000 replies) to reach their steady rate (JIT), 1.700 → 7.000 replies/s;
 * with fewer, the first comparison points of a configuration measured a colder echo bot than the last.
 */
const ECHO_WARMUP_RUNS = 5;
/** Seeded per configuration: the bursts' units, then the small sets', then the warm-up's. */
const SEEDED_UNITS = UNITS + (SMALL_SETS * SMALL.officers + WARMUP.officers) / PER_UNIT;

interface Measured {
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}
const METRICS = ["throughput", "p50", "p95", "p99"] as const;

function measured(r: DriveResult): Measured {
  return { throughput: r.throughput, ...latencySummary(r.latencies) };
}

/** Fresh copies for the echo bot: the same officers and questions, nobody has answered yet. */
const fresh = (officers: Officer[]) => officers.map((o) => ({ ...o, onScreen: o.questions[0]?.label, answered: 0 }));

export interface ConfigResult {
  /** Per metric: bot value, echo baseline, ratio. */
  small: Record<(typeof METRICS)[number], { value: number; baseline: number; ratio: number }>;
  big: Record<(typeof METRICS)[number], { value: number; baseline: number; ratio: number }>;
  peakRss: number;
}

async function runConfig(ctx: BenchContext, kind: DbKind, mode: Mode): Promise<ConfigResult> {
  // Webhook deliveries are capped at max_connections (40) like Telegram's; latency starts at the POST.
  const botFake = await FakeTelegram.start({ token: TEST_TOKEN, limitWebhookConnections: true });
  const echoFake = await FakeTelegram.start({ token: TEST_TOKEN, limitWebhookConnections: true });
  const bench = await freshDatabase(kind);
  const procs: BotProcess[] = [];
  const clock = mode === "webhook" ? "posted" : "queued";
  try {
    const load = await seedOfficers(bench.database.db, SEEDED_UNITS, PER_UNIT);
    const bot = await startBotProcess(botFake, bench.url, mode, { profileDir: ctx.profileDir, tag: `bot-${kind}-${mode}` });
    procs.push(bot);
    const echo = await startEchoProcess(echoFake, mode);
    procs.push(echo);
    const runBot = (officers: Officer[], answersEach: number) => drive({ fake: botFake, load, officers, answersEach, expect: "bot", clock });
    const runEcho = (officers: Officer[], answersEach: number) => drive({ fake: echoFake, load, officers: fresh(officers), answersEach, expect: "echo", clock });
    let accepted = 0;
    const count = (r: DriveResult) => {
      if (r.rejected > 0) throw new Error(`${dbLabel(kind)} ${mode}: ${r.rejected} answers were not saved, e.g. ${r.rejectedSamples.join("; ")}`);
      accepted += r.replies;
      return r;
    };

    const big = load.officers.slice(0, BIG.officers);
    const smallSets = Array.from({ length: SMALL_SETS }, (_, i) => load.officers.slice(BIG.officers + i * SMALL.officers, BIG.officers + (i + 1) * SMALL.officers));
    count(await runBot(load.officers.slice(BIG.officers + SMALL_SETS * SMALL.officers), WARMUP.answers));
    for (let i = 0; i < ECHO_WARMUP_RUNS; i++) await runEcho(big, ECHO_ANSWERS.big);

    const sampler = sampleRss(bot.child.pid!);
    // Each comparison point is ECHO_RUNS echo runs: one run still varies by a fifth from the next.
    const echoPoint = async (officers: Officer[], answersEach: number) => {
      const runs: Measured[] = [];
      for (let i = 0; i < ECHO_RUNS; i++) runs.push(measured(await runEcho(officers, answersEach)));
      return runs;
    };
    /** How long each wait for a quiet machine took after a round or burst (printed). */
    const waited: number[] = [];
    const rounds: { bot: Measured; echo: Measured }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const small = smallSets[r % SMALL_SETS]!;
      const runs = await echoPoint(small, ECHO_ANSWERS.small);
      const e = Object.fromEntries(METRICS.map((m) => [m, median(runs.map((x) => x[m]))])) as unknown as Measured;
      const b = measured(count(await runBot(small, 1)));
      waited.push(await waitQuiet());
      rounds.push({ bot: b, echo: e });
    }
    // The bursts, each between two echo comparison points; the baseline is the median of every echo run around them.
    const echoes: Measured[] = await echoPoint(big, ECHO_ANSWERS.big);
    const bursts: Measured[] = [];
    for (let b = 0; b < BURSTS; b++) {
      bursts.push(measured(count(await runBot(big, 1))));
      waited.push(await waitQuiet());
      echoes.push(...(await echoPoint(big, ECHO_ANSWERS.big)));
    }
    const peakRss = sampler.stop().peak;

    const result = {} as ConfigResult;
    result.peakRss = peakRss;
    result.small = {} as ConfigResult["small"];
    result.big = {} as ConfigResult["big"];
    for (const m of METRICS) {
      result.small[m] = {
        value: median(rounds.map((r) => r.bot[m])),
        baseline: median(rounds.map((r) => r.echo[m])),
        ratio: median(rounds.map((r) => r.bot[m] / r.echo[m])),
      };
      // Against the median of all echo runs: a 1,000-officer echo run lasts a fraction of a second and is noisy alone.
      const value = median(bursts.map((x) => x[m]));
      const baseline = median(echoes.map((x) => x[m]));
      result.big[m] = { value, baseline, ratio: value / baseline };
    }
    ctx.log(
      `  ${dbLabel(kind)} ${mode}: ${SMALL.officers} officers ${rounds.map((r) => `${r.bot.throughput.toFixed(0)}/${r.echo.throughput.toFixed(0)}`).join(" ")} updates/s (bot/echo per round), ` +
        `${BIG.officers} officers ${bursts.map((x) => x.throughput.toFixed(1)).join(" / ")} updates/s (echo runs ${echoes.map((x) => x.throughput.toFixed(0)).join(" ")}), p50 ${bursts.map((x) => Math.round(x.p50)).join(" / ")} ms; waits for a quiet machine ${waited.map((w) => (w / 1000).toFixed(1)).join(" ")} s`,
    );

    // Replies go out before the prompt is recorded and (webhook) before the 200: let those finish.
    await sleep(1000);
    await Promise.all(procs.map((p) => p.stop()));
    for (const line of bot.logSummary()) ctx.log(`  ${line}`);
    const db = bench.database.db;
    const [answers, revisions] = [await db.answer.count(), await db.answerRevision.count()];
    if (answers !== accepted || revisions !== accepted) {
      throw new Error(`${dbLabel(kind)} ${mode}: ${accepted} answers acknowledged, but ${answers} Answer and ${revisions} AnswerRevision rows stored`);
    }
    return result;
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await bench.dispose();
    await botFake.stop();
    await echoFake.stop();
  }
}

const smallLabel = `${SMALL.officers} officers/${SMALL.units} units, ${ROUNDS} rounds × 1 answer`;
const bigLabel = `${BIG.officers.toLocaleString("en")} officers/${BIG.units} units, all at once, ${BURSTS} bursts × 1 answer`;
const metricLabel = { throughput: "(updates/s)", p50: "latency p50 (ms)", p95: "latency p95 (ms)", p99: "latency p99 (ms)" } as const;

export const interview: Benchmark = {
  id: "interview",
  title: "Interview throughput and latency (real bot process, fake Telegram over HTTP)",
  async run(ctx) {
    const rows: Row[] = [];
    const baselineLabel = `bare grammY echo bot (bench/echo-bot.ts), same officers and texts, own fake server, run alternately with the bot (${ECHO_RUNS} echo runs before each round or burst and after the last burst, each officer answering ${ECHO_ANSWERS.small} times in a row per run with 100 officers and ${ECHO_ANSWERS.big} with 1,000; medians)`;
    for (const mode of ["polling", "webhook"] as const) {
      for (const kind of ["sqlite", "postgresql"] as const) {
        const result = kind === "postgresql" && !ctx.postgresUrl ? undefined : await runConfig(ctx, kind, mode);
        if (result && kind === "sqlite" && mode === "polling") ctx.shared.set("memory.loaded.rss", result.peakRss);
        for (const [size, label] of [["small", smallLabel], ["big", bigLabel]] as const) {
          const key = `interview.${kind}.${mode}.${size === "small" ? SMALL.officers : BIG.officers}`;
          const name = `interview ${dbLabel(kind)} ${mode}, ${label}`;
          if (!result) {
            rows.push({ id: `${key}.throughput`, name: `${name} ${metricLabel.throughput}`, value: Number.NaN, unit: "/s", better: "higher", skipped: "TEST_DATABASE_URL is not set" });
            continue;
          }
          for (const m of METRICS) {
            const r = result[size][m];
            rows.push({ id: `${key}.${m}`, name: `${name} ${metricLabel[m]}`, value: r.value, unit: m === "throughput" ? "/s" : "ms", baseline: r.baseline, ratio: r.ratio, better: m === "throughput" ? "higher" : "lower", baselineLabel });
          }
        }
      }
    }
    return rows;
  },
};
