/**
 * Report downloads end to end: a real SQLite database, a FileStore in a temporary folder and
 * the bot's HTTP server. A link downloads exactly the saved file until it expires, and fails
 * when its signature is changed or it is pointed at another file.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileStore } from "../../src/files/file-store.js";
import { registerDownloads } from "../../src/http/download-route.js";
import { createHttpServer, type HttpServer } from "../../src/http/server.js";
import { signDownload } from "../../src/http/signed-links.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { tempSqliteUrl } from "../support/databases.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const fileName = "Báo cáo tháng 11-2026.docx";
const key = randomBytes(32);
const start = new Date("2026-11-20T08:00:00Z");
const inOneHour = new Date(start.getTime() + 3_600_000);

let database: Database;
let store: FileStore;
let filesDir: string;
let http: HttpServer;
let baseUrl: string;
let unitId: number;
let clock = start;
const serverErrors: unknown[] = [];

beforeAll(async () => {
  database = await openDatabase(tempSqliteUrl());
  unitId = (await database.db.unit.create({ data: { code: "phuong-1", name: "UBND phường 1" } })).id;
  filesDir = mkdtempSync(join(tmpdir(), "baocao-files-"));
  store = new FileStore({ dir: filesDir, db: database.db });
  http = createHttpServer((err) => serverErrors.push(err));
  registerDownloads(http, { store, key, now: () => clock });
  baseUrl = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
});

afterAll(async () => {
  await http?.close();
  await database?.close();
});

const saveReport = (bytes: Uint8Array, periodId?: number) =>
  store.save({ unitId, periodId, kind: "report", fileName, mimeType: DOCX, bytes });

const link = (fileId: string, expiresAt = inOneHour) => signDownload({ fileId, expiresAt, key, baseUrl });

describe("report downloads", () => {
  it("downloads exactly the saved bytes with the right headers", async () => {
    clock = start;
    const bytes = randomBytes(5000);
    const row = await saveReport(bytes, 7);
    const res = await fetch(link(row.id));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get("content-type")).toBe(DOCX);
    expect(res.headers.get("content-length")).toBe("5000");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%2011-2026.docx");
    expect(disposition).toContain('filename="Bao cao thang 11-2026.docx"');
    expect(decodeURIComponent(disposition.split("''")[1] ?? "")).toBe(fileName);
  });

  it("answers 410 Gone for the same link after it expired", async () => {
    const row = await saveReport(Buffer.from("report"));
    const url = link(row.id);
    clock = start;
    expect((await fetch(url)).status).toBe(200);
    clock = inOneHour;
    expect((await fetch(url)).status).toBe(410);
    clock = start;
  });

  it("answers 403 for a changed signature, even on an expired link", async () => {
    const row = await saveReport(Buffer.from("report"));
    const url = new URL(link(row.id));
    const sig = url.searchParams.get("sig") ?? "";
    url.searchParams.set("sig", (sig[0] === "A" ? "B" : "A") + sig.slice(1));
    clock = start;
    expect((await fetch(url)).status).toBe(403);
    clock = new Date("2027-01-01T00:00:00Z");
    expect((await fetch(url)).status).toBe(403);
    clock = start;
  });

  it("answers 403 when file A's signature is used for file B", async () => {
    const a = await saveReport(Buffer.from("report A"));
    const b = await saveReport(Buffer.from("report B"));
    const url = new URL(link(a.id));
    url.pathname = `/files/${b.id}`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(link(b.id))).status).toBe(200);
  });

  it("answers 404 for a validly signed link to a file that does not exist", async () => {
    expect((await fetch(link(randomBytes(16).toString("base64url")))).status).toBe(404);
    // fetch would normalise a "../" link before sending it; the store refuses such ids itself.
    expect(await store.open("../../etc/passwd")).toBeUndefined();
  });

  it("answers 500 and serves nothing when the file on disk no longer matches its checksum", async () => {
    const row = await saveReport(Buffer.from("original"));
    writeFileSync(join(filesDir, `${row.id}.docx`), "tampered");
    const res = await fetch(link(row.id));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("");
    expect(String(serverErrors.pop())).toMatch(/checksum/);
  });

  it("stores a file under its id with the extension of its name, and nothing else", async () => {
    const row = await saveReport(Buffer.from("with extension"));
    expect(existsSync(join(filesDir, `${row.id}.docx`))).toBe(true);
    expect(existsSync(join(filesDir, row.id))).toBe(false);
    expect(store.pathOf(row)).toBe(join(filesDir, `${row.id}.docx`));
    const odd = await store.save({ unitId, kind: "report", fileName: "báo cáo.d/../x", mimeType: DOCX, bytes: Buffer.from("odd") });
    expect(readdirSync(filesDir)).toContain(odd.id);
    expect((await store.open(odd.id))?.bytes.toString()).toBe("odd");
  });

  it("still serves a file stored before extensions were used, under its bare id", async () => {
    const row = await saveReport(Buffer.from("stored long ago"));
    renameSync(join(filesDir, `${row.id}.docx`), join(filesDir, row.id));
    expect((await store.open(row.id))?.bytes.toString()).toBe("stored long ago");
    expect(Buffer.from(await (await fetch(link(row.id))).arrayBuffer()).toString()).toBe("stored long ago");
  });

  it("numbers versions per unit, period and kind", async () => {
    const first = await saveReport(Buffer.from("v1"), 11);
    const second = await saveReport(Buffer.from("v2"), 11);
    const otherPeriod = await saveReport(Buffer.from("other"), 12);
    const otherKind = await store.save({ unitId, periodId: 11, kind: "summary", fileName, mimeType: DOCX, bytes: Buffer.from("s") });
    expect([first.version, second.version, otherPeriod.version, otherKind.version]).toEqual([1, 2, 1, 1]);
    expect(second.size).toBe(2);
    expect(second.id).not.toBe(first.id);
    expect((await store.open(second.id))?.bytes.toString()).toBe("v2");
  });

  it("keeps the exact routes of the server working beside the download prefix", async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/files`)).status).toBe(404);
    expect(serverErrors).toEqual([]);
  });
});
