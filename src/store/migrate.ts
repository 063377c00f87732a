/**
 * Applies prisma/migrations/NNNN_name/<provider>.sql at start-up, each migration in its own
 * transaction, recorded in the table `_baocao_migrations` with a checksum.
 *
 * Why not `prisma migrate deploy`: on these machines the CLI only has the WebAssembly engine,
 * which fails against PostgreSQL through the pg adapter. Running the generated SQL ourselves
 * works the same way on both databases. The drivers are used directly because a migration is
 * several statements, which Prisma's raw queries cannot send in one call.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { PROJECT_ROOT } from "../paths.js";

export type Provider = "sqlite" | "postgresql";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

const TABLE = "_baocao_migrations";

export function readMigrations(provider: Provider, dir = join(PROJECT_ROOT, "prisma", "migrations")): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, `${provider}.sql`), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Which migrations still need to run; refuses to go on if an applied one was edited. */
function pending(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const [name, checksum] of applied) {
    const file = migrations.find((m) => m.name === name);
    if (file && file.checksum !== checksum) {
      throw new MigrationError(`Migration ${name} was changed after it was applied; create a new migration instead.`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

export function migrateSqlite(db: BetterSqlite3.Database, migrations: Migration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = () => {
    const rows = db.prepare(`SELECT name, checksum FROM "${TABLE}"`).all() as { name: string; checksum: string }[];
    return new Map(rows.map((r) => [r.name, r.checksum]));
  };
  const done: string[] = [];
  for (const m of pending(migrations, applied())) {
    // IMMEDIATE takes the write lock first, so of two processes starting together one applies
    // the migration and the other, once it gets the lock, sees it recorded and skips it.
    const apply = db.transaction(() => {
      if (applied().has(m.name)) return;
      db.exec(m.sql);
      db.prepare(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
      done.push(m.name);
    });
    apply.immediate();
  }
  return done;
}

export async function migratePostgres(client: pg.ClientBase, schema: string, migrations: Migration[]): Promise<string[]> {
  const quoted = `"${schema.replaceAll('"', '""')}"`;
  const done: string[] = [];
  await client.query("BEGIN");
  try {
    // Several bot processes may start at once: one applies, the others wait and find nothing to
    // do. The lock comes first: even CREATE SCHEMA IF NOT EXISTS fails when two run together.
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${TABLE}:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(`SET search_path TO ${quoted}`);
    await client.query(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${TABLE}"`);
    await client.query("COMMIT");
    for (const m of pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])))) {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${TABLE}:${schema}`]);
      const again = await client.query(`SELECT 1 FROM "${TABLE}" WHERE name = $1`, [m.name]);
      if (again.rowCount === 0) {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        done.push(m.name);
      }
      await client.query("COMMIT");
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  return done;
}
