/**
 * Reminder moments of many units expanded together: what each unit's moment writes is built
 * from that unit's own members, chats and answers only, late moments are dropped, and each
 * moment is taken once even when two passes run at the same time.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TemplateCache } from "../../src/conversation/template-index.js";
import { localInstant } from "../../src/domain/local-time.js";
import { loadTemplatesDir } from "../../src/domain/template.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { expandDueSlots } from "../../src/reminders/expand.js";
import { syncTemplates } from "../../src/store/templates.js";
import { providers, withTestDatabase, type TestDatabase } from "../support/test-db.js";

const VN = "Asia/Ho_Chi_Minh";
const DUE = localInstant("2026-11-17", "08:00", VN);

describe.each(providers)("expanding reminder moments on %s", (provider) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await withTestDatabase(provider, "expand");
    await syncTemplates(test.db, await loadTemplatesDir(join(PROJECT_ROOT, "templates")));
  });
  afterEach(() => test.close());

  /** A unit with `officers` officers (each owning one section, each with a private chat), a group chat and a moment due at DUE. */
  async function unitWith(code: string, officers: number, opts: { expiresAt?: Date; answerAll?: boolean } = {}) {
    const db = test.db;
    const version = await db.templateVersion.findFirstOrThrow({ where: { template: { key: "ward-monthly" } }, orderBy: { version: "desc" }, include: { sections: { orderBy: { position: "asc" }, include: { questions: true } } } });
    const unit = await db.unit.create({ data: { code, name: `Phường ${code}` } });
    const period = await db.period.create({
      data: { unitId: unit.id, templateVersionId: version.id, kind: "thang", year: 2026, number: 11, startsOn: "2026-10-15", endsOn: "2026-11-14", deadline: localInstant("2026-11-18", "17:00", VN) },
    });
    const group = await db.chat.create({ data: { channel: "telegram", externalId: `-${unit.id}00`, kind: "group", unitId: unit.id } });
    const members: number[] = [];
    for (let i = 0; i < officers; i++) {
      const userId = `${code}-${i}`;
      const member = await db.member.create({ data: { unitId: unit.id, displayName: `${code} ${i}`, role: "officer", identities: { create: { channel: "telegram", externalUserId: userId } } } });
      await db.chat.create({ data: { channel: "telegram", externalId: userId, kind: "private" } });
      await db.assignment.create({ data: { periodId: period.id, sectionId: version.sections[i]!.id, memberId: member.id } });
      members.push(member.id);
    }
    const slot = await db.reminderSlot.create({ data: { periodId: period.id, kind: "before", key: "before:1", dueAt: DUE, expiresAt: opts.expiresAt ?? localInstant("2026-11-18", "08:00", VN) } });
    return { unit, group, members, slot };
  }

  const deps = () => ({ db: test.db, templates: new TemplateCache(), timeZone: VN, channels: new Set(["telegram"]) });

  it("writes each unit's deliveries from that unit's members only, and drops a moment past its expiry", async () => {
    const a = await unitWith("a", 3);
    const b = await unitWith("b", 2);
    const late = await unitWith("c", 1, { expiresAt: new Date(DUE.getTime() + 1000) });
    expect(await expandDueSlots(deps(), new Date(DUE.getTime() + 60_000))).toBe(3);

    const rows = await test.db.reminderDelivery.findMany({ orderBy: { id: "asc" } });
    const chats = new Map((await test.db.chat.findMany()).map((c) => [c.id, c]));
    const of = (u: typeof a) => rows.filter((r) => r.slotId === u.slot.id);
    for (const u of [a, b]) {
      expect(of(u).filter((r) => r.target.startsWith("member:")).map((r) => (r.memberIds as number[])[0])).toEqual(u.members);
      expect(of(u).filter((r) => r.target.startsWith("member:")).every((r) => chats.get(r.chatId)?.kind === "private" && chats.get(r.chatId)!.externalId.startsWith(`${u.unit.code}-`))).toBe(true);
      // The group digest of a unit names its own members, and goes to its own group.
      expect(of(u).filter((r) => r.target.startsWith("group:")).map((r) => [r.chatId, r.memberIds])).toEqual([[u.group.id, u.members]]);
    }
    expect(of(late)).toEqual([]);
    const slots = await test.db.reminderSlot.findMany({ orderBy: { id: "asc" } });
    expect(slots.map((s) => s.status)).toEqual(["expanded", "expanded", "dropped"]);
  });

  it("takes each moment once when two passes run at the same time", async () => {
    const units = [];
    for (let u = 0; u < 60; u++) units.push(await unitWith(`u${u}`, 1));
    const now = new Date(DUE.getTime() + 60_000);
    const [first, second] = await Promise.all([expandDueSlots(deps(), now), expandDueSlots(deps(), now)]);
    expect(first + second).toBe(60);
    expect(await expandDueSlots(deps(), now)).toBe(0);
    // One private message and one group digest per unit, never two.
    expect(await test.db.reminderDelivery.count()).toBe(120);
  });
});
