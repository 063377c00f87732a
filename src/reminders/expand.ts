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
import type { Db, Tx } from "../store/database.js";
import { readPolicy } from "../domain/unit-policy.js";
import { owingMembers } from "./owing.js";
import { unitReach } from "./reach.js";

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

/** Expands every due slot this process can take; returns how many it took. */
export async function expandDueSlots(deps: ExpandDeps, now: Date): Promise<number> {
  const due = await deps.db.reminderSlot.findMany({
    where: { status: "planned", dueAt: { lte: now } },
    orderBy: { dueAt: "asc" },
    take: 50,
    select: { id: true, periodId: true, kind: true, dueAt: true, expiresAt: true, memberId: true },
  });
  let taken = 0;
  for (const slot of due) {
    if (await expandSlot(deps, slot, now)) taken += 1;
  }
  return taken;
}

async function expandSlot(deps: ExpandDeps, slot: SlotRow, now: Date): Promise<boolean> {
  return deps.db.$transaction(
    async (tx) => {
      const period = await tx.period.findUniqueOrThrow({ where: { id: slot.periodId }, include: { unit: { select: { reminderPolicy: true } } } });
      const late = now >= slot.expiresAt || period.status !== "open";
      const took = await tx.reminderSlot.updateMany({ where: { id: slot.id, status: "planned" }, data: { status: late ? "dropped" : "expanded", expandedAt: now } });
      if (took.count === 0 || late) return took.count > 0;

      const owing = await owingMembers(tx, deps.templates, period);
      const reach = await unitReach(tx, period.unitId, localDay(now, deps.timeZone), deps.channels);
      // A /nhacnho names its one person (the leader was told if they are away); the rest skip those away.
      const present = owing.filter((o) => (slot.memberId === null ? !reach.absentUntil.has(o.memberId) : o.memberId === slot.memberId));
      const rows: { target: string; chatId: number; memberIds: number[] }[] = [];

      if (slot.kind === "escalation") {
        if (owing.length > 0) {
          const ids = owing.map((o) => o.memberId);
          for (const leader of reach.leaders) {
            const chat = reach.privateChat.get(leader);
            if (chat) rows.push({ target: `leader:${leader}`, chatId: chat.id, memberIds: ids });
          }
        }
      } else if (present.length > 0) {
        for (const o of present) {
          const chat = reach.privateChat.get(o.memberId);
          if (chat) rows.push({ target: `member:${o.memberId}`, chatId: chat.id, memberIds: [o.memberId] });
        }
        const digest = readPolicy(period.unit.reminderPolicy).groupDigest && slot.kind !== "nudge";
        const named = present.filter((o) => digest || !reach.privateChat.has(o.memberId)).map((o) => o.memberId);
        if (named.length > 0) for (const g of reach.groups) rows.push({ target: `group:${g.id}`, chatId: g.id, memberIds: named });
      }
      if (rows.length > 0) {
        await tx.reminderDelivery.createMany({ data: rows.map((r) => ({ ...r, slotId: slot.id, notBefore: slot.dueAt, expiresAt: slot.expiresAt })) });
      }
      return true;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
