/**
 * The reminder loop of one bot process. Each pass: open periods due on schedule, plan the
 * reminders of periods that have none yet, expand the moments that have come, and send what
 * is due. Every step is safe to run in several processes at once (see expand.ts, dispatch.ts),
 * so scaling out needs no leader election.
 */
import { openScheduledPeriods } from "./auto-open.js";
import { ReminderDispatcher, type DispatchDeps } from "./dispatch.js";
import { expandDueSlots } from "./expand.js";
import { planPeriodReminders } from "./plan.js";

const OPEN_CHECK_MS = 3_600_000;

export interface SchedulerDeps extends DispatchDeps {
  /** Pause between passes when nothing is due. */
  intervalMs?: number;
}

export interface PassResult {
  opened: number;
  planned: number;
  expanded: number;
  settled: number;
}

export class ReminderScheduler {
  readonly #deps: SchedulerDeps;
  readonly #dispatcher: ReminderDispatcher;
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<PassResult> | undefined;
  #stopped = true;
  /** When (reporting clock) periods were last checked for opening on schedule and for missing plans. */
  #openCheckedAt: number | undefined;

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
    this.#dispatcher = new ReminderDispatcher(deps);
  }

  /** One pass; concurrent calls share the pass in progress. */
  pass(): Promise<PassResult> {
    this.#pass ??= this.#run().finally(() => (this.#pass = undefined));
    return this.#pass;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Run a pass soon (a /nhacnho was just planned). */
  poke(): void {
    if (!this.#stopped) this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#pass?.catch(() => undefined);
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.pass()
        .catch((err: unknown) => this.#deps.log.error({ err }, "reminder pass failed"))
        .finally(() => {
          if (!this.#stopped) this.#schedule(this.#deps.intervalMs ?? 15_000);
        });
    }, ms);
  }

  async #run(): Promise<PassResult> {
    const { db, log, timeZone } = this.#deps;
    const now = this.#deps.now();
    // Periods open on a day, not a minute: checking every unit once an hour is enough.
    const checked = this.#openCheckedAt;
    const due = checked === undefined || now.getTime() - checked >= OPEN_CHECK_MS || now.getTime() < checked;
    let opened = 0;
    let planned = 0;
    if (due) {
      opened = await openScheduledPeriods(db, log, now, timeZone);
      // Opening a period and changing settings plan its reminders; this catches periods opened
      // before reminders existed. A period whose plan is empty is looked at again hourly, not every pass.
      const unplanned = await db.period.findMany({ where: { status: "open", reminderSlots: { none: {} } }, select: { id: true } });
      for (const p of unplanned) await db.$transaction((tx) => planPeriodReminders(tx, p.id, timeZone));
      planned = unplanned.length;
      this.#openCheckedAt = now.getTime();
    }
    const expanded = await expandDueSlots({ ...this.#deps, channels: new Set(this.#deps.senders.keys()) }, now);
    let settled = 0;
    for (let batch = await this.#dispatcher.runOnce(); batch > 0; batch = await this.#dispatcher.runOnce()) settled += batch;
    return { opened, planned, expanded, settled };
  }
}
