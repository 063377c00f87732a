/**
 * A fresh, migrated database per test, on every provider the machine offers: always an SQLite
 * file in a temporary directory, and also a new PostgreSQL schema when TEST_DATABASE_URL is set
 * (e.g. postgresql://postgres@127.0.0.1:5432/test). `close()` disconnects and deletes it.
 *
 * Usage:
 *
 *   describe.each(providers)("on %s", (provider) => {
 *     let test: TestDatabase;
 *     beforeEach(async () => { test = await withTestDatabase(provider, "mytests"); });
 *     afterEach(() => test.close());
 *     it("...", async () => { await test.db.unit.create(...); });
 *   });
 *
 * `test.url` is the DATABASE_URL of that database, for code that opens its own connection
 * (createCore, runAdmin, a child process). Templates are not synced: call syncTemplates if needed.
 */
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { openDatabase, type Db } from "../../src/store/database.js";
import type { Provider } from "../../src/store/migrate.js";
import { postgresSchemaUrl, tempSqliteUrl } from "./databases.js";

/** The providers to run database tests on: PostgreSQL only where TEST_DATABASE_URL says where it is. */
export const providers: readonly Provider[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];

export interface TestDatabase {
  provider: Provider;
  /** DATABASE_URL of this database. */
  url: string;
  db: Db;
  /** Disconnects, then deletes the SQLite directory or drops the PostgreSQL schema. */
  close(): Promise<void>;
}

/**
 * Opens a new empty database with every migration applied. `prefix` names the PostgreSQL
 * schema (`<prefix>_<random hex>`), so that one left behind by a killed run shows who made it.
 */
export async function withTestDatabase(provider: Provider, prefix = "test"): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const url = tempSqliteUrl();
    const { db, close } = await openDatabase(url);
    return {
      provider,
      url,
      db,
      async close() {
        await close();
        rmSync(dirname(url.slice("file:".length)), { recursive: true, force: true });
      },
    };
  }
  const target = postgresSchemaUrl(prefix);
  try {
    const { db, close } = await openDatabase(target.url);
    return {
      provider,
      url: target.url,
      db,
      async close() {
        await close();
        await target.drop();
      },
    };
  } catch (error) {
    await target.drop();
    throw error;
  }
}
