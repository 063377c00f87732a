/**
 * One person, several channels: `/lienket` on one channel gives a one-time code; typing
 * `/lienket <code>` on another channel adds that channel's account to the same member, who
 * then continues the same interview there (answers belong to the period, not the channel).
 */
import { shortCode } from "../domain/short-code.js";
import type { Translate } from "../i18n.js";
import type { Tx } from "../store/database.js";
import { reply, type MemberRow, type Turn } from "./turn.js";
import type { Incoming, Outgoing } from "./types.js";

const VALID_MINUTES = 10;

/** `/lienket` from a member: a fresh code for their other channel. */
export async function issueLinkCode(turn: Turn): Promise<Outgoing[]> {
  const { tx, t, now } = turn;
  let code = shortCode();
  while (await tx.linkCode.findUnique({ where: { code } })) code = shortCode();
  await tx.linkCode.create({ data: { code, memberId: turn.member.id, expiresAt: new Date(now.getTime() + VALID_MINUTES * 60_000), createdAt: now } });
  return [reply(turn, t("link.code", { code, minutes: VALID_MINUTES }))];
}

/**
 * `/lienket <code>` typed on the other channel. `member` is who this account already belongs
 * to, if anyone: an account is never moved from one member to another.
 */
export async function useLinkCode(tx: Tx, t: Translate, incoming: Incoming, member: MemberRow | null, typed: string, now: Date): Promise<Outgoing[]> {
  const answer = (text: string): Outgoing[] => [{ text, replyToMessageId: incoming.messageId }];
  const link = await tx.linkCode.findUnique({ where: { code: typed.trim().toUpperCase() }, include: { member: { include: { unit: true } } } });
  if (!link || link.usedAt || link.expiresAt < now) return answer(t("link.bad_code", { code: typed }));
  if (member) return answer(t(member.id === link.memberId ? "link.already" : "link.other_member"));
  const used = await tx.linkCode.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
  if (used.count === 0) return answer(t("link.bad_code", { code: typed }));
  await tx.identity.create({ data: { memberId: link.memberId, channel: incoming.channel, externalUserId: incoming.user.externalId, username: incoming.user.username, createdAt: now } });
  // Linking is using this app: reminders follow the member here unless they chose otherwise.
  await tx.member.update({ where: { id: link.memberId }, data: { lastChannel: incoming.channel } });
  await tx.auditLog.create({ data: { unitId: link.member.unitId, memberId: link.memberId, action: "identity.linked", detail: { channel: incoming.channel }, createdAt: now } });
  return answer(t("link.done", { name: link.member.displayName, unit: link.member.unit.name }));
}
