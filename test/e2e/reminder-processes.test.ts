/**
 * Exactly once across crashes and processes. Bot processes (test/support/reminder-worker.ts:
 * the real core, Telegram channel and reminder scheduler) run as children against the fake
 * Bot API and one database, and share a reporting clock the test moves through a file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localInstant } from "../../src/domain/local-time.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { openDatabase, type Database, type Db } from "../../src/store/database.js";
import { loadTemplatesDir } from "../../src/domain/template.js";
import { syncTemplates } from "../../src/store/templates.js";
import { TEST_TOKEN } from "../support/bot-harness.js";
import { postgresSchemaUrl, tempSqliteUrl } from "../support/databases.js";
import { FakeTelegram } from "../support/fake-telegram.js";

async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const providers = process.env.TEST_DATABASE_URL ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);
const VN = "Asia/Ho_Chi_Minh";
const DUE = localInstant("2026-11-17", "08:00", VN);

/** `units` units of `perUnit` officers, each officer owning one unanswered section and a private chat with the bot; one reminder moment due at DUE. */
async function seedOfficers(db: Db, units: number, perUnit: number): Promise<number[]> {
  await syncTemplates(db, await loadTemplatesDir(join(PROJECT_ROOT, "templates")));
  const version = await db.templateVersion.findFirstOrThrow({ where: { template: { key: "ward-monthly" } }, orderBy: { version: "desc" }, include: { sections: { orderBy: { position: "asc" } } } });
  const userIds: number[] = [];
  for (let u = 0; u < units; u++) {
    const unit = await db.unit.create({ data: { code: `p-${u}`, name: `Phường ${u}` } });
    const period = await db.period.create({
      data: { unitId: unit.id, templateVersionId: version.id, kind: "thang", year: 2026, number: 11, startsOn: "2026-10-15", endsOn: "2026-11-14", deadline: localInstant("2026-11-18", "17:00", VN), createdAt: localInstant("2026-11-09", "08:00", VN) },
    });
    await db.reminderSlot.create({ data: { periodId: period.id, kind: "before", key: "before:1", dueAt: DUE, expiresAt: localInstant("2026-11-18", "08:00", VN) } });
    for (let i = 0; i < perUnit; i++) {
      const userId = 500_000 + u * 100 + i;
      const member = await db.member.create({ data: { unitId: unit.id, displayName: `Cán bộ ${u}-${i}`, role: "officer", identities: { create: { channel: "telegram", externalUserId: String(userId) } } } });
      const chat = await db.chat.create({ data: { channel: "telegram", externalId: String(userId), kind: "private" } });
      await db.interviewState.create({ data: { memberId: member.id, chatId: chat.id } });
      await db.assignment.create({ data: { periodId: period.id, sectionId: version.sections[i]!.id, memberId: member.id } });
      userIds.push(userId);
    }
  }
  return userIds;
}

describe.each(providers)("reminder processes on %s", (provider) => {
  let fake: FakeTelegram;
  let url: string;
  let drop: () => Promise<void> = async () => undefined;
  let database: Database;
  let clockFile: string;
  let children: ChildProcess[] = [];

  beforeEach(async () => {
    fake = await FakeTelegram.start({ token: TEST_TOKEN });
    if (provider === "postgresql") ({ url, drop } = postgresSchemaUrl("remproc"));
    else url = tempSqliteUrl();
    database = await openDatabase(url);
    clockFile = join(mkdtempSync(join(tmpdir(), "baocao-clock-")), "now");
    setClock(new Date(DUE.getTime() - 3_600_000));
  });

  afterEach(async () => {
    await Promise.all(children.map(stopChild));
    children = [];
    await database.close();
    await fake.stop();
    await drop();
  });

  function setClock(at: Date): void {
    writeFileSync(clockFile, at.toISOString());
  }

  async function startWorker(extra: Record<string, string> = {}): Promise<ChildProcess> {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/reminder-worker.ts"], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: url, CLOCK_FILE: clockFile, LEASE_MS: "1500", ...extra },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.on("data", (d: Buffer) => process.stderr.write(`[worker] ${d.toString()}`));
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      child.once("exit", (code, signal) => reject(new Error(`worker exited before it was ready (${code ?? signal})`)));
    });
    return child;
  }

  const exited = (child: ChildProcess) => new Promise<string | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.signalCode) : child.once("exit", (_c, signal) => resolve(signal))));
  const reminders = (userId: number) => fake.sentTo(userId).filter((m) => (m.text ?? "").startsWith("⏰")).length;

  for (const point of ["claim", "send"] as const) {
    it(`a process killed just after the ${point === "claim" ? "claim" : "send"} leaves the member with exactly one reminder after a restart`, async () => {
      const [userId] = await seedOfficers(database.db, 1, 1);
      const first = await startWorker({ CRASH_AT: point });
      setClock(new Date(DUE.getTime() + 60_000));
      expect(await exited(first)).toBe("SIGKILL");
      expect(reminders(userId!)).toBe(point === "claim" ? 0 : 1);

      await startWorker();
      // The dead process's lease (1,5 s) runs out; then the delivery is settled one way or the other.
      await eventually(async () => (await database.db.reminderDelivery.count({ where: { status: { in: ["sent", "uncertain"] } } })) === 1, 20_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(reminders(userId!)).toBe(1);
      const row = await database.db.reminderDelivery.findFirstOrThrow();
      expect(row.status).toBe(point === "claim" ? "sent" : "uncertain");
    }, 60_000);
  }

  it("a process killed in the middle of a rate-limited batch leaves only the requests under way unsent-or-uncertain; the queued ones go out after a restart", async () => {
    const userIds = await seedOfficers(database.db, 1, 10);
    // Two sends a second: two requests go out, the other eight wait for their turn when the process dies.
    const first = await startWorker({ CRASH_AT: "send:2", RATE_PER_SECOND: "2" });
    setClock(new Date(DUE.getTime() + 60_000));
    expect(await exited(first)).toBe("SIGKILL");

    await startWorker();
    await eventually(async () => (await database.db.reminderDelivery.count({ where: { status: { in: ["sent", "uncertain"] } } })) === 10, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(userIds.map(reminders)).toEqual(userIds.map(() => 1));
    // Only the two requests under way can be in doubt; none of the queued ones.
    expect(await database.db.reminderDelivery.count({ where: { status: "uncertain" } })).toBe(2);
  }, 60_000);

  // Several processes need PostgreSQL: SQLite is the one-process default.
  if (provider === "postgresql") it("three processes and a clock jumping across 1.000 due reminders deliver each exactly once", async () => {
    const userIds = await seedOfficers(database.db, 100, 10);
    await Promise.all([startWorker(), startWorker(), startWorker()]);
    setClock(new Date(DUE.getTime() + 5 * 60_000));
    await eventually(() => fake.sent.filter((m) => (m.text ?? "").startsWith("⏰")).length >= 1000, 120_000);
    await new Promise((r) => setTimeout(r, 2000));
    const counts = userIds.map(reminders);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
    expect(await database.db.reminderDelivery.count({ where: { status: "sent" } })).toBe(1000);
    expect(await database.db.reminderSlot.count({ where: { status: "expanded" } })).toBe(100);
  }, 180_000);
});
