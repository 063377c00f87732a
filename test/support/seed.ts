/**
 * Test fixtures written straight to the database: a unit with an invite code and an open
 * monthly period of the default template. (The admin command line does the same through its
 * own validated operations; these fixtures keep tests independent of it.)
 */
import type { Db } from "../../src/store/database.js";

export interface SeededUnit {
  unitId: number;
  periodId: number;
  inviteCode: string;
  sectionKeys: string[];
}

export async function seedUnit(db: Db, code = "phuong-1", invite = "K7M2Q9"): Promise<SeededUnit> {
  const version = await db.templateVersion.findFirstOrThrow({ where: { template: { key: "ward-monthly" } }, orderBy: { version: "desc" }, include: { sections: { orderBy: { position: "asc" } } } });
  const unit = await db.unit.create({ data: { code, name: `UBND ${code}` } });
  await db.invite.create({ data: { unitId: unit.id, code: invite, role: "officer", maxUses: 50 } });
  const period = await db.period.create({
    data: { unitId: unit.id, templateVersionId: version.id, kind: "thang", year: 2026, number: 11, startsOn: "2026-10-15", endsOn: "2026-11-14", deadline: new Date("2026-11-18T10:00:00Z") },
  });
  return { unitId: unit.id, periodId: period.id, inviteCode: invite, sectionKeys: version.sections.map((s) => s.key) };
}

/** Gives sections of the seeded period to the member who joined on Telegram as `telegramUserId`. */
export async function assignTo(db: Db, seeded: SeededUnit, telegramUserId: number, sectionKeys: string[]): Promise<number> {
  const identity = await db.identity.findUniqueOrThrow({ where: { channel_externalUserId: { channel: "telegram", externalUserId: String(telegramUserId) } } });
  const period = await db.period.findUniqueOrThrow({ where: { id: seeded.periodId } });
  for (const key of sectionKeys) {
    const section = await db.section.findUniqueOrThrow({ where: { templateVersionId_key: { templateVersionId: period.templateVersionId, key } } });
    await db.assignment.create({ data: { periodId: period.id, sectionId: section.id, memberId: identity.memberId } });
  }
  return identity.memberId;
}
