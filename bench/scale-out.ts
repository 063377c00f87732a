/**
 * Row 2: scale-out. One, two and three bot processes (src/main.ts, webhook mode), each set on its
 * own fresh PostgreSQL schema, fed by a load generator that POSTs the officers' updates to the
 * processes of a set round-robin (an officer's next update usually lands on another process).
 * The three sets are alive at the same time and take turns, round by round, so that all three
 * see the same machine; the ratio is the median of the per-round ratios to the one-process set.
 *
 * After the rounds, every 10th update is delivered a second time to another process of its set,
 * as Telegram does after a timeout, and each schema must hold exactly one Answer and one
 * AnswerRevision per acknowledged answer and one ProcessedUpdate per distinct update, and no
 * reply may have been sent for a redelivery. Any difference fails the benchmark.
 * Needs TEST_DATABASE_URL (SQLite is one writer on one machine: not a scale-out target).
 */
import { performance } from "node:perf_hooks";
import { TEST_TOKEN, WEBHOOK_SECRET } from "../test/support/bot-harness.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { freshDatabase, type BenchDatabase } from "./databases.js";
import { PER_UNIT, UNITS } from "./interview.js";
import { drive, seedOfficers, type SeededLoad } from "./load.js";
import { startBotProcess, type BotProcess } from "./processes.js";
import { median, sleep } from "./stats.js";
import type { BenchContext, Benchmark, Row } from "./types.js";

const COUNTS = [1, 2, 3];
const ROUNDS = 4;
const PER_ROUND = 150;
/** Enough that each process of the three-process set has handled ~60 updates before the rounds. */
const WARMUP = { officers: 90, answers: 2 };
const REDELIVER_EVERY = 10;

interface ProcessSet {
  n: number;
  fake: FakeTelegram;
  bench: BenchDatabase;
  load: SeededLoad;
  procs: BotProcess[];
  accepted: number;
  /** update id → the process it went to and the update itself (for redelivery). */
  sent: Map<number, { process: number; update: object }>;
  next: number;
}

async function startSet(n: number, log: (l: string) => void): Promise<ProcessSet> {
  const fake = await FakeTelegram.start({ token: TEST_TOKEN });
  const bench = await freshDatabase("postgresql");
  const set: ProcessSet = { n, fake, bench, load: { officers: [], byLabel: [] }, procs: [], accepted: 0, sent: new Map(), next: 0 };
  try {
    set.load = await seedOfficers(bench.database.db, UNITS, PER_UNIT);
    for (let i = 0; i < n; i++) set.procs.push(await startBotProcess(fake, bench.url, "webhook", { tag: `bot-${i + 1}of${n}` }));
    // Each process registered its own webhook with the fake; the load generator delivers instead.
    fake.webhook = undefined;
    log(`  ${n} process${n > 1 ? "es" : ""} up on ${bench.url.replace(/^.*schema=/, "schema ")}`);
    return set;
  } catch (error) {
    await stopSet(set);
    throw error;
  }
}

async function stopSet(set: ProcessSet): Promise<void> {
  await Promise.all(set.procs.map((p) => p.stop()));
  await set.bench.dispose();
  await set.fake.stop();
}

function post(set: ProcessSet) {
  return async (update: object, updateId: number) => {
    const p = set.next++ % set.n;
    set.sent.set(updateId, { process: p, update });
    set.fake.updateTimes.get(updateId)!.postedAt = performance.now();
    const status = await set.fake.deliverTo(set.procs[p]!.webhookUrl, update, { secret: WEBHOOK_SECRET });
    if (status !== 200) throw new Error(`process ${p + 1} of ${set.n} answered ${status} to update ${updateId}`);
  };
}

async function round(set: ProcessSet, from: number, count: number, answers: number): Promise<number> {
  const r = await drive({ fake: set.fake, load: set.load, officers: set.load.officers.slice(from, from + count), answersEach: answers, expect: "bot", post: post(set), clock: "posted" });
  if (r.rejected > 0) throw new Error(`${set.n} process(es): ${r.rejected} answers not saved: ${r.rejectedSamples.join("; ")}`);
  set.accepted += r.replies;
  return r.throughput;
}

