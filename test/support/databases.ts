/**
 * Low-level database fixtures: a fresh SQLite file, or a fresh PostgreSQL schema that is
 * dropped afterwards. PostgreSQL is used only when TEST_DATABASE_URL is set (CI sets it).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export function tempSqliteUrl(): string {
  return `file:${join(mkdtempSync(join(tmpdir(), "baocao-test-")), "test.db")}`;
}

export function uniqueSchemaName(prefix = "t"): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** A PostgreSQL URL for a new, empty schema, and how to drop it. */
export function postgresSchemaUrl(prefix = "t"): { url: string; schema: string; drop(): Promise<void> } {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const schema = uniqueSchemaName(prefix);
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Runs `fn` with a connected client and a fresh schema name; drops the schema afterwards. */
export async function withPostgresSchema<T>(fn: (client: pg.Client, schema: string) => Promise<T>): Promise<T> {
  const target = postgresSchemaUrl("raw");
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client, target.schema);
  } finally {
    await client.end();
    await target.drop();
  }
}
