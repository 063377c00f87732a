/**
 * Compiling a report takes a while, so it runs after the request that asked for it has been
 * answered ("đang soạn…"), and the file is then delivered to the chat through whichever channel
 * the request came from: as a document on Telegram, as a signed download link on Zalo.
 */
import type { Sender } from "../channels/channel.js";
import type { ChannelName } from "../conversation/types.js";
import type { FileStore } from "../files/file-store.js";
import type { Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Db } from "../store/database.js";
import { buildReportFile } from "./report-file.js";

export interface ReportRequest {
  unitCode: string;
  period: { kind: string; year: number; number: number };
  channel: ChannelName;
  chatExternalId: string;
  replyToMessageId?: string;
}

export class ReportJobs {
  readonly #running = new Set<Promise<void>>();

  constructor(
    private readonly deps: { db: Db; store: FileStore; t: Translate; log: Logger; senders: ReadonlyMap<ChannelName, Sender>; now?: () => Date },
  ) {}

  request(r: ReportRequest): void {
    const job = this.#run(r).finally(() => this.#running.delete(job));
    this.#running.add(job);
  }

  /** Resolves when every job started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size) await Promise.all(this.#running);
  }

  async #run(r: ReportRequest): Promise<void> {
    const { t, log } = this.deps;
    const send = this.deps.senders.get(r.channel);
    if (!send) return;
    try {
      const { row } = await buildReportFile(this.deps.db, this.deps.store, t, r.unitCode, r.period, (this.deps.now ?? (() => new Date()))());
      await send(r.chatExternalId, { text: t("report.ready", { file: row.fileName }), file: { id: row.id, fileName: row.fileName }, replyToMessageId: r.replyToMessageId });
    } catch (err) {
      log.error({ err }, "building a report failed");
      await send(r.chatExternalId, { text: t("report.failed"), replyToMessageId: r.replyToMessageId }).catch(() => undefined);
    }
  }
}
