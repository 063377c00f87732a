// Creates the next migration from the change to prisma/schema.prisma since the last one:
//   npm run db:migration -- <name>
// Writes prisma/migrations/NNNN_<name>/{sqlite.sql,postgresql.sql,schema.prisma}; the copy
// of the schema is what the next migration diffs against. No database is needed.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROVIDERS, diffSql, prismaDir } from "./cli.mjs";

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits and _)");
  process.exit(2);
}
const migrationsDir = join(prismaDir, "migrations");
const existing = existsSync(migrationsDir) ? readdirSync(migrationsDir).filter((d) => /^\d{4}_/.test(d)).sort() : [];
const last = existing.at(-1);
const previous = last ? readFileSync(join(migrationsDir, last, "schema.prisma"), "utf8") : null;
const current = readFileSync(join(prismaDir, "schema.prisma"), "utf8");
if (previous === current) {
  console.error("prisma/schema.prisma has not changed since the last migration.");
  process.exit(1);
}
const dir = join(migrationsDir, `${String(existing.length + 1).padStart(4, "0")}_${name}`);
mkdirSync(dir, { recursive: true });
for (const provider of PROVIDERS) writeFileSync(join(dir, `${provider}.sql`), diffSql(previous, current, provider));
writeFileSync(join(dir, "schema.prisma"), current);
console.log(`Created ${dir}`);
