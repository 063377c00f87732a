/**
 * Sends due reminder deliveries, each exactly once across restarts and processes:
 *
 * 1. claim a batch (a conditional update to "claimed" with this pass's token and a lease);
 *    a claim whose process died before sending is taken again once its lease runs out;
 * 2. re-check: expired, quiet hours (deferred to their end), nobody owes anything any more;
 * 3. wait for the channel's turn (its rate), mark "sending" (only while still holding the
 *    claim), call the channel; the batch's sent deliveries are marked "sent" in one write.
 *
 * A process that dies between 3's two writes leaves "sending": the message may have gone out,
 * so it is never sent again (it becomes "uncertain"); every other failure point resends
 * safely. Leases run on the machine's clock, not on the reporting clock, so that a clock that
 * jumps ahead (in tests, or across downtime) cannot steal a claim that is being worked on.
 */
import { randomUUID } from "node:crypto";
import pThrottle from "p-throttle";
import type { Sender } from "../channels/channel.js";
import type { ChannelName, Outgoing } from "../conversation/types.js";
import type { TemplateCache } from "../conversation/template-index.js";
import { localDay } from "../domain/local-time.js";
import { isQuiet, outsideQuiet, type QuietHours } from "../domain/quiet-hours.js";
import { readPolicy } from "../domain/unit-policy.js";
import type { Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../store/database.js";
import { escalation, groupDigest, memberReminder, type ReminderContext } from "./messages.js";
import { owingByPeriod, type Owing } from "./owing.js";
import { reachOfUnits, type UnitReach } from "./reach.js";
import { classifySendError } from "./send-errors.js";

export interface DispatchDeps {
  db: Db;
  t: Translate;
  templates: TemplateCache;
  log: Logger;
  timeZone: string;
  senders: ReadonlyMap<ChannelName, Sender>;
  /** The reporting clock (quiet hours, expiry, time left). */
  now: () => Date;
  /** The machine's clock, for leases. */
  wallNow?: () => number;
  leaseMs?: number;
  /** Messages per second per channel (Telegram allows about 30 in total). */
  ratePerSecond?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** Test hooks at the two crash points that matter (after the claim, after the send). */
  hooks?: { afterClaim?: (id: number) => void; afterSend?: (id: number) => void };
}

/** Deliveries claimed together; at Telegram's 25 a second, four seconds of sending. */
const BATCH = 100;

const CLAIMABLE = (wall: Date) => [{ status: "pending" }, { status: "claimed", leaseUntil: { lt: wall } }];

export class ReminderDispatcher {
  readonly #deps: DispatchDeps;
  readonly #wall: () => number;
  /** Per channel, a turn at the channel's rate (p-throttle around nothing). */
  readonly #turns = new Map<string, () => Promise<void>>();

  constructor(deps: DispatchDeps) {
    this.#deps = deps;
    this.#wall = deps.wallNow ?? Date.now;
  }

  /** The channel's sender and its turns (channels register their senders when they start). */
  #channel(name: string): { send: Sender; turn: () => Promise<void> } | undefined {
    const send = this.#deps.senders.get(name as ChannelName);
    if (!send) return undefined;
    let turn = this.#turns.get(name);
    if (!turn) {
      turn = pThrottle({ limit: this.#deps.ratePerSecond ?? 25, interval: 1000 })(async () => undefined);
      this.#turns.set(name, turn);
    }
    return { send, turn };
  }

  /** Claims and sends one batch; returns how many deliveries it settled (0: nothing was due). */
  async runOnce(): Promise<number> {
    const { db } = this.#deps;
    const now = this.#deps.now();
    const wall = new Date(this.#wall());
    await db.reminderDelivery.updateMany({ where: { status: "sending", leaseUntil: { lt: wall } }, data: { status: "uncertain" } });

    const candidates = await db.reminderDelivery.findMany({
      where: { OR: CLAIMABLE(wall), notBefore: { lte: now } },
      orderBy: { notBefore: "asc" },
      take: (this.#deps.batchSize ?? BATCH) * 4,
      select: { id: true },
    });
    if (candidates.length === 0) return 0;
    // Processes that look at the same moment pick different rows most of the time.
    const ids = shuffle(candidates.map((c) => c.id)).slice(0, this.#deps.batchSize ?? BATCH);
    const token = randomUUID();
    const leaseUntil = new Date(wall.getTime() + (this.#deps.leaseMs ?? 120_000));
    await db.reminderDelivery.updateMany({ where: { id: { in: ids }, OR: CLAIMABLE(wall) }, data: { status: "claimed", claimToken: token, leaseUntil } });
    const claimed = await db.reminderDelivery.findMany({
      where: { claimToken: token, status: "claimed" },
      orderBy: { notBefore: "asc" },
      include: WITH_PERIOD,
    });
    const chats = new Map((await db.chat.findMany({ where: { id: { in: claimed.map((d) => d.chatId) } } })).map((c) => [c.id, c]));
    const periods = [...new Map(claimed.map((d) => [d.slot.period.id, d.slot.period])).values()];
    const owing = await owingByPeriod(db, this.#deps.templates, periods);
    // Group digests and leaders' lists need the unit's chats and absences: read once for the batch.
    const unitsOfLists = [...new Set(claimed.filter((d) => !d.target.startsWith("member:")).map((d) => d.slot.period.unitId))];
    const reach = unitsOfLists.length ? await reachOfUnits(db, unitsOfLists, localDay(now, this.#deps.timeZone), new Set(this.#deps.senders.keys())) : new Map<number, UnitReach>();
    // The same answer for every delivery of the batch with the same quiet hours (time-zone maths is not free).
    const quiet = new Map<string, boolean>();
    const isQuietNow = (q: QuietHours) => {
      const key = `${q.start}-${q.end}`;
      if (!quiet.has(key)) quiet.set(key, isQuiet(now, q, this.#deps.timeZone));
      return quiet.get(key)!;
    };
    const sent = (await Promise.all(claimed.map((d) => this.#deliver(d, chats.get(d.chatId), token, now, owing.get(d.slot.period.id)!, reach.get(d.slot.period.unitId), isQuietNow)))).filter((id) => id !== undefined);
    // One write for the batch: until it, a delivery that went out stays "sending" and is never sent twice.
    if (sent.length > 0) {
      await db.reminderDelivery.updateMany({ where: { id: { in: sent }, claimToken: token }, data: { status: "sent", sentAt: now, attempts: { increment: 1 }, claimToken: null } });
    }
    return claimed.length;
  }

  /** Settles one claimed delivery, or sends it and returns its id (marked "sent" with its batch). */
  async #deliver(d: ClaimedDelivery, chat: { channel: string; externalId: string } | undefined, token: string, now: Date, periodOwing: Owing[], reach: UnitReach | undefined, isQuietNow: (q: QuietHours) => boolean): Promise<number | undefined> {
    const { db, log, hooks } = this.#deps;
    const settle = async (data: Record<string, unknown>) => void (await db.reminderDelivery.updateMany({ where: { id: d.id, claimToken: token }, data: { claimToken: null, ...data } }));
    try {
      const period = d.slot.period;
      const policy = readPolicy(period.unit.reminderPolicy);
      if (now >= d.expiresAt || period.status !== "open") return await settle({ status: "expired" });
      if (!d.slot.forced && isQuietNow(policy.quietHours)) {
        const later = outsideQuiet(now, policy.quietHours, this.#deps.timeZone);
        return await settle(later < d.expiresAt ? { status: "pending", notBefore: later } : { status: "expired" });
      }
      hooks?.afterClaim?.(d.id);
      const channel = chat && this.#channel(chat.channel);
      if (!chat || !channel) return await settle({ status: "failed", error: chat ? `no running ${chat.channel} channel` : "chat not found" });

      const out = this.#compose(d, periodOwing.filter((o) => (d.memberIds as number[]).includes(o.memberId)), reach, now);
      if (!out) return await settle({ status: "skipped" });

      // The channel's turn comes before the mark: a delivery is "sending" only while its request
      // is under way, so a crash leaves no queued delivery unsendable.
      await channel.turn();
      const lease = new Date(this.#wall() + (this.#deps.leaseMs ?? 120_000));
      const mine = await db.reminderDelivery.updateMany({ where: { id: d.id, claimToken: token, status: "claimed" }, data: { status: "sending", leaseUntil: lease } });
      if (mine.count === 0) return;
      try {
        await channel.send(chat.externalId, out);
      } catch (err) {
        const failure = classifySendError(err);
        const attempts = d.attempts + 1;
        log.warn({ err, delivery: d.id, attempts }, "sending a reminder failed");
        if ("permanent" in failure || attempts >= (this.#deps.maxAttempts ?? 8)) {
          return await settle({ status: "failed", attempts, error: "permanent" in failure ? failure.permanent : "too many attempts" });
        }
        return await settle({ status: "pending", attempts, notBefore: new Date(now.getTime() + failure.retryAfterMs) });
      }
      hooks?.afterSend?.(d.id);
      return d.id;
    } catch (err) {
      // A database hiccup before the send: the claim's lease runs out and another pass takes it.
      log.error({ err, delivery: d.id }, "a reminder could not be handled");
    }
  }

  /** `reach`: the unit's, read for group digests and leaders' lists (undefined for a member's own reminder). */
  #compose(d: ClaimedDelivery, owing: Owing[], reach: UnitReach | undefined, now: Date): Outgoing | undefined {
    if (owing.length === 0) return undefined;
    const { slot } = d;
    const c: ReminderContext = { t: this.#deps.t, timeZone: this.#deps.timeZone, now, kind: slot.kind, period: slot.period };
    if (d.target.startsWith("member:")) return memberReminder(c, owing[0]!);
    if (!reach) return undefined;
    if (d.target.startsWith("leader:")) return escalation(c, owing, reach.absentUntil);
    const chat = reach.groups.find((g) => g.id === d.chatId);
    // Someone may have gone away since the moment was expanded: a digest naming nobody is not sent.
    const present = owing.filter((o) => !reach.absentUntil.has(o.memberId));
    if (present.length === 0) return undefined;
    return groupDigest(c, present, (id) => (chat ? reach.accounts.get(id)?.get(chat.channel) : undefined));
  }
}

const WITH_PERIOD = { slot: { include: { period: { include: { unit: { select: { reminderPolicy: true } } } } } } } as const;
type ClaimedDelivery = Prisma.ReminderDeliveryGetPayload<{ include: typeof WITH_PERIOD }>;

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
