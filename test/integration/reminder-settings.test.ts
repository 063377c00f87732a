/**
 * A unit's reminder and calendar settings through the admin command line: checked, merged over
 * what is stored, used for new deadlines and applied to the reminders of open periods.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/cli/run-admin.js";
import { localDay, localMinutes } from "../../src/domain/local-time.js";
import { readPolicy } from "../../src/domain/unit-policy.js";
import { providers, withTestDatabase, type TestDatabase } from "../support/test-db.js";

const VN = "Asia/Ho_Chi_Minh";

describe.each(providers)("reminder settings on %s", (provider) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await withTestDatabase(provider, "policy");
  });
  afterEach(() => test.close());

  async function admin(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { DATABASE_URL: test.url });
    return { code, out, err };
  }

  it("moves the reminders of an open period and the deadline of the next one", async () => {
    expect((await admin("unit", "create", "phuong-1", "Phường", "1")).code).toBe(0);
    expect((await admin("period", "open", "phuong-1", "thang", "12/2026")).code).toBe(0);
    const before = await test.db.reminderSlot.findMany({ orderBy: { dueAt: "asc" } });
    expect(before.map((s) => s.key)).toContain("before:3");

    const set = await admin("unit", "settings", "phuong-1", "--reminders", '{"daysBefore":[2],"sendAt":"07:30","deadlines":{"thang":{"dayOfMonth":18}}}');
    expect(set.err).toEqual([]);
    const after = await test.db.reminderSlot.findMany({ where: { kind: { not: "opened" } }, orderBy: { dueAt: "asc" } });
    expect(after.map((s) => s.key)).not.toContain("before:3");
    expect(after.map((s) => s.key)).toContain("before:2");
    for (const s of after.filter((x) => x.kind !== "escalation")) expect(localMinutes(s.dueAt, VN)).toBe(7 * 60 + 30);

    // A second change keeps the first one's fields.
    expect((await admin("unit", "settings", "phuong-1", "--reminders", '{"overdueDays":1}')).code).toBe(0);
    expect((await admin("period", "open", "phuong-1", "thang", "1/2027")).code).toBe(0);
    const january = await test.db.period.findFirstOrThrow({ where: { year: 2027 } });
    // Due on the 18th: Monday 18/01/2027.
    expect(localDay(january.deadline, VN)).toBe("2027-01-18");
    const policy = (await test.db.unit.findFirstOrThrow()).reminderPolicy as Record<string, unknown>;
    expect(policy).toMatchObject({ daysBefore: [2], sendAt: "07:30", overdueDays: 1 });

    // Nested settings merge key by key: one more kind's deadline keeps the monthly rule, and one end of the quiet hours is enough.
    expect((await admin("unit", "settings", "phuong-1", "--reminders", '{"deadlines":{"quy":{"dayOfMonth":20}},"quietHours":{"start":"22:00"}}')).err).toEqual([]);
    const nested = (await test.db.unit.findFirstOrThrow()).reminderPolicy as Record<string, unknown>;
    expect(nested).toMatchObject({ deadlines: { thang: { dayOfMonth: 18 }, quy: { dayOfMonth: 20 } }, quietHours: { start: "22:00" } });
    expect(readPolicy(nested).quietHours).toEqual({ start: "22:00", end: "07:00" });
  });

  it("refuses settings it cannot read, in Vietnamese with an example, and changes nothing", async () => {
    expect((await admin("unit", "create", "phuong-1", "Phường", "1")).code).toBe(0);
    const notJson = await admin("unit", "settings", "phuong-1", "--reminders", "{daysBefore: 3}");
    expect(notJson.code).toBe(1);
    expect(notJson.err.join("\n")).toContain("phải là JSON, ví dụ");
    const wrong = await admin("unit", "settings", "phuong-1", "--reminders", '{"sendAt":"8h","quietHours":{"start":"25:00","end":"07:00"}}');
    expect(wrong.code).toBe(1);
    expect(wrong.err.join("\n")).toContain("sendAt: giờ dạng HH:mm, ví dụ 08:00");
    expect(wrong.err.join("\n")).toContain("quietHours.start: giờ dạng HH:mm");
    expect((await test.db.unit.findFirstOrThrow()).reminderPolicy).toBeNull();
  });
});
