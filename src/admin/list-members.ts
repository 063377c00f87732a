/** The members of a unit with their role and the channels they use, for choosing whom to assign. */
import type { Db } from "../store/database.js";
import { findUnit, type UnitRow } from "./lookup.js";

export interface MemberListing {
  id: number;
  displayName: string;
  role: string;
  /** "telegram", "zalo"...: where the bot can reach them. */
  channels: string[];
  joinedAt: Date;
}

export async function listMembers(db: Db, unitCode: string): Promise<{ unit: UnitRow; members: MemberListing[] }> {
  return db.$transaction(async (tx) => {
    const unit = await findUnit(tx, unitCode);
    const rows = await tx.member.findMany({ where: { unitId: unit.id }, orderBy: { id: "asc" }, include: { identities: { select: { channel: true } } } });
    const members = rows.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      role: m.role,
      channels: [...new Set(m.identities.map((i) => i.channel))].sort(),
      joinedAt: m.createdAt,
    }));
    return { unit, members };
  });
}
