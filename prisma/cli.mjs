// Shared by the schema build and the migration generator: rendering the one schema per
// provider, and running the Prisma CLI with the WebAssembly engine (see prisma.config.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const prismaDir = dirname(fileURLToPath(import.meta.url));
export const PROVIDERS = ["sqlite", "postgresql"];

/** The schema text for one provider: only the datasource and the client's output differ. */
export function renderSchema(source, provider) {
  const url = provider === "sqlite" ? "file:./placeholder.db" : "postgresql://placeholder@127.0.0.1:5432/placeholder";
  return source
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, `$1"${provider}"`)
    .replace(/url\s*=\s*"file:\.\/placeholder\.db"/, `url = "${url}"`)
    .replace(/output\s*=\s*"\.\.\/src\/generated\/prisma"/, `output = "../../../src/generated/${provider}"`);
}

/** Writes a rendered schema to a temporary file (for `migrate diff` of old snapshots). */
export function renderToTempFile(source, provider) {
  const file = join(mkdtempSync(join(tmpdir(), "baocao-schema-")), "schema.prisma");
  writeFileSync(file, renderSchema(source, provider));
  return file;
}

/** Runs the Prisma CLI and returns its standard output. */
export function runPrisma(args, { inherit = false } = {}) {
  return execFileSync(
    process.execPath,
    [join(prismaDir, "..", "node_modules", "prisma", "build", "index.js"), ...args, "--config", join(prismaDir, "prisma.config.ts")],
    {
      encoding: "utf8",
      stdio: ["ignore", inherit ? "inherit" : "pipe", "pipe"],
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", DATABASE_URL: "" },
    },
  );
}

/** SQL that takes a database from the `from` schema text (null = empty) to the `to` schema text. */
export function diffSql(fromSource, toSource, provider) {
  const from = fromSource === null ? ["--from-empty"] : ["--from-schema-datamodel", renderToTempFile(fromSource, provider)];
  const sql = runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", renderToTempFile(toSource, provider), "--script"]);
  return sql.replace(/^Loaded Prisma config.*\n/m, "").trim() + "\n";
}
