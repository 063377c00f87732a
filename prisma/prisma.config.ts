/**
 * Configuration for the Prisma CLI (generate, migrate diff).
 *
 * These machines cannot download Prisma's native schema engine, so the CLI must run its
 * WebAssembly engine: that needs `engine: "js"` and a driver adapter factory. The factory
 * is only used by commands that touch a database; generate and migrate diff never call it.
 * The schema is always passed with --schema (one rendered schema per provider).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    // Default: a throw-away SQLite file; a PostgreSQL adapter would make `migrate diff` add
    // a CREATE SCHEMA "public" line to every script.
    const url = process.env.DATABASE_URL || `file:${join(tmpdir(), "baocao-prisma-cli.db")}`;
    if (url.startsWith("postgres")) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