/** Redelivers every 10th update to another process, then compares the database with what was acknowledged. */
async function check(set: ProcessSet): Promise<string> {
  const ids = [...set.sent.keys()];
  const again = ids.filter((_, i) => i % REDELIVER_EVERY === 0);
  const sentBefore = set.fake.sent.length;
  await Promise.all(
    again.map(async (id) => {
      const first = set.sent.get(id)!;
      const p = (first.process + 1) % set.n;
      const status = await set.fake.deliverTo(set.procs[p]!.webhookUrl, first.update, { secret: WEBHOOK_SECRET });
      if (status !== 200) throw new Error(`redelivery of update ${id} to process ${p + 1} of ${set.n}: HTTP ${status}`);
    }),
  );
  await sleep(500);
  const extra = set.fake.sent.length - sentBefore;
  const db = set.bench.database.db;
  const [answers, revisions, processed] = [await db.answer.count(), await db.answerRevision.count(), await db.processedUpdate.count()];
  const problems = [
    answers !== set.accepted && `${answers} Answer rows for ${set.accepted} acknowledged answers`,
    revisions !== set.accepted && `${revisions} AnswerRevision rows for ${set.accepted} acknowledged answers`,
    processed !== ids.length && `${processed} ProcessedUpdate rows for ${ids.length} distinct updates`,
    extra !== 0 && `${extra} replies sent to ${again.length} redelivered updates`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`scale-out with ${set.n} process(es): answers lost or doubled: ${problems.join("; ")}`);
  return `${set.n} process(es): ${set.accepted} answers acknowledged = ${answers} Answer = ${revisions} AnswerRevision rows; ${ids.length} updates (${again.length} delivered twice) = ${processed} ProcessedUpdate rows`;
}

const label = (n: number) => `scale-out: ${n} process${n > 1 ? "es" : ""}, webhook, PostgreSQL, ${PER_ROUND} officers × 1 answer at once, ${ROUNDS} rounds, round-robin (updates/s)`;

export const scaleOut: Benchmark = {
  id: "scale-out",
  title: "Scale-out: bot processes in webhook mode on one PostgreSQL",
  async run(ctx: BenchContext) {
    if (!ctx.postgresUrl) {
      return COUNTS.map((n): Row => ({ id: `scale-out.${n}.throughput`, name: label(n), value: Number.NaN, unit: "/s", better: "higher", skipped: "needs PostgreSQL: set TEST_DATABASE_URL" }));
    }
    const sets: ProcessSet[] = [];
    try {
      for (const n of COUNTS) sets.push(await startSet(n, ctx.log));
      const last = UNITS * PER_UNIT;
      for (const set of sets) await round(set, last - WARMUP.officers, WARMUP.officers, WARMUP.answers);
      const thr = new Map<number, number[]>(COUNTS.map((n) => [n, []]));
      for (let r = 0; r < ROUNDS; r++) {
        // Rotate who goes first, so no set always meets the machine in the same state.
        for (let i = 0; i < sets.length; i++) {
          const set = sets[(i + r) % sets.length]!;
          thr.get(set.n)!.push(await round(set, r * PER_ROUND, PER_ROUND, 1));
        }
        ctx.log(`  round ${r + 1}: ${COUNTS.map((n) => `${n}: ${thr.get(n)!.at(-1)!.toFixed(1)}/s`).join(", ")}`);
      }
      await sleep(1000);
      for (const set of sets) ctx.log(`  ${await check(set)}`);
      const one = thr.get(1)!;
      return COUNTS.map((n): Row => {
        const mine = thr.get(n)!;
        return {
          id: `scale-out.${n}.throughput`,
          name: label(n),
          value: median(mine),
          unit: "/s",
          baseline: median(one),
          ratio: median(mine.map((v, r) => v / one[r]!)),
          better: "higher",
          baselineLabel: "the same rounds on one process, run in turn with the others (ratio: median of per-round ratios)",
        };
      });
    } finally {
      for (const set of sets) {
        await Promise.all(set.procs.map((p) => p.stop()));
        for (const p of set.procs) for (const line of p.logSummary()) ctx.log(`  ${line}`);
      }
      for (const set of sets) {
        await set.bench.dispose();
        await set.fake.stop();
      }
    }
  },
};
