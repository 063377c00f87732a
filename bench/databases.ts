/** A fresh, migrated, seeded benchmark database: an SQLite file, or a new PostgreSQL schema dropped afterwards. */
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { syncConfiguredTemplates } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { openDatabase, type Database } from "../src/store/database.js";
import { postgresSchemaUrl, tempSqliteUrl } from "../test/support/databases.js";

export type DbKind = "sqlite" | "postgresql";

export interface BenchDatabase {
  kind: DbKind;
  url: string;
  database: Database;
  /** Closes the connection and deletes the file / drops the schema. */
  dispose(): Promise<void>;
}

export async function freshDatabase(kind: DbKind): Promise<BenchDatabase> {
  const pg = kind === "postgresql" ? postgresSchemaUrl("bench") : undefined;
  const url = pg?.url ?? tempSqliteUrl();
  const database = await openDatabase(url);
  await syncConfiguredTemplates(database.db, loadConfig({ DATABASE_URL: url }));
  return {
    kind,
    url,
    database,
    async dispose() {
      await database.close();
      if (pg) await pg.drop();
      else rmSync(dirname(url.slice("file:".length)), { recursive: true, force: true });
    },
  };
}

export const dbLabel = (kind: DbKind) => (kind === "sqlite" ? "SQLite" : "PostgreSQL");
