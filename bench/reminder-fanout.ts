/**
 * Row 4: reminder fan-out. 10,000 officers in 1,000 units, each owing one section of the month
 * and reachable in a private chat; every unit's T-1 reminder falls due at the same minute. A bot
 * process (test/support/reminder-worker.ts: the real core, Telegram sender and reminder
 * scheduler) waits with its reporting clock just before that minute; the clock then moves past
 * it; the row is 10,000 over the time until the fake Telegram server has accepted them all.
 * The fake server is rate-limited like Telegram (429 with retry_after beyond LIMIT sends a
 * second), and the bot holds itself to RATE, a little under it. Afterwards every chat must
 * have exactly one reminder, and the database 10,000 `sent` deliveries; anything else fails
 * the benchmark.
 *
 * Baseline, in the same run, just before each row, against an instance of the fake server of
 * its own without a limit: a warmed-up child process (bench/direct-sender.ts) handing the same
 * 10,000 messages straight to it with grammY's Api and the auto-retry the bot uses, 32 at a
 * time; no database, no scheduling; the median of DIRECT_RUNS runs. Its rate is how fast the
 * fake server takes them on this machine at this moment, so the ratio follows the machine's
 * mood the way the bot's rate does (a baseline held to the limit would not: two runs of the bot
 * differed by a quarter against an unchanged limiter-bound baseline).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { localInstant } from "../src/domain/local-time.js";
import type { Db } from "../src/store/database.js";
import { TEST_TOKEN } from "../test/support/bot-harness.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { dbLabel, freshDatabase, type DbKind } from "./databases.js";
import { startDirectSender, startReminderWorker } from "./processes.js";
import { median, sleep } from "./stats.js";
import type { BenchContext, Benchmark, Row } from "./types.js";

const UNITS = 1000;
const PER_UNIT = 10;
const MEMBERS = UNITS * PER_UNIT;
/** Sends per second the fake server accepts (Telegram allows paid broadcasts up to 1,000/s). */
const LIMIT = 1000;
/** What the senders hold themselves to: 90 % of the limit, as the bot keeps 25/s under Telegram's 30/s. */
const RATE = 900;
const TZ = "Asia/Ho_Chi_Minh";
const DUE = localInstant("2026-11-17", "08:00", TZ);
const FIRST_USER_ID = 2_000_001;
const REMINDER = /^⏰/;

