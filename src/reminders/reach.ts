/**
 * How the bot can reach the people of a unit: each member's private chat on the channel they
 * chose (else the one they used last), the unit's group chats, who is away today, and each
 * member's account on each channel (for mentions in a group). A bot may not write first to
 * someone who never opened a private chat with it, so only chats the member wrote in count.
 */
import type { Db, Tx } from "../store/database.js";

export interface ChatRef {
  id: number;
  channel: string;
  externalId: string;
}

export interface UnitReach {
  privateChat: Map<number, ChatRef>;
  groups: ChatRef[];
  /** Members away on the day asked for, with the last day of their absence. */
  absentUntil: Map<number, string>;
  /** memberId → channel → external user id. */
  accounts: Map<number, Map<string, string>>;
  leaders: number[];
}

/** `channels`: the channels this process can send on; chats elsewhere are out of reach. */
export async function unitReach(db: Db | Tx, unitId: number, day: string, channels: ReadonlySet<string>): Promise<UnitReach> {
  return (await reachOfUnits(db, [unitId], day, channels)).get(unitId)!;
}

/** unitReach for many units at once, in a fixed number of queries. */
export async function reachOfUnits(db: Db | Tx, unitIds: number[], day: string, channels: ReadonlySet<string>): Promise<Map<number, UnitReach>> {
  const members = await db.member.findMany({
    where: { unitId: { in: unitIds } },
    select: {
      id: true,
      unitId: true,
      role: true,
      preferredChannel: true,
      lastChannel: true,
      identities: { select: { channel: true, externalUserId: true } },
      absences: { where: { cancelledAt: null, startsOn: { lte: day }, endsOn: { gte: day } }, select: { endsOn: true } },
    },
  });
  // A private chat's id is the user's id on both Telegram and Zalo; the row exists once they wrote to the bot.
  const accounts = members.flatMap((m) => m.identities.filter((i) => channels.has(i.channel)));
  const privateChats: ChatRef[] = [];
  for (const channel of channels) {
    const externalIds = accounts.filter((a) => a.channel === channel).map((a) => a.externalUserId);
    if (externalIds.length) privateChats.push(...(await db.chat.findMany({ where: { kind: "private", channel, externalId: { in: externalIds } }, select: { id: true, channel: true, externalId: true } })));
  }
  const chatOf = new Map(privateChats.map((c) => [`${c.channel}:${c.externalId}`, c]));
  const groups = await db.chat.findMany({ where: { unitId: { in: unitIds }, kind: "group", channel: { in: [...channels] } }, select: { id: true, unitId: true, channel: true, externalId: true }, orderBy: { id: "asc" } });
  const result = new Map<number, UnitReach>();
  for (const unitId of unitIds) {
    result.set(unitId, { privateChat: new Map(), groups: groups.filter((g) => g.unitId === unitId).map(({ unitId: _, ...g }) => g), absentUntil: new Map(), accounts: new Map(), leaders: [] });
  }
  for (const m of members) {
    const reach = result.get(m.unitId)!;
    const chats = m.identities.map((i) => chatOf.get(`${i.channel}:${i.externalUserId}`)).filter((c) => c !== undefined);
    const chosen = [m.preferredChannel, m.lastChannel].map((c) => chats.find((chat) => chat.channel === c)).find(Boolean) ?? chats[0];
    if (chosen) reach.privateChat.set(m.id, chosen);
    const away = m.absences.map((a) => a.endsOn).sort().at(-1);
    if (away) reach.absentUntil.set(m.id, away);
    reach.accounts.set(m.id, new Map(m.identities.map((i) => [i.channel, i.externalUserId])));
    if (m.role === "leader" || m.role === "admin") reach.leaders.push(m.id);
  }
  return result;
}
