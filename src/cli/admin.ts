/**
 * `npm run baocao -- <command>`: the administrator's tool for units, invites, periods,
 * assignments and plans. Everything happens in runAdmin; this file only connects it to the process.
 */
import { existsSync } from "node:fs";
import { runAdmin } from "./run-admin.js";

// The same .env as `npm start`, so the command line and the bot use the same database.
if (existsSync(".env")) process.loadEnvFile(".env");

process.exitCode = await runAdmin(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