/** One period per unit with its T-1 moment due at DUE; each officer owns one section and has a private chat. */
async function seed(db: Db): Promise<number[]> {
  const version = await db.templateVersion.findFirstOrThrow({
    where: { template: { key: "ward-monthly" } },
    orderBy: { version: "desc" },
    include: { sections: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  if (version.sections.length < PER_UNIT) throw new Error(`ward-monthly has ${version.sections.length} sections, fewer than ${PER_UNIT}`);
  const units = await db.unit.createManyAndReturn({ data: Array.from({ length: UNITS }, (_, u) => ({ code: `fan-${u}`, name: `Phường ${u + 1}` })), select: { id: true, code: true } });
  const unitOf = new Map(units.map((u) => [u.code, u.id]));
  const periods = await db.period.createManyAndReturn({
    data: units.map((u) => ({ unitId: u.id, templateVersionId: version.id, kind: "thang", year: 2026, number: 11, startsOn: "2026-10-15", endsOn: "2026-11-14", deadline: localInstant("2026-11-18", "17:00", TZ) })),
    select: { id: true, unitId: true },
  });
  const periodOf = new Map(periods.map((p) => [p.unitId, p.id]));
  await db.reminderSlot.createMany({ data: periods.map((p) => ({ periodId: p.id, kind: "before", key: "before:1", dueAt: DUE, expiresAt: localInstant("2026-11-18", "08:00", TZ) })) });
  const people = Array.from({ length: MEMBERS }, (_, i) => ({ unitId: unitOf.get(`fan-${Math.floor(i / PER_UNIT)}`)!, displayName: `Cán bộ ${i + 1}`, role: "officer" }));
  const members = await db.member.createManyAndReturn({ data: people, select: { id: true, unitId: true, displayName: true } });
  const userId = (m: { displayName: string }) => FIRST_USER_ID + Number(m.displayName.slice("Cán bộ ".length)) - 1;
  await db.identity.createMany({ data: members.map((m) => ({ memberId: m.id, channel: "telegram", externalUserId: String(userId(m)) })) });
  await db.chat.createMany({ data: members.map((m) => ({ channel: "telegram", externalId: String(userId(m)), kind: "private" })) });
  await db.assignment.createMany({
    data: members.map((m) => ({ periodId: periodOf.get(m.unitId)!, sectionId: version.sections[(userId(m) - FIRST_USER_ID) % PER_UNIT]!.id, memberId: m.id })),
  });
  return members.map(userId);
}

/** When (performance.now() at the fake server) it had accepted `count` messages matching `text` from now on. */
async function acceptedAll(fake: FakeTelegram, count: number, text: RegExp, timeoutMs: number): Promise<number> {
  let seen = 0;
  const last = await fake.waitFor((m) => text.test(m.text ?? "") && ++seen >= count, { after: fake.sent.length, timeoutMs });
  return last.respondedAt;
}

/**
 * Timed runs of the baseline, just before each row. Not after it as well: right after the
 * PostgreSQL row the same runs measured a third slower, in a run where those before it agreed.
 */
const DIRECT_RUNS = 3;

/**
 * The baseline: a warmed-up child process handing the same messages straight to a fake server
 * of its own with no limit, DIRECT_RUNS times; the rate of each batch, timed at that server.
 */
async function directRates(): Promise<number[]> {
  const fake = await FakeTelegram.start({ token: TEST_TOKEN });
  try {
    const sender = await startDirectSender(fake, FIRST_USER_ID, MEMBERS);
    const rates: number[] = [];
    try {
      for (let i = 0; i < DIRECT_RUNS; i++) {
        const start = performance.now();
        // Together, so that whichever fails first is the error reported and the other is not left unhandled.
        const [acceptedAt] = await Promise.all([acceptedAll(fake, MEMBERS, REMINDER, 120_000), sender.go()]);
        rates.push((MEMBERS / (acceptedAt - start)) * 1000);
      }
    } catch (error) {
      await sender.close();
      throw error;
    }
    const code = await sender.close();
    if (code !== 0) throw new Error(`the direct sender exited with code ${code}`);
    return rates;
  } finally {
    await fake.stop();
  }
}

async function runOn(ctx: BenchContext, kind: DbKind): Promise<{ rate: number; seconds: number; retried: number }> {
  const bench = await freshDatabase(kind);
  const fake = await FakeTelegram.start({ token: TEST_TOKEN, sendsPerSecond: LIMIT });
  const clockFile = join(mkdtempSync(join(tmpdir(), "baocao-bench-clock-")), "now");
  writeFileSync(clockFile, new Date(DUE.getTime() - 60_000).toISOString());
  try {
    const t0 = performance.now();
    const userIds = await seed(bench.database.db);
    ctx.log(`  ${dbLabel(kind)}: ${MEMBERS} officers in ${UNITS} units seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const worker = await startReminderWorker(fake, bench.url, clockFile, RATE, { profileDir: ctx.profileDir, tag: `reminders-${kind}` });
    try {
      const done = acceptedAll(fake, MEMBERS, REMINDER, 300_000);
      const start = performance.now();
      writeFileSync(clockFile, new Date(DUE.getTime() + 30_000).toISOString());
      const ms = (await done) - start;
      // Anything still in flight would show up as a second reminder.
      await sleep(1500);
      const perChat = new Map<number, number>();
      for (const m of fake.sent) if (REMINDER.test(m.text ?? "")) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
      const wrong = userIds.filter((id) => perChat.get(id) !== 1);
      if (wrong.length) throw new Error(`${wrong.length} officers did not get exactly one reminder, e.g. chat ${wrong[0]} got ${perChat.get(wrong[0]!) ?? 0}`);
      const sent = await bench.database.db.reminderDelivery.count({ where: { status: "sent" } });
      if (sent !== MEMBERS) throw new Error(`${sent} deliveries are marked sent, not ${MEMBERS}`);
      for (const line of worker.logSummary()) ctx.log(`  ${line}`);
      const retried = fake.calls.filter((c) => c.error?.error_code === 429).length;
      return { rate: (MEMBERS / ms) * 1000, seconds: ms / 1000, retried };
    } finally {
      await worker.stop();
    }
  } finally {
    await fake.stop();
    await bench.dispose();
  }
}

export const reminderFanout: Benchmark = {
  id: "reminders",
  title: `Reminder fan-out (${MEMBERS.toLocaleString("vi-VN")} officers, ${UNITS.toLocaleString("vi-VN")} units, one minute)`,
  async run(ctx) {
    const rows: Row[] = [];
    const baselineLabel = `a warmed-up child process sending the same ${MEMBERS.toLocaleString("vi-VN")} messages straight to a fake server with no limit (grammY Api, auto-retry, 32 at a time), median of ${DIRECT_RUNS} runs just before each row; the bot's server accepts ${LIMIT.toLocaleString("vi-VN")} sends/s and the bot holds to ${RATE.toLocaleString("vi-VN")}/s`;
    for (const kind of ["sqlite", "postgresql"] as const) {
      const name = `reminders: ${MEMBERS.toLocaleString("vi-VN")} due at once, ${dbLabel(kind)} (reminders/s)`;
      if (kind === "postgresql" && !ctx.postgresUrl) {
        rows.push({ id: `reminders.${kind}.rate`, name, value: Number.NaN, unit: "/s", better: "higher", skipped: "TEST_DATABASE_URL is not set" });
        continue;
      }
      const rates = await directRates();
      ctx.log(`  ${dbLabel(kind)} baseline runs: ${rates.map((x) => x.toFixed(0)).join(" ")} messages/s`);
      const r = await runOn(ctx, kind);
      ctx.log(`  ${dbLabel(kind)}: all ${MEMBERS} handed over in ${r.seconds.toFixed(1)} s, each exactly once; ${r.retried} sends refused with 429 and retried`);
      rows.push({ id: `reminders.${kind}.rate`, name, value: r.rate, unit: "/s", baseline: median(rates), better: "higher", baselineLabel });
    }
    return rows;
  },
};
