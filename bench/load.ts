/**
 * Simulated officers for the interview and scale-out benchmarks: seeded straight into the
 * database (unit, monthly period, member with a Telegram identity, private chat, sections
 * assigned, interview already on the first question, as after `/nhap`), then driven through the
 * fake Telegram server. Each officer types an answer, waits for the bot's reply, reads the next
 * question from it and answers that: a closed loop with no think time, everyone at once.
 */
import { performance } from "node:perf_hooks";
import type { Question as QuestionDef } from "../src/domain/template.js";
import type { Db } from "../src/store/database.js";
import { answerFor } from "../test/support/answers.js";
import type { FakeTelegram, SentMessage } from "../test/support/fake-telegram.js";
import { percentile } from "./stats.js";

export interface Officer {
  userId: number;
  unit: number;
  /** The questions of the officer's sections in template order (what a full interview asks). */
  questions: QuestionDef[];
  /** Label of the question on screen (the next to answer); undefined once the officer is done. */
  onScreen: string | undefined;
  /** Answers typed so far (all accepted: the bot said "✅ Đã lưu"). */
  answered: number;
}

export interface SeededLoad {
  officers: Officer[];
  /** Every question of the template, for reading the question on screen back from a reply. */
  byLabel: { label: string; def: QuestionDef }[];
}

const MONTHLY = { kind: "thang", year: 2026, number: 11, startsOn: "2026-10-15", endsOn: "2026-11-14", deadline: new Date("2026-11-18T10:00:00Z") };
export const FIRST_USER_ID = 1_000_001;

/**
 * `units` units of `perUnit` officers; officer j of a unit owns the template's sections j, j + perUnit, …
 * All in one transaction (SQLite runs with synchronous=FULL: one fsync instead of thousands).
 */
