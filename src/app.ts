/**
 * The parts every entry point needs: the database (migrated), the report templates (synced),
 * the translator and the conversation engine.
 */
import { join, isAbsolute } from "node:path";
import type { Sender } from "./channels/channel.js";
import type { Config } from "./config.js";
import type { ChannelName } from "./conversation/types.js";
import { ConversationEngine } from "./conversation/engine.js";
import { TemplateCache } from "./conversation/template-index.js";
import { loadTemplatesDir } from "./domain/template.js";
import { createTranslator, type Translate } from "./i18n.js";
import type { Logger } from "./logger.js";
import { PROJECT_ROOT } from "./paths.js";
import { openDatabase, type Database, type Db } from "./store/database.js";
import { syncTemplates } from "./store/templates.js";
import { FileStore } from "./files/file-store.js";
import { downloadKey } from "./http/download-key.js";
import { ReminderScheduler } from "./reminders/scheduler.js";
import { ReportJobs } from "./reports/report-jobs.js";

export interface Core {
  database: Database;
  engine: ConversationEngine;
  t: Translate;
  log: Logger;
  /** Generated documents, and the key and address their download links are signed with. */
  files: FileStore;
  downloads: { key: Buffer; baseUrl: string };
  /** Compiles reports after the request and delivers them through the channels' senders. */
  reports: ReportJobs;
  /** How to send a message on each running channel (reports, reminders). */
  senders: Map<ChannelName, Sender>;
  /** Deadline reminders; started by the entry point once the channels run. */
  reminders: ReminderScheduler;
}

/** Loads templates/*.yaml (relative to the project, whatever the working directory) into the database. */
export async function syncConfiguredTemplates(db: Db, config: Config): Promise<void> {
  const dir = isAbsolute(config.templatesDir) ? config.templatesDir : join(PROJECT_ROOT, config.templatesDir);
  await syncTemplates(db, await loadTemplatesDir(dir));
}

export async function createCore(config: Config, log: Logger, now?: () => Date): Promise<Core> {
  const database = await openDatabase(config.databaseUrl);
  if (database.applied.length) log.info({ migrations: database.applied }, "database migrated");
  try {
    await syncConfiguredTemplates(database.db, config);
  } catch (error) {
    await database.close();
    throw error;
  }
  const t = createTranslator(config.locale);
  const files = new FileStore({ dir: config.files.dir, db: database.db });
  const senders = new Map<ChannelName, Sender>();
  const reports = new ReportJobs({ db: database.db, store: files, t, log, senders, now });
  const templates = new TemplateCache();
  const clock = now ?? (() => new Date());
  const reminders = new ReminderScheduler({ db: database.db, t, templates, log, timeZone: config.timeZone, senders, now: clock, ratePerSecond: config.reminders.ratePerSecond });
  const engine = new ConversationEngine({ db: database.db, t, templates, log, timeZone: config.timeZone, now, reports, onReminderPlanned: () => reminders.poke() });
  // Links are only sent on Zalo; elsewhere a per-process key is no reason to warn.
  const keyLog = config.zalo.token ? log : { warn: () => undefined };
  const downloads = { key: downloadKey(config.files.signingSecret, keyLog), baseUrl: config.files.publicBaseUrl };
  return { database, engine, t, log, files, downloads, reports, senders, reminders };
}
