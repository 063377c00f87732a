/**
 * Commands other than the interview itself: joining a unit, help, progress, pause.
 */
import { formatDateVn } from "../domain/format-vn.js";
import { localDay } from "../domain/local-time.js";
import { periodLabel } from "../domain/period-label.js";
import type { Translate } from "../i18n.js";
import type { Tx } from "../store/database.js";
import { byKey, sectionProgress, type SectionProgress } from "./progress.js";
import type { TemplateCache } from "./template-index.js";
import { reply, setState, type Turn } from "./turn.js";
import type { Incoming, Outgoing } from "./types.js";
import { loadAnswers, loadCurrentWork } from "./work.js";

export function help(t: Translate): string {
  return t("help.text");
}

/**
 * `/start <mã mời>` from someone who is not a member yet: creates the member and their
 * identity on this channel, and uses up one use of the invite.
 */
export async function join(tx: Tx, t: Translate, incoming: Incoming, code: string | undefined, now: Date): Promise<Outgoing[]> {
  const answer = (text: string): Outgoing[] => [{ text, replyToMessageId: incoming.messageId }];
  if (!code) return answer(t("join.need_code"));
  const invite = await tx.invite.findUnique({ where: { code: code.trim().toUpperCase() }, include: { unit: true } });
  if (!invite || invite.uses >= invite.maxUses || (invite.expiresAt && invite.expiresAt < now)) {
    return answer(t("join.bad_code", { code }));
  }
  // Guard against two people using the last slot of an invite at the same moment.
  const claimed = await tx.invite.updateMany({ where: { id: invite.id, uses: invite.uses }, data: { uses: { increment: 1 } } });
  if (claimed.count === 0) return answer(t("join.bad_code", { code }));
  const member = await tx.member.create({
    data: {
      unitId: invite.unitId,
      displayName: incoming.user.displayName,
      role: invite.role,
      identities: { create: { channel: incoming.channel, externalUserId: incoming.user.externalId, username: incoming.user.username } },
    },
  });
  await tx.auditLog.create({ data: { unitId: invite.unitId, memberId: member.id, action: "member.joined", detail: { inviteId: invite.id, channel: incoming.channel, role: invite.role }, createdAt: now } });
  return answer([t("join.welcome", { name: member.displayName, unit: invite.unit.name, role: t(`role.${invite.role}` as "role.officer") }), "", help(t)].join("\n"));
}

export async function pause(turn: Turn): Promise<Outgoing[]> {
  await setState(turn, { mode: "idle" });
  return [reply(turn, turn.t("interview.paused"))];
}

/** `/tiendo`: the member's own sections, then the whole unit's (per member for leaders and admins). */
export async function progress(turn: Turn): Promise<Outgoing[]> {
  const { t, tx } = turn;
  const work = await loadCurrentWork(tx, turn.templates, turn.member.id, turn.state.periodId);
  const period =
    work?.period ??
    (await tx.period.findFirst({ where: { unitId: turn.member.unitId, status: "open" }, orderBy: [{ deadline: "asc" }, { id: "asc" }] }));
  if (!period) return [reply(turn, t("progress.no_period"))];
  const lines = [t("progress.header", { period: periodLabel(period, t), deadline: formatDateVn(localDay(period.deadline, turn.timeZone)) })];
  const detailed = turn.member.role !== "officer";
  // Leaders and admins get every section with its owner below, which includes their own.
  if (work && work.sections.length > 0 && !detailed) {
    lines.push(t("progress.mine"));
    for (const s of work.sections) lines.push(progressLine(t, sectionProgress(s, work.answers, work.keyed)));
  }
  if (lines.length > 1) lines.push("");
  lines.push(...(await unitProgress(tx, turn.templates, t, period, detailed)));
  return [reply(turn, lines.join("\n"))];
}

function progressLine(t: Translate, p: { section: { title: string }; answered: number; total: number; complete: boolean }, who?: string): string {
  return t(p.complete ? "progress.line_done" : "progress.line_open", { section: p.section.title, answered: p.answered, total: p.total, who: who ? ` (${who})` : "" });
}

async function unitProgress(
  tx: Tx,
  templates: TemplateCache,
  t: Translate,
  period: { id: number; templateVersionId: number },
  detailed: boolean,
): Promise<string[]> {
  const index = await templates.get(tx, period.templateVersionId);
  const answers = await loadAnswers(tx, period.id);
  const keyed = byKey(index.sections, answers);
  const assignments = await tx.assignment.findMany({ where: { periodId: period.id }, include: { member: { select: { displayName: true } } } });
  const owner = new Map(assignments.map((a) => [a.sectionId, a.member.displayName]));
  const all = index.sections.filter((s) => owner.has(s.id)).map((s) => sectionProgress(s, answers, keyed));
  const answered = all.reduce((n, p) => n + p.answered, 0);
  const total = all.reduce((n, p) => n + p.total, 0);
  const lines = [
    t("progress.unit", {
      done: all.filter((p) => p.complete).length,
      sections: all.length,
      answered,
      total,
      percent: total === 0 ? "0" : String(Math.floor((answered / total) * 100)),
    }),
  ];
  if (detailed) {
    lines.push(...all.map((p) => progressLine(t, p, owner.get(p.section.id))));
    lines.push("", t("progress.by_member"));
    const byOwner = new Map<string, SectionProgress[]>();
    for (const p of all) byOwner.set(owner.get(p.section.id)!, [...(byOwner.get(owner.get(p.section.id)!) ?? []), p]);
    for (const [name, list] of byOwner) {
      const done = list.filter((p) => p.complete).length;
      const params = { name, done, sections: list.length, answered: list.reduce((n, p) => n + p.answered, 0), total: list.reduce((n, p) => n + p.total, 0) };
      lines.push(t("progress.member_line", { ...params, mark: done === list.length ? "✅" : "⏳" }));
    }
  }
  return lines;
}
