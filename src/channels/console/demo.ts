/**
 * The terminal demo's world, built with the same admin operations as `npm run baocao`: a demo
 * ward, this month's period, and every section given to the person at the keyboard, who joins
 * through the same `/start <code>` flow as a real officer. Safe to run again: what exists is
 * kept, so a demo interview continues where it stopped.
 */
import { assignSection, ALL_SECTIONS } from "../../admin/assign-section.js";
import { createInvite } from "../../admin/create-invite.js";
import { createUnit } from "../../admin/create-unit.js";
import { openPeriod } from "../../admin/open-period.js";
import type { Core } from "../../app.js";
import type { Config } from "../../config.js";
import { CONSOLE_USER } from "./console-channel.js";

const DEMO_UNIT = "demo";

/** Returns the line that tells the demo user where they are. */
export async function ensureDemo(core: Core, config: Config, now = new Date()): Promise<string> {
  const { db } = core.database;
  const name = core.t("console.demo_unit");
  const unit = (await db.unit.findUnique({ where: { code: DEMO_UNIT } })) ?? (await createUnit(db, { code: DEMO_UNIT, name }));
  const [year, month] = localYearMonth(now, config.timeZone);
  const periodRef = { kind: "thang", year, number: month };
  if (!(await db.period.findUnique({ where: { unitId_kind_year_number: { unitId: unit.id, kind: "thang", year, number: month } } }))) {
    await openPeriod(db, { unitCode: DEMO_UNIT, ...periodRef, now, timeZone: config.timeZone });
  }
  const joined = await db.identity.findUnique({ where: { channel_externalUserId: { channel: "console", externalUserId: CONSOLE_USER.externalId } } });
  let memberId = joined?.memberId;
  if (memberId === undefined) {
    const invite = await createInvite(db, { unitCode: DEMO_UNIT, role: "admin", now });
    await core.engine.handle({ channel: "console", updateKey: `demo-join-${invite.code}`, chat: { externalId: "console", kind: "private" }, user: CONSOLE_USER, text: `/start ${invite.code}` });
    memberId = (await db.identity.findUniqueOrThrow({ where: { channel_externalUserId: { channel: "console", externalUserId: CONSOLE_USER.externalId } } })).memberId;
  }
  if ((await db.assignment.count({ where: { memberId, period: periodRef } })) === 0) {
    await assignSection(db, { unitCode: DEMO_UNIT, periodRef, sectionKey: ALL_SECTIONS, member: memberId });
  }
  return core.t("console.demo_ready", { unit: unit.name, month, year });
}

function localYearMonth(now: Date, timeZone: string): [number, number] {
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).format(now).split("-");
  return [Number(y), Number(m)];
}
