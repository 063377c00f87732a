/**
 * The SQLite and PostgreSQL schemas come from one file (prisma/schema.prisma). These tests
 * prove that what the migrations build on each database is exactly what the generated
 * Prisma Client expects, and that the two databases end up with the same tables, columns
 * and unique indexes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { Prisma } from "../../src/generated/sqlite/client.js";
import { Prisma as PgPrisma } from "../../src/generated/postgresql/client.js";
import { migratePostgres, migrateSqlite, readMigrations } from "../../src/store/migrate.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { tempSqliteUrl, withPostgresSchema } from "../support/databases.js";

// @ts-expect-error plain JavaScript build helper, no types
import { renderSchema } from "../../prisma/cli.mjs";

interface Shape {
  columns: Record<string, string[]>;
  uniques: string[];
}

/** What the client expects: every model with its scalar fields, from the generated enums. */
function clientShape(ns: Record<string, unknown>): Record<string, string[]> {
  const models = Object.values(ns.ModelName as Record<string, string>);
  return Object.fromEntries(models.map((m) => [m, Object.values(ns[`${m}ScalarFieldEnum`] as Record<string, string>).sort()]));
}

function sqliteShape(path: string): Shape {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_baocao_migrations'").all() as { name: string }[];
    const columns = Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name).sort()]),
    );
    const uniques = (db.prepare("SELECT name FROM sqlite_master WHERE type='index' AND sql LIKE 'CREATE UNIQUE%'").all() as { name: string }[]).map((r) => r.name).sort();
    return { columns, uniques };
  } finally {
    db.close();
  }
}

async function postgresShape(client: pg.Client, schema: string): Promise<Shape> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_baocao_migrations'",
    [schema],
  );
  const columns: Record<string, string[]> = {};
  for (const r of rows) (columns[r.table_name] ??= []).push(r.column_name);
  for (const list of Object.values(columns)) list.sort();
  const idx = await client.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE 'CREATE UNIQUE%' AND indexname NOT LIKE '%_pkey' AND tablename <> '_baocao_migrations'", [schema]);
  return { columns, uniques: idx.rows.map((r) => r.indexname).sort() };
}

describe("one schema, two databases", () => {
  it("has a migration for the current schema (no change waiting for `npm run db:migration`)", () => {
    const dir = join(PROJECT_ROOT, "prisma", "migrations");
    const last = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort().at(-1)!;
    expect(readFileSync(join(dir, last, "schema.prisma"), "utf8")).toBe(readFileSync(join(PROJECT_ROOT, "prisma", "schema.prisma"), "utf8"));
  });

  it("renders the provider schemas so that only the datasource and output differ", () => {
    const source = readFileSync(join(PROJECT_ROOT, "prisma", "schema.prisma"), "utf8");
    const sqlite: string = renderSchema(source, "sqlite");
    const postgres: string = renderSchema(source, "postgresql");
    expect(postgres).toContain('provider = "postgresql"');
    const strip = (s: string) => s.replace(/provider\s*=\s*"(sqlite|postgresql)"/, "").replace(/url\s*=.*/, "").replace(/output\s*=.*/, "");
    expect(strip(postgres)).toBe(strip(sqlite));
  });

  it("generates both clients from it with the same models and fields", () => {
    expect(clientShape(PgPrisma as unknown as Record<string, unknown>)).toEqual(clientShape(Prisma as unknown as Record<string, unknown>));
  });

  it("builds on SQLite exactly the tables and columns the client expects", () => {
    const path = tempSqliteUrl().slice("file:".length);
    const db = new BetterSqlite3(path);
    migrateSqlite(db, readMigrations("sqlite"));
    db.close();
    expect(sqliteShape(path).columns).toEqual(clientShape(Prisma as unknown as Record<string, unknown>));
  });

  it.runIf(process.env.TEST_DATABASE_URL)("builds on PostgreSQL the same tables, columns and unique indexes as on SQLite", async () => {
    const path = tempSqliteUrl().slice("file:".length);
    const lite = new BetterSqlite3(path);
    migrateSqlite(lite, readMigrations("sqlite"));
    lite.close();
    await withPostgresSchema(async (client, schema) => {
      await migratePostgres(client, schema, readMigrations("postgresql"));
      const shape = await postgresShape(client, schema);
      expect(shape.columns).toEqual(clientShape(PgPrisma as unknown as Record<string, unknown>));
      expect(shape.uniques).toEqual(sqliteShape(path).uniques);
    });
  });
});
