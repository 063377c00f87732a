/**
 * The start-up migration runner on a real SQLite file and (with TEST_DATABASE_URL) a real
 * PostgreSQL schema: applied once and recorded, each migration all-or-nothing, and an edited
 * migration refused.
 */
import { describe, expect, it } from "vitest";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { MigrationError, migratePostgres, migrateSqlite, readMigrations, type Migration } from "../../src/store/migrate.js";
import { openDatabase } from "../../src/store/database.js";
import { postgresSchemaUrl, tempSqliteUrl, withPostgresSchema } from "../support/databases.js";

const extra = (name: string, sql: string): Migration => ({ name, sql, checksum: name + sql.length });

describe("migrations on SQLite", () => {
  it("applies every migration once and records it", () => {
    const db = new BetterSqlite3(tempSqliteUrl().slice(5));
    const all = readMigrations("sqlite");
    expect(migrateSqlite(db, all)).toEqual(all.map((m) => m.name));
    expect(migrateSqlite(db, all)).toEqual([]);
    const rows = db.prepare('SELECT name FROM "_baocao_migrations"').all();
    expect(rows).toHaveLength(all.length);
    db.close();
  });

  it("rolls back a failing migration completely and records nothing for it", () => {
    const db = new BetterSqlite3(tempSqliteUrl().slice(5));
    const broken = extra("9999_broken", 'CREATE TABLE "Half" (id INTEGER); INSERT INTO "NoSuchTable" VALUES (1);');
    expect(() => migrateSqlite(db, [...readMigrations("sqlite"), broken])).toThrow(/NoSuchTable/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'Half'").all()).toEqual([]);
    const recorded = db.prepare('SELECT name FROM "_baocao_migrations"').all() as { name: string }[];
    expect(recorded.map((r) => r.name)).toEqual(readMigrations("sqlite").map((m) => m.name));
    db.close();
  });

  it("refuses to start when an applied migration was edited", () => {
    const db = new BetterSqlite3(tempSqliteUrl().slice(5));
    const all = readMigrations("sqlite");
    migrateSqlite(db, all);
    const edited = all.map((m, i) => (i === 0 ? { ...m, checksum: "different" } : m));
    expect(() => migrateSqlite(db, edited)).toThrow(MigrationError);
    db.close();
  });

  it("opens through Prisma after migrating, and again without migrating", async () => {
    const url = tempSqliteUrl();
    const first = await openDatabase(url);
    expect(first.applied.length).toBeGreaterThan(0);
    await first.db.unit.create({ data: { code: "p1", name: "Phường 1" } });
    await first.close();
    const second = await openDatabase(url);
    expect(second.applied).toEqual([]);
    expect(await second.db.unit.count()).toBe(1);
    await second.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("migrations on PostgreSQL", () => {
  it("applies once, records, and keeps a failing migration out entirely", async () => {
    await withPostgresSchema(async (client: pg.Client, schema) => {
      const all = readMigrations("postgresql");
      expect(await migratePostgres(client, schema, all)).toEqual(all.map((m) => m.name));
      expect(await migratePostgres(client, schema, all)).toEqual([]);
      const broken = extra("9999_broken", 'CREATE TABLE "Half" (id INT); INSERT INTO "NoSuchTable" VALUES (1);');
      await expect(migratePostgres(client, schema, [...all, broken])).rejects.toThrow(/NoSuchTable/);
      const half = await client.query("SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'Half'", [schema]);
      expect(half.rowCount).toBe(0);
      const recorded = await client.query(`SELECT name FROM "${schema}"."_baocao_migrations"`);
      expect(recorded.rows.map((r: { name: string }) => r.name)).toEqual(all.map((m) => m.name));
    });
  });

  it("lets several processes start at once: each migration is applied by exactly one", async () => {
    const target = postgresSchemaUrl("race");
    try {
      const opened = await Promise.all([openDatabase(target.url), openDatabase(target.url), openDatabase(target.url)]);
      const applied = opened.flatMap((d) => d.applied);
      expect(applied.sort()).toEqual(readMigrations("postgresql").map((m) => m.name).sort());
      await Promise.all(opened.map((d) => d.close()));
    } finally {
      await target.drop();
    }
  });
});
