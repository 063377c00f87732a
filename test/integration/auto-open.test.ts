/**
 * Periods that open by themselves: the next monthly period of a unit opens three days before
 * its cut-off with the owners of the previous one, once, and with its reminders planned.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/cli/run-admin.js";
import { localInstant } from "../../src/domain/local-time.js";
import { createLogger } from "../../src/logger.js";
import { openScheduledPeriods } from "../../src/reminders/auto-open.js";
import { providers, withTestDatabase, type TestDatabase } from "../support/test-db.js";

const VN = "Asia/Ho_Chi_Minh";
const log = createLogger("silent");

describe.each(providers)("periods opened on schedule on %s", (provider) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await withTestDatabase(provider, "autoopen");
  });
  afterEach(() => test.close());

  async function admin(...args: string[]): Promise<void> {
    const err: string[] = [];
    const code = await runAdmin(args, { out: () => undefined, err: (l) => err.push(l) }, { DATABASE_URL: test.url });
    expect(err).toEqual([]);
    expect(code).toBe(0);
  }

  it("opens next month's period with the same owners, once, and not for a unit that never had one", async () => {
    await admin("unit", "create", "phuong-1", "Phường", "1");
    await admin("unit", "create", "phuong-2", "Phường", "2");
    const unit = await test.db.unit.findUniqueOrThrow({ where: { code: "phuong-1" } });
    await test.db.member.create({ data: { unitId: unit.id, displayName: "Nguyễn Thị Lan", role: "officer" } });
    await admin("period", "open", "phuong-1", "thang", "11/2026");
    await admin("assign", "phuong-1", "thang", "11/2026", "y-te", "Nguyễn Thị Lan");

    // The December cut-off is 14/12: the period opens on 11/12, not before.
    expect(await openScheduledPeriods(test.db, log, localInstant("2026-12-10", "23:59", VN), VN)).toBe(0);
    expect(await openScheduledPeriods(test.db, log, localInstant("2026-12-11", "00:05", VN), VN)).toBe(1);
    expect(await openScheduledPeriods(test.db, log, localInstant("2026-12-11", "09:00", VN), VN)).toBe(0);

    const december = await test.db.period.findFirstOrThrow({ where: { number: 12 }, include: { assignments: { include: { member: true, section: true } }, reminderSlots: true } });
    expect(december).toMatchObject({ unitId: unit.id, kind: "thang", year: 2026, startsOn: "2026-11-15", endsOn: "2026-12-14" });
    expect(december.assignments.map((a) => [a.section.key, a.member.displayName])).toEqual([["y-te", "Nguyễn Thị Lan"]]);
    expect(december.reminderSlots.map((s) => s.key)).toContain("before:1");
    expect(await test.db.period.count({ where: { unit: { code: "phuong-2" } } })).toBe(0);
  });

  it("does not open a period whose deadline has passed, nor kinds the unit did not ask for", async () => {
    await admin("unit", "create", "phuong-1", "Phường", "1");
    await admin("period", "open", "phuong-1", "thang", "10/2026");
    await admin("period", "open", "phuong-1", "quy", "3/2026");
    // November's deadline (18/11) is over on 25/11: nothing is opened late; no quarter either.
    expect(await openScheduledPeriods(test.db, log, localInstant("2026-11-25", "08:00", VN), VN)).toBe(0);
    await admin("unit", "settings", "phuong-1", "--reminders", '{"autoOpen":[]}');
    expect(await openScheduledPeriods(test.db, log, localInstant("2026-12-11", "08:00", VN), VN)).toBe(0);
    expect(await test.db.period.count()).toBe(2);
  });
});
