/**
 * The terminal demo's world: a demo ward with this month's period open and every section of
 * the default template given to the person at the keyboard, who joins through the same
 * `/start <code>` flow as a real officer. Safe to run again: what exists is kept, so a demo
 * interview continues where it stopped.
 */
import type { Core } from "../../app.js";
import type { Config } from "../../config.js";
import { CONSOLE_USER } from "./console-channel.js";

const DEMO_UNIT = "demo";
const DEMO_INVITE = "DEMO01";

/** Returns the line that tells the demo user where they are. */
export async function ensureDemo(core: Core, config: Config, now = new Date()): Promise<string> {
  const { db } = core.database;
  const unit =
    (await db.unit.findUnique({ where: { code: DEMO_UNIT } })) ??
    (await db.unit.create({ data: { code: DEMO_UNIT, name: core.t("console.demo_unit") } }));
  const version = await db.templateVersion.findFirstOrThrow({ where: { template: { key: "ward-monthly" } }, orderBy: { version: "desc" }, include: { sections: true } });
  const [year, month] = localYearMonth(now, config.timeZone);
  const period =
    (await db.period.findUnique({ where: { unitId_kind_year_number: { unitId: unit.id, kind: "thang", year, number: month } } })) ??
    (await db.period.create({
      data: {
        unitId: unit.id,
        templateVersionId: version.id,
        kind: "thang",
        year,
        number: month,
        startsOn: isoDate(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1, 15),
        endsOn: isoDate(year, month, 14),
        deadline: new Date(Date.UTC(year, month - 1, 18, 10)),
      },
    }));
  let identity = await db.identity.findUnique({ where: { channel_externalUserId: { channel: "console", externalUserId: CONSOLE_USER.externalId } } });
  if (!identity) {
    await db.invite.upsert({ where: { code: DEMO_INVITE }, create: { unitId: unit.id, code: DEMO_INVITE, role: "admin" }, update: {} });
    await core.engine.handle({ channel: "console", updateKey: `demo-join-${unit.id}`, chat: { externalId: "console", kind: "private" }, user: CONSOLE_USER, text: `/start ${DEMO_INVITE}` });
    identity = await db.identity.findUniqueOrThrow({ where: { channel_externalUserId: { channel: "console", externalUserId: CONSOLE_USER.externalId } } });
  }
  for (const section of version.sections) {
    await db.assignment.upsert({
      where: { periodId_sectionId: { periodId: period.id, sectionId: section.id } },
      create: { periodId: period.id, sectionId: section.id, memberId: identity.memberId },
      update: {},
    });
  }
  return core.t("console.demo_ready", { unit: unit.name, month, year });
}

function localYearMonth(now: Date, timeZone: string): [number, number] {
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).format(now).split("-");
  return [Number(y), Number(m)];
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
