// Renders prisma/schema.prisma once per database provider and generates a Prisma Client
// for each (src/generated/<provider>, not in git). Runs on `npm install` (postinstall).
// Plain JavaScript on purpose: it runs before anything else is set up.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROVIDERS, prismaDir, renderSchema, runPrisma } from "./cli.mjs";

const source = readFileSync(join(prismaDir, "schema.prisma"), "utf8");
for (const provider of PROVIDERS) {
  const dir = join(prismaDir, "generated", provider);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, "schema.prisma");
  writeFileSync(target, `// Generated from prisma/schema.prisma by prisma/build.mjs. Do not edit.\n${renderSchema(source, provider)}`);
  runPrisma(["generate", "--schema", target], { inherit: true });
}
