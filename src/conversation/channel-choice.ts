/**
 * `/kenh [telegram|zalo|tudong]`: where reminders reach a member who has linked both apps.
 * By default ("tự động") they go to the app the member wrote from last.
 */
import { normalizeForMatch } from "../domain/vn-text.js";
import { reply, type Turn } from "./turn.js";
import type { Outgoing } from "./types.js";

const NAMES: Record<string, string> = { telegram: "Telegram", zalo: "Zalo" };
const AUTO = ["tudong", "tu dong", "auto"];

export async function channelCommand(turn: Turn, args: string[]): Promise<Outgoing[]> {
  const { t, tx, member } = turn;
  const typed = normalizeForMatch(args.join(" "));
  const row = await tx.member.findUniqueOrThrow({ where: { id: member.id }, select: { preferredChannel: true, lastChannel: true } });
  if (typed === "") {
    const channel = row.preferredChannel ? NAMES[row.preferredChannel] ?? row.preferredChannel : t("channel.auto", { channel: NAMES[row.lastChannel ?? ""] ?? turn.incoming.channel });
    return [reply(turn, t("channel.current", { channel }))];
  }
  if (AUTO.includes(typed)) {
    await tx.member.update({ where: { id: member.id }, data: { preferredChannel: null } });
    return [reply(turn, t("channel.set_auto"))];
  }
  const name = NAMES[typed];
  if (!name) return [reply(turn, t("channel.unknown", { text: args.join(" ") }))];
  const linked = await tx.identity.findFirst({ where: { memberId: member.id, channel: typed }, select: { id: true } });
  if (!linked) return [reply(turn, t("channel.not_linked", { channel: name }))];
  await tx.member.update({ where: { id: member.id }, data: { preferredChannel: typed } });
  return [reply(turn, t("channel.set", { channel: name }))];
}
