/**
 * An officer's answer through the conversation engine in this process (transaction, idempotency
 * row, answer + revision, next question) vs. bare Prisma transactions on the same SQLite file.
 * No HTTP, no grammY: the engine and the database alone. The load runs in blocks, each followed
 * by as many bare transactions as the block had engine messages, each of INSERTS_PER_TX inserts
 * (an answer is one transaction of about that many statements); the first block warms up and is
 * not counted; ratios are medians of the per-block ratios.
 * Why transactions of several inserts, not single inserts: a single insert is almost all COMMIT
 * fsync, an engine message mostly CPU, and the disk's and the CPU's speed change independently
 * on this machine: against single inserts the ratio moved by a fifth between back-to-back runs
 * while the engine's own rate moved by 5 %.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createCore } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { median, percentile } from "./stats.js";
import type { Benchmark, Row } from "./types.js";

/** Statements in one baseline transaction: an answer costs 11 queries in one transaction. */
const INSERTS_PER_TX = 10;

export const engine: Benchmark = {
  id: "engine",
  title: "conversation engine vs bare transactions",
  async run() {
    const dir = mkdtempSync(join(tmpdir(), "baocao-bench-"));
    const url = `file:${join(dir, "bench.db")}`;
    const core = await createCore(loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" }), createLogger("silent"));
    try {
      const db = core.database.db;
      const version = await db.templateVersion.findFirstOrThrow({ include: { sections: { include: { questions: true } } } });
      const unit = await db.unit.create({ data: { code: "bench", name: "Bench" } });
      await db.invite.create({ data: { unitId: unit.id, code: "BENCH1", role: "officer", maxUses: 1000 } });
      const officers = 20;
      const periods = [];
      for (let p = 1; p <= officers; p++) {
        periods.push(await db.period.create({ data: { unitId: unit.id, templateVersionId: version.id, kind: "thang", year: 2000 + p, number: 1, startsOn: "x", endsOn: "x", deadline: new Date() } }));
      }
      const say = (user: number, text: string) =>
        core.engine.handle({ channel: "console", updateKey: randomUUID(), chat: { externalId: String(user), kind: "private" }, user: { externalId: String(user), displayName: `U${user}` }, text });
      const economy = version.sections.find((s) => s.key === "kinh-te-ngan-sach")!;
      for (let u = 0; u < officers; u++) {
        await say(u, "/start BENCH1");
        const member = await db.identity.findUniqueOrThrow({ where: { channel_externalUserId: { channel: "console", externalUserId: String(u) } } });
        await db.assignment.create({ data: { periodId: periods[u]!.id, sectionId: economy.id, memberId: member.memberId } });
        await say(u, "/nhap");
      }
      // Each officer answers the first question again and again ("quay lại" + value), as fast as the engine allows.
      const question = economy.questions[0]!;
      // Block 0 warms up (JIT, SQLite page cache) and is not counted.
      const blocks = 6;
      const roundsPerBlock = 3;
      const perBlock = officers * roundsPerBlock * 2;
      const blockRows: { throughput: number; p50: number; p95: number; txPerSecond: number; txMs: number }[] = [];
      for (let b = 0; b < blocks; b++) {
        const latencies: number[] = [];
        const start = performance.now();
        await Promise.all(
          Array.from({ length: officers }, async (_, u) => {
            for (let r = 0; r < roundsPerBlock; r++) {
              const t0 = performance.now();
              await say(u, `${5 + b * roundsPerBlock + r},67 tỷ`);
              latencies.push(performance.now() - t0);
              await say(u, "quay lại");
            }
          }),
        );
        const seconds = (performance.now() - start) / 1000;
        const b0 = performance.now();
        for (let i = 0; i < perBlock; i++) {
          await db.$transaction(Array.from({ length: INSERTS_PER_TX }, (_, k) => db.auditLog.create({ data: { action: "bench", detail: { i, k, questionId: question.id } } })));
        }
        const baseSeconds = (performance.now() - b0) / 1000;
        if (b === 0) continue;
        blockRows.push({ throughput: perBlock / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), txPerSecond: perBlock / baseSeconds, txMs: (baseSeconds * 1000) / perBlock });
      }
      const med = (f: (r: (typeof blockRows)[number]) => number) => median(blockRows.map(f));
      const baselineLabel = `bare Prisma transactions of ${INSERTS_PER_TX} inserts into the same SQLite file, one per engine message, after each block of engine load (latency rows: ms per transaction)`;
      const row = (id: string, name: string, value: (r: (typeof blockRows)[number]) => number, base: (r: (typeof blockRows)[number]) => number, unit: string, better: "higher" | "lower"): Row => ({
        id,
        name,
        value: med(value),
        unit,
        baseline: med(base),
        ratio: med((r) => value(r) / base(r)),
        better,
        baselineLabel,
      });
      return [
        row("engine.throughput", `engine messages/s (${officers} officers at once, SQLite, in process)`, (r) => r.throughput, (r) => r.txPerSecond, "/s", "higher"),
        row("engine.p50", "engine answer latency p50 (ms)", (r) => r.p50, (r) => r.txMs, "ms", "lower"),
        row("engine.p95", "engine answer latency p95 (ms)", (r) => r.p95, (r) => r.txMs, "ms", "lower"),
      ];
    } finally {
      await core.database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
