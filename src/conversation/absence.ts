/**
 * `/vangmat`: an officer says when they are away. Reminders skip them on those days; with
 * "cho <tên>" their sections in the open periods go to that colleague (who then gets the
 * reminders for them), and go back to them in the next period.
 */
import { formatDateVn } from "../domain/format-vn.js";
import { addDays, localDay } from "../domain/local-time.js";
import { MAX_ABSENCE_DAYS, parseAbsence, type AbsenceError } from "../domain/parse-absence.js";
import { periodLabel } from "../domain/period-label.js";
import { looselyEquals } from "../domain/vn-text.js";
import type { MessageKey } from "../i18n.js";
import { findColleague, type Colleague } from "./colleague.js";
import { reply, type Turn } from "./turn.js";
import type { Outgoing } from "./types.js";

const ERRORS: Record<AbsenceError, MessageKey> = {
  format: "absence.bad_format",
  order: "absence.bad_order",
  past: "absence.bad_past",
  too_long: "absence.bad_long",
};

export async function absenceCommand(turn: Turn, args: string[]): Promise<Outgoing[]> {
  const { t, tx, member } = turn;
  const today = localDay(turn.now, turn.timeZone);
  const text = args.join(" ");
  const current = await tx.absence.findMany({ where: { memberId: member.id, cancelledAt: null, endsOn: { gte: today } }, orderBy: { startsOn: "asc" } });
  if (text === "") {
    const ranges = current.map((a) => `${formatDateVn(a.startsOn)}–${formatDateVn(a.endsOn)}`).join(", ");
    return [reply(turn, [current.length ? t("absence.current", { ranges }) : t("absence.none"), "", t("absence.usage")].join("\n"))];
  }
  if (looselyEquals(text, "hủy")) {
    if (current.length === 0) return [reply(turn, t("absence.none"))];
    await tx.absence.updateMany({ where: { id: { in: current.map((a) => a.id) } }, data: { cancelledAt: turn.now } });
    return [reply(turn, t("absence.cancelled"))];
  }

  const parsed = parseAbsence(text, today);
  if (!parsed.ok) {
    const example = `${formatDateVn(today).slice(0, 5)}-${formatDateVn(addDays(today, 4)).slice(0, 5)}`;
    return [reply(turn, t(ERRORS[parsed.error], { text, example, days: MAX_ABSENCE_DAYS }))];
  }
  const { startsOn, endsOn, delegate: typedName } = parsed.value;
  let delegate: Colleague | undefined;
  if (typedName) {
    const match = await findColleague(tx, member.unitId, typedName);
    if ("none" in match) return [reply(turn, t("colleague.none", { name: typedName, names: match.names.join(", ") }))];
    if ("ambiguous" in match) return [reply(turn, t("colleague.ambiguous", { name: typedName, names: match.ambiguous.join(", "), example: `/vangmat ${formatDateVn(startsOn).slice(0, 5)}-${formatDateVn(endsOn).slice(0, 5)} cho ${match.ambiguous[0]}` }))];
    if (match.found.id === member.id) return [reply(turn, t("colleague.self"))];
    delegate = match.found;
  }
  await tx.absence.create({ data: { memberId: member.id, startsOn, endsOn, delegateId: delegate?.id ?? null, createdAt: turn.now } });
  const lines = [t("absence.saved", { from: formatDateVn(startsOn), to: formatDateVn(endsOn) })];
  if (delegate) lines.push(...(await handOver(turn, delegate, startsOn)));
  return [reply(turn, lines.join("\n"))];
}

/** Gives the member's sections of every open period still due when the absence starts. */
async function handOver(turn: Turn, delegate: Colleague, startsOn: string): Promise<string[]> {
  const { tx, t, member } = turn;
  const assignments = await tx.assignment.findMany({
    where: { memberId: member.id, period: { status: "open" } },
    include: { period: true, section: { select: { title: true } } },
    orderBy: [{ periodId: "asc" }, { sectionId: "asc" }],
  });
  const due = assignments.filter((a) => localDay(a.period.deadline, turn.timeZone) >= startsOn);
  if (due.length === 0) return [t("absence.nothing_to_hand")];
  await tx.assignment.updateMany({ where: { id: { in: due.map((a) => a.id) } }, data: { memberId: delegate.id, delegatedFromId: member.id } });
  await tx.auditLog.create({ data: { unitId: member.unitId, memberId: member.id, action: "sections.delegated", detail: { to: delegate.id, assignments: due.map((a) => a.id) }, createdAt: turn.now } });
  const byPeriod = new Map<number, typeof due>();
  for (const a of due) byPeriod.set(a.periodId, [...(byPeriod.get(a.periodId) ?? []), a]);
  return [...byPeriod.values()].map((list) =>
    t("absence.handed", { period: periodLabel(list[0]!.period, t), sections: list.map((a) => a.section.title).join(", "), name: delegate.displayName }),
  );
}