export async function seedOfficers(db: Db, units: number, perUnit: number): Promise<SeededLoad> {
  const version = await db.templateVersion.findFirstOrThrow({
    where: { template: { key: "ward-monthly" } },
    orderBy: { version: "desc" },
    include: { sections: { orderBy: { position: "asc" }, include: { questions: { orderBy: { position: "asc" } } } } },
  });
  const sections = version.sections;
  const officers: Officer[] = [];
  await db.$transaction(
    async (tx) => {
      for (let u = 0; u < units; u++) {
        const unit = await tx.unit.create({ data: { code: `bench-${u}`, name: `UBND Phường ${u + 1}` } });
        const period = await tx.period.create({ data: { unitId: unit.id, templateVersionId: version.id, ...MONTHLY } });
        const ids = Array.from({ length: perUnit }, (_, j) => FIRST_USER_ID + u * perUnit + j);
        const members = await tx.member.createManyAndReturn({
          data: ids.map((id) => ({ unitId: unit.id, displayName: `Cán bộ ${id}`, role: "officer", lastChannel: "telegram" })),
          select: { id: true },
        });
        await tx.identity.createMany({ data: members.map((m, j) => ({ memberId: m.id, channel: "telegram", externalUserId: String(ids[j]) })) });
        const chats = await tx.chat.createManyAndReturn({ data: ids.map((id) => ({ channel: "telegram", externalId: String(id), kind: "private" })), select: { id: true } });
        const owned = members.map((_, j) => sections.filter((_, s) => s % perUnit === j));
        await tx.assignment.createMany({ data: members.flatMap((m, j) => owned[j]!.map((s) => ({ periodId: period.id, sectionId: s.id, memberId: m.id }))) });
        await tx.interviewState.createMany({
          data: members.flatMap((m, j) => {
            const first = owned[j]![0]?.questions[0];
            return first ? [{ memberId: m.id, chatId: chats[j]!.id, mode: "answering", periodId: period.id, questionId: first.id }] : [];
          }),
        });
        owned.forEach((secs, j) => {
          const questions = secs.flatMap((s) => s.questions.map((q) => q.definition as unknown as QuestionDef));
          officers.push({ userId: ids[j]!, unit: u, questions, onScreen: questions[0]?.label, answered: 0 });
        });
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  const byLabel = sections.flatMap((s) => s.questions.map((q) => ({ label: (q.definition as unknown as QuestionDef).label, def: q.definition as unknown as QuestionDef })));
  return { officers, byLabel };
}

/** The question a reply asks ("❓ label (unit)"), or undefined when it asks nothing (section done). */
export function questionOnScreen(text: string, byLabel: SeededLoad["byLabel"]): QuestionDef | undefined {
  const line = text.split("\n").find((l) => l.startsWith("❓ "))?.slice(2);
  if (!line) return undefined;
  return byLabel.find((q) => line === q.label || line.startsWith(`${q.label} (`))?.def;
}

export interface DriveResult {
  /** Latency per answer in ms: from the update becoming available at the fake to the reply request arriving there. */
  latencies: number[];
  /** Replies per second between the first update and the last reply. */
  throughput: number;
  replies: number;
  seconds: number;
  /** Replies that were not "✅ Đã lưu" (bot mode), with the first few texts. */
  rejected: number;
  rejectedSamples: string[];
  /** Update ids sent, for redelivery checks. */
  updateIds: number[];
}

export interface DriveOptions {
  fake: FakeTelegram;
  load: SeededLoad;
  officers: Officer[];
  /** Answers each officer types (fewer if their sections run out). */
  answersEach: number;
  /** "bot": read the next question from each reply and check it was saved; "echo": the same texts, any reply. */
  expect: "bot" | "echo";
  /**
   * Hands the update to the bot: undefined to let the fake deliver it (polling, or its own webhook),
   * or a function that POSTs it somewhere (scale-out); it resolves when the POST was answered.
   */
  post?: (update: object, updateId: number) => Promise<void>;
  /** Which timestamp of the fake starts the clock: "queued" (polling) or "posted" (webhook delivery). */
  clock: "queued" | "posted";
}

/** Runs the closed loop until every officer has typed `answersEach` answers (or has nothing left to answer). */
export async function drive(opts: DriveOptions): Promise<DriveResult> {
  const { fake, load } = opts;
  const waiting = new Map<number, (m: SentMessage) => void>();
  const unsubscribe = fake.onSent((m) => {
    if (m.method !== "sendMessage") return;
    const resolve = waiting.get(m.chat_id);
    if (resolve) {
      waiting.delete(m.chat_id);
      resolve(m);
    }
  });
  const latencies: number[] = [];
  const updateIds: number[] = [];
  const rejectedSamples: string[] = [];
  let rejected = 0;
  let replies = 0;
  let lastReplyAt = 0;
  const start = performance.now();
  const officerLoop = async (o: Officer, index: number) => {
    for (let i = 0; i < opts.answersEach; i++) {
      let def: QuestionDef | undefined;
      if (opts.expect === "bot") {
        def = o.onScreen === undefined ? undefined : load.byLabel.find((q) => q.label === o.onScreen)?.def;
        if (!def) return;
      } else {
        def = o.questions[(o.answered + i) % o.questions.length]!;
      }
      const text = answerFor(def, index + i).text;
      const chat = { id: o.userId, type: "private" as const };
      const reply = new Promise<SentMessage>((resolve) => waiting.set(o.userId, resolve));
      const update = fake.sendText({ chat, from: { id: o.userId, first_name: `Cán bộ ${o.userId}` }, text });
      updateIds.push(update.update_id);
      // Together, so that a failed POST fails the run instead of going unhandled while the reply is awaited.
      const [m] = await Promise.all([withTimeout(reply, 120_000, `no reply to officer ${o.userId} within 120 s`), opts.post?.(update, update.update_id)]);
      const times = fake.updateTimes.get(update.update_id)!;
      const from = opts.clock === "posted" ? (times.postedAt ?? times.queuedAt) : times.queuedAt;
      latencies.push(m.at - from);
      replies++;
      lastReplyAt = Math.max(lastReplyAt, m.at);
      if (opts.expect === "bot") {
        const textOut = m.text ?? "";
        if (!textOut.includes("✅ Đã lưu")) {
          rejected++;
          if (rejectedSamples.length < 3) rejectedSamples.push(`${JSON.stringify(text)} → ${JSON.stringify(textOut.slice(0, 200))}`);
        } else {
          o.answered++;
        }
        o.onScreen = questionOnScreen(textOut, load.byLabel)?.label;
      }
    }
  };
  try {
    await Promise.all(opts.officers.map((o, i) => officerLoop(o, i)));
  } finally {
    unsubscribe();
  }
  const seconds = (lastReplyAt - start) / 1000;
  return { latencies, throughput: replies / seconds, replies, seconds, rejected, rejectedSamples, updateIds };
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}

export function latencySummary(latencies: number[]): { p50: number; p95: number; p99: number } {
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}
