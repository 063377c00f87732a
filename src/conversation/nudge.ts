/**
 * `/nhacnho <tên> [gấp]`: a leader has the bot remind one person now. The reminder is planned
 * like any other (a slot the scheduler sends once), so it obeys quiet hours unless "gấp".
 * Without a name it lists who still owes what.
 */
import { formatDateTimeVn, formatDateVn } from "../domain/format-vn.js";
import { localDay } from "../domain/local-time.js";
import { outsideQuiet } from "../domain/quiet-hours.js";
import { readPolicy } from "../domain/unit-policy.js";
import { looselyEquals } from "../domain/vn-text.js";
import { owingByPeriod } from "../reminders/owing.js";
import { unitReach } from "../reminders/reach.js";
import { findColleague } from "./colleague.js";
import { reply, type Turn } from "./turn.js";
import type { ChannelName, Outgoing } from "./types.js";

const ALL_CHANNELS: ReadonlySet<ChannelName> = new Set(["telegram", "zalo", "console"]);

/** How long a nudge stays worth sending (a process that was down longer drops it). */
const NUDGE_VALID_MS = 12 * 3_600_000;

export async function nudgeCommand(turn: Turn, args: string[], poke?: () => void): Promise<Outgoing[]> {
  const { t, tx, member } = turn;
  if (member.role === "officer") return [reply(turn, t("nudge.leaders_only"))];
  const forced = args.length > 1 && (looselyEquals(args.at(-1)!, "gấp") || looselyEquals(args.at(-1)!, "ngay"));
  const typed = (forced ? args.slice(0, -1) : args).join(" ");
  const periods = await tx.period.findMany({ where: { unitId: member.unitId, status: "open" }, orderBy: [{ deadline: "asc" }, { id: "asc" }] });
  if (periods.length === 0) return [reply(turn, t("nudge.no_period"))];
  const owingIn = await owingByPeriod(tx, turn.templates, periods);

  if (typed === "") {
    // The open period with the earliest deadline that anyone still owes answers for.
    const owing = periods.map((p) => owingIn.get(p.id)!).find((o) => o.length > 0) ?? [];
    if (owing.length === 0) return [reply(turn, [t("nudge.all_done"), "", t("nudge.usage")].join("\n"))];
    const lines = owing.map((o) => t("reminder.member_line", { name: o.displayName, sections: o.sections.map((s) => t("reminder.section_short", { section: s.title, answered: s.answered, total: s.total })).join(", ") }));
    return [reply(turn, [t("nudge.owing"), ...lines, "", t("nudge.usage")].join("\n"))];
  }

  const match = await findColleague(tx, member.unitId, typed);
  if ("none" in match) return [reply(turn, t("colleague.none", { name: typed, names: match.names.join(", ") }))];
  if ("ambiguous" in match) return [reply(turn, t("colleague.ambiguous", { name: typed, names: match.ambiguous.join(", "), example: `/nhacnho ${match.ambiguous[0]}` }))];
  const target = match.found;

  const period = periods.find((p) => owingIn.get(p.id)!.some((o) => o.memberId === target.id));
  if (!period) return [reply(turn, t("nudge.member_done", { name: target.displayName }))];

  const today = localDay(turn.now, turn.timeZone);
  // Reached in a private chat they opened, or else through the unit's group: with neither, saying "sent" would be untrue.
  const reach = await unitReach(tx, member.unitId, today, ALL_CHANNELS);
  if (!reach.privateChat.has(target.id) && reach.groups.length === 0) return [reply(turn, t("nudge.unreachable", { name: target.displayName }))];
  const away = await tx.absence.findFirst({ where: { memberId: target.id, cancelledAt: null, startsOn: { lte: today }, endsOn: { gte: today } } });
  if (away && !forced) return [reply(turn, t("nudge.member_away", { name: target.displayName, until: formatDateVn(away.endsOn), typed }))];

  const unit = await tx.unit.findUniqueOrThrow({ where: { id: member.unitId }, select: { reminderPolicy: true } });
  const dueAt = forced ? turn.now : outsideQuiet(turn.now, readPolicy(unit.reminderPolicy).quietHours, turn.timeZone);
  // Asked twice before it went out: one reminder, not two.
  const waiting = await tx.reminderSlot.findFirst({ where: { periodId: period.id, kind: "nudge", memberId: target.id, status: "planned", forced } });
  if (!waiting) {
    await tx.reminderSlot.create({
      data: {
        periodId: period.id,
        kind: "nudge",
        key: `nudge:${target.id}:${turn.incoming.updateKey}`,
        dueAt,
        expiresAt: new Date(dueAt.getTime() + NUDGE_VALID_MS),
        memberId: target.id,
        forced,
      },
    });
  }
  if (poke) turn.afterCommit.push(poke);
  const planned = waiting?.dueAt ?? dueAt;
  if (planned > turn.now) return [reply(turn, t("nudge.later", { name: target.displayName, at: formatDateTimeVn(planned, turn.timeZone) }))];
  return [reply(turn, t("nudge.sent", { name: target.displayName }))];
}
