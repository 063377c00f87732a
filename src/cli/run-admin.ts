/**
 * The admin command line (`npm run baocao -- <command>`), as a function that tests call
 * in-process: it reads the configuration, opens the database, brings the stored templates up to
 * date with templates/*.yaml, runs one command and returns the exit code. A mistake by the user
 * prints one line in the configured language (Vietnamese by default), never a stack trace.
 */
import { parseArgs } from "node:util";
import { AdminError } from "../admin/admin-error.js";
import { syncConfiguredTemplates } from "../app.js";
import { loadConfig } from "../config.js";
import { createTranslator, type Translate } from "../i18n.js";
import { openDatabase } from "../store/database.js";
import { COMMANDS, type Command } from "./commands.js";
import { UsageError } from "./usage-error.js";

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

const HELP_WORDS = ["help", "--help", "-h"];

/** Returns the process exit code: 0 done, 1 refused or failed, 2 the command line was wrong. */
export async function runAdmin(argv: string[], io: AdminIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let t = createTranslator("vi");
  try {
    const config = loadConfig(env);
    t = createTranslator(config.locale);
    if (argv.length === 0 || HELP_WORDS.includes(argv[0]!)) {
      io.out(helpText(t));
      return argv.length === 0 ? 2 : 0;
    }
    const { command, args, options } = parseCommandLine(argv, t);
    const database = await openDatabase(config.databaseUrl);
    try {
      await syncConfiguredTemplates(database.db, config);
      await command.run({ db: database.db, t, out: (line) => io.out(line), now: new Date(), timeZone: config.timeZone, filesDir: config.files.dir }, args, options);
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof AdminError) {
      io.err(t("admin.error_line", { message: error.render(t) }));
      return error instanceof UsageError ? 2 : 1;
    }
    io.err(t("admin.error_line", { message: messageOf(error) }));
    return 1;
  }
}

/**
 * Prisma's messages start with the invocation and a frame of our source code, which mean
 * nothing to an administrator; the cause is on the last line.
 */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!error.name.startsWith("PrismaClient")) return error.message;
  return error.message.trim().split("\n").at(-1)!.trim();
}


interface CommandLine {
  command: Command;
  args: string[];
  options: Record<string, string | undefined>;
}

function parseCommandLine(argv: string[], t: Translate): CommandLine {
  const command = COMMANDS.find((c) => c.name.split(" ").every((word, i) => argv[i]?.toLowerCase() === word));
  if (!command) {
    const isGroup = COMMANDS.some((c) => c.name.split(" ")[0] === argv[0]?.toLowerCase());
    throw new UsageError("admin.usage.unknown_command", { command: argv.slice(0, isGroup ? 2 : 1).join(" ") });
  }
  const syntax = t(command.syntax);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = Object.fromEntries((command.options ?? []).map((name) => [name, { type: "string" as const }]));
    parsed = parseArgs({ args: argv.slice(command.name.split(" ").length), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw optionError(error, syntax);
  }
  const options = parsed.values as Record<string, string | undefined>;
  const missing = (command.required ?? []).some((name) => options[name] === undefined);
  if (missing || !command.accepts(parsed.positionals.length)) throw new UsageError("admin.usage.syntax", { syntax });
  return { command, args: parsed.positionals, options };
}

/** util.parseArgs explains in English; the option it names is all we keep. */
function optionError(error: unknown, syntax: string): unknown {
  const code = (error as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError("admin.usage.unknown_option", { option, syntax });
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return new UsageError("admin.usage.option_value", { option, syntax });
  return error;
}

function helpText(t: Translate): string {
  const lines = [t("admin.help.header")];
  for (const c of [...COMMANDS, { syntax: "admin.syntax.help", describe: "admin.describe.help" } as const]) {
    lines.push(`  ${t(c.syntax)}`, `      ${t(c.describe)}`);
  }
  lines.push(t("admin.help.examples"));
  return lines.join("\n");
}
