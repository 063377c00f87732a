/**
 * Every acknowledged answer survives a crash. The real entry point (src/main.ts) runs as a
 * child process against the fake Telegram server and is killed with SIGKILL in the middle of
 * a section, so nothing can depend on a clean shutdown; a new process takes over.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { Person, promptedLabel, TEST_TOKEN } from "../support/bot-harness.js";
import { postgresSchemaUrl, tempSqliteUrl } from "../support/databases.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { assignTo, seedUnit } from "../support/seed.js";

const providers = process.env.TEST_DATABASE_URL ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

/** Reminders off: this test is about answers, and a reminder would interleave with the replies it waits for. */
function startProcess(fake: FakeTelegram, databaseUrl: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", BAOCAO_REMINDERS: "off" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr!.on("data", (d: Buffer) => process.stderr.write(`[bot] ${d.toString()}`));
  return child;
}

/** The process is ready once it polls for updates. */
async function waitUntilPolling(fake: FakeTelegram, after: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (fake.calls.slice(after).some((c) => c.method === "getUpdates")) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the bot process did not start polling");
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe.each(providers)("restart on %s", (provider) => {
  let fake: FakeTelegram;
  let url: string;
  let drop: () => Promise<void> = async () => undefined;
  let children: ChildProcess[] = [];
  let observer: Database | undefined;

  beforeEach(async () => {
    fake = await FakeTelegram.start({ token: TEST_TOKEN });
    if (provider === "postgresql") ({ url, drop } = postgresSchemaUrl("restart"));
    else url = tempSqliteUrl();
  });

  afterEach(async () => {
    await Promise.all(children.map(kill));
    children = [];
    await observer?.close();
    await fake.stop();
    await drop();
  });

  it("continues at the same question after SIGKILL, with nothing acknowledged missing", async () => {
    const first = startProcess(fake, url);
    children.push(first);
    await waitUntilPolling(fake, 0);
    observer = await openDatabase(url);
    const seeded = await seedUnit(observer.db);

    const lan = new Person(fake, { id: 8001, type: "private" }, { id: 8001, first_name: "Lan" });
    await lan.say("/start K7M2Q9");
    await assignTo(observer.db, seeded, 8001, ["kinh-te-ngan-sach"]);
    await lan.say("/nhap");
    const acknowledged = ["5,67 tỷ", "4.310.000.000đ", "947"];
    let last = await lan.say(acknowledged[0]!);
    for (const text of acknowledged.slice(1)) last = await lan.say(text);
    const waitingFor = promptedLabel(last);
    expect(waitingFor).toBeDefined();

    await kill(first);
    // Sent while no bot runs: must be handled once the new process is up.
    const lateFrom = fake.sent.length;
    fake.sendText({ chat: lan.chat, from: lan.user, text: "12" });

    const callsBefore = fake.calls.length;
    const second = startProcess(fake, url);
    children.push(second);
    await waitUntilPolling(fake, callsBefore);
    const late = await fake.waitFor((m) => m.chat_id === 8001, { after: lateFrom, timeoutMs: 20_000 });
    expect(late.text).toContain("✅ Đã lưu: 12 hộ");

    const answers = await observer.db.answer.findMany({ where: { periodId: seeded.periodId }, orderBy: { id: "asc" } });
    expect(answers.map((a) => a.raw)).toEqual([...acknowledged, "12"]);
    expect(answers.map((a) => a.value)).toEqual([
      { kind: "money", value: 5_670_000_000 },
      { kind: "money", value: 4_310_000_000 },
      { kind: "count", value: 947, unit: "cơ sở" },
      { kind: "count", value: 12, unit: "hộ" },
    ]);
    // And /nhap picks up right after the last stored answer.
    const resumed = await lan.say("/nhap");
    expect(promptedLabel(resumed)).toBe(promptedLabel(late));
    expect(waitingFor).not.toBe(promptedLabel(late));
  });
});
