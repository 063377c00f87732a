/**
 * What a reminder says: the period, the deadline and the time left, and what is missing
 * (the member's own sections with counts; in a group, each member with their sections; for
 * leaders, everyone late and who is away). Texts are built when the message is sent, from the
 * answers as they are then.
 */
import { formatDateTimeVn, formatDateVn } from "../domain/format-vn.js";
import { periodLabel } from "../domain/period-label.js";
import type { Outgoing } from "../conversation/types.js";
import type { Translate } from "../i18n.js";
import type { Owing } from "./owing.js";

/** The button data that resumes the interview of a period (handled by the engine). */
export const RESUME_PREFIX = "resume:";

export interface ReminderContext {
  t: Translate;
  timeZone: string;
  now: Date;
  kind: string;
  period: { id: number; kind: string; year: number; number: number; deadline: Date };
}

function header(c: ReminderContext): string {
  const { t } = c;
  const key = (["opened", "before", "deadline", "overdue", "nudge"] as const).find((k) => k === c.kind) ?? "before";
  return t(`reminder.${key}`, { period: periodLabel(c.period, t), deadline: formatDateTimeVn(c.period.deadline, c.timeZone), left: timeLeft(c) });
}

/** "còn 3 ngày", "còn 5 giờ", "quá hạn 2 ngày". */
export function timeLeft({ t, now, period }: Pick<ReminderContext, "t" | "now" | "period">): string {
  const ms = period.deadline.getTime() - now.getTime();
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const days = Math.floor(hours / 24);
  if (ms >= 0) return days >= 1 ? t("reminder.left_days", { days }) : hours >= 1 ? t("reminder.left_hours", { hours }) : t("reminder.left_soon");
  return days >= 1 ? t("reminder.late_days", { days }) : t("reminder.late_hours", { hours: Math.max(1, hours) });
}

/** To one member in private: their own open sections, and a one-tap way to continue. */
export function memberReminder(c: ReminderContext, owing: Owing): Outgoing {
  const { t } = c;
  const lines = [header(c), "", t("reminder.yours"), ...owing.sections.map((s) => t("reminder.section_line", { section: s.title, answered: s.answered, total: s.total })), "", t("reminder.continue_hint")];
  return { text: lines.join("\n"), shortcuts: [{ label: t("reminder.continue_button"), data: `${RESUME_PREFIX}${c.period.id}` }] };
}

/**
 * One message for a group chat naming each member who owes answers; on Telegram the names
 * are mentions (the member is notified even in a muted group).
 */
export function groupDigest(c: ReminderContext, owing: Owing[], accountOf: (memberId: number) => string | undefined): Outgoing {
  const { t } = c;
  const lines = [header(c), "", t("reminder.group_missing")];
  const mentions: NonNullable<Outgoing["mentions"]> = [];
  for (const o of owing) {
    lines.push(t("reminder.member_line", { name: o.displayName, sections: sectionList(t, o) }));
    const userId = accountOf(o.memberId);
    if (userId) mentions.push({ text: o.displayName, userId });
  }
  lines.push("", t("reminder.group_hint"));
  return { text: lines.join("\n"), mentions };
}

/** To a leader: everyone who still owes answers, with who is away. */
export function escalation(c: ReminderContext, owing: Owing[], absentUntil: ReadonlyMap<number, string>): Outgoing {
  const { t } = c;
  const params = { period: periodLabel(c.period, t), deadline: formatDateTimeVn(c.period.deadline, c.timeZone), left: timeLeft(c), count: owing.length };
  const lines = [t("reminder.escalation", params)];
  for (const o of owing) {
    const until = absentUntil.get(o.memberId);
    const away = until ? t("reminder.absent", { until: formatDateVn(until) }) : "";
    lines.push(t("reminder.member_line", { name: `${o.displayName}${away}`, sections: sectionList(t, o) }));
  }
  return { text: lines.join("\n") };
}

function sectionList(t: Translate, o: Owing): string {
  return o.sections.map((s) => t("reminder.section_short", { section: s.title, answered: s.answered, total: s.total })).join(", ");
}
