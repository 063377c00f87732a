/**
 * Turns reminder moments that have come into messages to send. A moment is taken by one
 * process only (a conditional update of its status, in the same transaction that writes its
 * deliveries), decides who is told what from the answers as they are at that moment, and is
 * dropped if it is already past its expiry (the process was down across it).
 *
 * - To those who owe answers (opened, before, deadline, overdue, nudge): a private message to
 *   each one reachable privately and not away; one digest per group chat of the unit naming
 *   them all (or, when the unit turned digests off, naming those with no private chat).
 * - Escalation: a private message to each leader and admin, when anyone still owes answers.
 */
import { localDay } from "../domain/local-time.js";
import type { TemplateCache } from "../conversation/template-index.js";
import type { Db } from "../store/database.js";
import { readPolicy } from "../domain/unit-policy.js";
import { owingByPeriod, type Owing } from "./owing.js";
import { reachOfUnits, type UnitReach } from "./reach.js";

/** Slots read and taken together. */
const BATCH = 50;

export interface ExpandDeps {
  db: Db;
  templates: TemplateCache;
  timeZone: string;
  channels: ReadonlySet<string>;
}

interface SlotRow {
  id: number;
  periodId: number;
  kind: string;
  dueAt: Date;
  expiresAt: Date;
  memberId: number | null;
}

/**
 * Expands due slots, a batch at a time; returns how many this process took. What the slots of
 * a batch need (periods, who owes what, how to reach them) is read for the whole batch at
 * once; the slots are then taken and their deliveries written in one transaction. Reading
 * before taking is safe: the dispatcher checks again, just before sending, that the period is
 * open and the member still owes answers.
 */
export async function expandDueSlots(deps: ExpandDeps, now: Date): Promise<number> {
  let taken = 0;
  for (;;) {
    const due = await deps.db.reminderSlot.findMany({
      where: { status: "planned", dueAt: { lte: now } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: BATCH,
      select: { id: true, periodId: true, kind: true, dueAt: true, expiresAt: true, memberId: true },
    });
    if (due.length === 0) return taken;
    const took = await expandBatch(deps, due, now);
    taken += took;
    // Another process took this batch first: what is left (if anything) is its work too.
    if (took === 0) return taken;
  }
}

async function expandBatch(deps: ExpandDeps, slots: SlotRow[], now: Date): Promise<number> {
  const { db } = deps;
  const periods = new Map(
    (await db.period.findMany({ where: { id: { in: [...new Set(slots.map((s) => s.periodId))] } }, include: { unit: { select: { reminderPolicy: true } } } })).map((p) => [p.id, p]),
  );
  const late = (s: SlotRow) => now >= s.expiresAt || periods.get(s.periodId)?.status !== "open";
  const live = [...periods.values()].filter((p) => p.status === "open");
  const owing = await owingByPeriod(db, deps.templates, live);
  const reach = await reachOfUnits(db, [...new Set(live.map((p) => p.unitId))], localDay(now, deps.timeZone), deps.channels);
  const rows = slots.filter((s) => !late(s)).flatMap((s) => deliveriesOf(s, periods.get(s.periodId)!, owing.get(s.periodId)!, reach.get(periods.get(s.periodId)!.unitId)!));

  return db.$transaction(
    async (tx) => {
      // Taken only if still planned: of several processes, exactly one takes each slot.
      const dropped = await tx.reminderSlot.updateManyAndReturn({ where: { id: { in: slots.filter(late).map((s) => s.id) }, status: "planned" }, data: { status: "dropped", expandedAt: now }, select: { id: true } });
      const expanded = await tx.reminderSlot.updateManyAndReturn({ where: { id: { in: slots.filter((s) => !late(s)).map((s) => s.id) }, status: "planned" }, data: { status: "expanded", expandedAt: now }, select: { id: true } });
      const mine = new Set(expanded.map((s) => s.id));
      const bySlot = new Map(slots.map((s) => [s.id, s]));
      const data = rows.filter((r) => mine.has(r.slotId)).map((r) => ({ ...r, notBefore: bySlot.get(r.slotId)!.dueAt, expiresAt: bySlot.get(r.slotId)!.expiresAt }));
      if (data.length > 0) await tx.reminderDelivery.createMany({ data });
      return dropped.length + expanded.length;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

interface DeliveryRow {
  slotId: number;
  target: string;
  chatId: number;
  memberIds: number[];
}

/** Who one moment tells what (see the top of this file). */
function deliveriesOf(slot: SlotRow, period: { unit: { reminderPolicy: unknown } }, owing: Owing[], reach: UnitReach): DeliveryRow[] {
  const rows: DeliveryRow[] = [];
  const add = (target: string, chatId: number, memberIds: number[]) => rows.push({ slotId: slot.id, target, chatId, memberIds });
  if (slot.kind === "escalation") {
    if (owing.length > 0) {
      const ids = owing.map((o) => o.memberId);
      for (const leader of reach.leaders) {
        const chat = reach.privateChat.get(leader);
        if (chat) add(`leader:${leader}`, chat.id, ids);
      }
    }
    return rows;
  }
  // A /nhacnho names its one person (the leader was told if they are away); the rest skip those away.
  const present = owing.filter((o) => (slot.memberId === null ? !reach.absentUntil.has(o.memberId) : o.memberId === slot.memberId));
  if (present.length === 0) return rows;
  for (const o of present) {
    const chat = reach.privateChat.get(o.memberId);
    if (chat) add(`member:${o.memberId}`, chat.id, [o.memberId]);
  }
  const digest = readPolicy(period.unit.reminderPolicy).groupDigest && slot.kind !== "nudge";
  const named = present.filter((o) => digest || !reach.privateChat.has(o.memberId)).map((o) => o.memberId);
  if (named.length > 0) for (const g of reach.groups) add(`group:${g.id}`, g.id, named);
  return rows;
}
