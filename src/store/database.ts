/**
 * Opens the database named by DATABASE_URL through Prisma with the matching driver adapter,
 * after applying pending migrations. SQLite (`file:...`) is the default for one ward on one
 * machine; PostgreSQL (`postgresql://...`, optional `?schema=`) serves many units and processes.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.js";
import { PrismaClient } from "../generated/sqlite/client.js";
import { migratePostgres, migrateSqlite, readMigrations, type Provider } from "./migrate.js";

/**
 * The client type the code is written against. Both generated clients come from the same
 * schema (prisma/build.mjs), so their APIs are identical; the PostgreSQL one is typed as this.
 */
export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface Database {
  db: Db;
  provider: Provider;
  /** Names of the migrations applied by this call (empty when the database was up to date). */
  applied: string[];
  close(): Promise<void>;
}

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:..."`);
}

export async function openDatabase(url: string): Promise<Database> {
  return providerOf(url) === "sqlite" ? openSqlite(url) : openPostgres(url);
}

function sqlitePath(url: string): string {
  const path = url.slice("file:".length).split("?")[0] ?? "";
  if (!path) throw new Error("DATABASE_URL file: needs a path, e.g. file:./data/baocao.db");
  return resolve(path);
}

async function openSqlite(url: string): Promise<Database> {
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path, { timeout: 10_000 });
  let applied: string[];
  try {
    // WAL lets readers go on while an answer is written; it is a property of the file, so it
    // also holds for Prisma's own connection below.
    raw.pragma("journal_mode = WAL");
    applied = migrateSqlite(raw, readMigrations("sqlite"));
  } finally {
    raw.close();
  }
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: path, timeout: 10_000 }) });
  // FULL: an answer acknowledged to the officer survives a power cut, not only a crash.
  await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { db, provider: "sqlite", applied, close: () => db.$disconnect() };
}

/** Splits Prisma's `?schema=` parameter off, since the pg driver would send it to the server. */
export function splitPostgresUrl(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}

async function openPostgres(url: string): Promise<Database> {
  const { connectionString, schema } = splitPostgresUrl(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  let applied: string[];
  try {
    applied = await migratePostgres(client, schema, readMigrations("postgresql"));
  } finally {
    await client.end();
  }
  const adapter = new PrismaPg({ connectionString, max: 10 }, { schema });
  const db = new PostgresClient({ adapter }) as unknown as Db;
  return { db, provider: "postgresql", applied, close: () => db.$disconnect() };
}

/** A write refused by a unique constraint (Prisma's P2002, whatever the provider). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
