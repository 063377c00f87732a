/**
 * `npm run bench`: numbers for the hot paths, each next to a baseline measured in the same
 * process so that the ratio means something on a busy machine.
 *
 *  1. Parsing typed Vietnamese figures (parseMoney) vs. the JavaScript number parser on the
 *     same strings with the Vietnamese separators removed.
 *  2. An officer's answer through the conversation engine (transaction, idempotency row,
 *     answer + revision, next question) vs. a bare Prisma insert into the same database.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createCore } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { parseMoney } from "../src/domain/parse-number.js";
import { createLogger } from "../src/logger.js";

interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number;
}

function timeIt(fn: () => void, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return (performance.now() - start) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function parsing(): Promise<Row> {
  const inputs = ["5.670.000.000đ", "5,67 tỷ", "158,5 triệu", "1.234.567", "2,679 tỷ", "không", "950.000 đồng"];
  const plain = inputs.map((s) => s.replace(/[^\d,]/g, "").replace(",", "."));
  const n = 200_000;
  const ours = timeIt(() => parseMoney(inputs[Math.floor(Math.random() * inputs.length)]!), n);
  const base = timeIt(() => Number(plain[Math.floor(Math.random() * plain.length)]!), n);
  return { name: "parseMoney (inputs/s)", value: n / ours, unit: "/s", baseline: n / base };
}

async function answers(): Promise<Row[]> {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "baocao-bench-")), "bench.db")}`;
  const core = await createCore(loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" }), createLogger("silent"));
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
  const latencies: number[] = [];
  const rounds = 15;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: officers }, async (_, u) => {
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        await say(u, `${5 + r},67 tỷ`);
        latencies.push(performance.now() - t0);
        await say(u, "quay lại");
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);

  const baseN = officers * rounds * 2;
  const question = economy.questions[0]!;
  const b0 = performance.now();
  for (let i = 0; i < baseN; i++) await db.auditLog.create({ data: { action: "bench", detail: { i, questionId: question.id } } });
  const baseSeconds = (performance.now() - b0) / 1000;
  await core.database.close();
  return [
    { name: `engine messages/s (${officers} officers, SQLite)`, value: (officers * rounds * 2) / seconds, unit: "/s", baseline: baseN / baseSeconds },
    { name: "answer latency p50 (ms)", value: percentile(latencies, 50), unit: "ms", baseline: (baseSeconds * 1000) / baseN },
    { name: "answer latency p95 (ms)", value: percentile(latencies, 95), unit: "ms", baseline: (baseSeconds * 1000) / baseN },
  ];
}

const rows = [await parsing(), ...(await answers())];
const fmt = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 1 });
console.log("| benchmark | value | baseline | ratio |\n|---|---:|---:|---:|");
const ratio = (n: number) => n.toLocaleString("vi-VN", { maximumSignificantDigits: 3 });
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.value)} | ${fmt(r.baseline)} | ${ratio(r.value / r.baseline)} |`);
console.log("\nBaselines: Number() on the same figures; one bare Prisma insert per message on the same SQLite file.");
