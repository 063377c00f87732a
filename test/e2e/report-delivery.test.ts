/**
 * `/baocao … file` in chat: the compiled .docx is built after the reply and delivered as a
 * document on Telegram, and as a signed, expiring download link on Zalo (which cannot send files).
 */
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { createInvite } from "../../src/admin/create-invite.js";
import { createUnit } from "../../src/admin/create-unit.js";
import { openPeriod } from "../../src/admin/open-period.js";
import { Person, startApp, TEST_TOKEN, ZALO_TEST_TOKEN, ZaloPerson, type RunningBot } from "../support/bot-harness.js";
import { tempSqliteUrl } from "../support/databases.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { FakeZalo } from "../support/fake-zalo.js";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops.length = 0;
});

async function unitWithLeaderInvite(bot: RunningBot): Promise<string> {
  const db = bot.core.database.db;
  await createUnit(db, { code: "phuong-1", name: "Phường 1" });
  await openPeriod(db, { unitCode: "phuong-1", kind: "thang", year: 2026, number: 11, now: new Date(), timeZone: "Asia/Ho_Chi_Minh" });
  return (await createInvite(db, { unitCode: "phuong-1", role: "leader", now: new Date() })).code;
}

function isReportDocx(bytes: Uint8Array): boolean {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  return xml.includes("BÁO CÁO") && xml.includes("./.");
}

describe("report delivery", () => {
  it("sends the .docx as a document on Telegram", async () => {
    const telegram = await FakeTelegram.start({ token: TEST_TOKEN });
    const bot = await startApp({ telegram, databaseUrl: tempSqliteUrl() });
    stops.push(() => telegram.stop(), () => bot.stop());
    const code = await unitWithLeaderInvite(bot);
    const leader = new Person(telegram, { id: 4001, type: "private" }, { id: 4001, first_name: "Chủ tịch" });
    await leader.say(`/start ${code}`);
    expect((await leader.say("/baocao thang file")).text).toContain("Đang soạn");
    const document = await telegram.waitFor((m) => m.method === "sendDocument", { timeoutMs: 15_000 });
    expect(document.document!.filename).toMatch(/\.docx$/);
    expect(isReportDocx(document.document!.bytes)).toBe(true);
    expect(await bot.core.database.db.generatedFile.count()).toBe(1);
  });

  it("sends a signed download link on Zalo that works, and fails when tampered with", async () => {
    const zalo = await FakeZalo.start({ token: ZALO_TEST_TOKEN });
    const bot = await startApp({ zalo, databaseUrl: tempSqliteUrl() });
    stops.push(() => zalo.stop(), () => bot.stop());
    const code = await unitWithLeaderInvite(bot);
    const leader = new ZaloPerson(zalo, "0000aaaa0000aaaa0000", "Chủ tịch");
    await leader.say(`/start ${code}`);
    const from = zalo.sent.length;
    await leader.say("/baocao thang file");
    const linkMessage = await zalo.waitFor((m) => (m.text ?? "").includes("/files/"), { after: from, timeoutMs: 15_000 });
    const url = /(http:\/\/\S+\/files\/\S+)/.exec(linkMessage.text!)![1]!;
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(isReportDocx(new Uint8Array(await ok.arrayBuffer()))).toBe(true);
    const tampered = url.replace(/sig=(.)/, (_, c: string) => `sig=${c === "A" ? "B" : "A"}`);
    expect((await fetch(tampered)).status).toBe(403);
  });
});
