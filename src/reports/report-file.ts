/**
 * Builds the compiled report of a period as a .docx and keeps it in the file store with its
 * period and version (GeneratedFile), so every document handed upward can be found again.
 */
import { findPeriod, findUnit } from "../admin/lookup.js";
import type { PeriodRef } from "../domain/period-label.js";
import type { FileStore, GeneratedFileRow } from "../files/file-store.js";
import type { Translate } from "../i18n.js";
import type { Db, Tx } from "../store/database.js";
import { TemplateCache } from "../conversation/template-index.js";
import type { PeriodRow } from "../conversation/work.js";
import { composeReport } from "./compose-report.js";
import { buildReportDocx } from "./docx/build-docx.js";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function buildReportFile(db: Db, store: FileStore, t: Translate, unitCode: string, ref: PeriodRef | undefined, now: Date): Promise<{ row: GeneratedFileRow; bytes: Buffer }> {
  const tx = db as unknown as Tx;
  const unit = await findUnit(tx, unitCode);
  const period = (await findPeriod(tx, unit, ref)) as PeriodRow;
  const settings = await db.unit.findUniqueOrThrow({ where: { id: unit.id } });
  const document = await composeReport(db, new TemplateCache(), t, period, {
    name: unit.name,
    officialName: settings.officialName ?? undefined,
    placeName: settings.placeName ?? undefined,
    signerName: settings.signerName ?? undefined,
    signerPosition: settings.signerTitle ?? undefined,
    recipients: (settings.recipients as string[] | null) ?? undefined,
    symbol: settings.reportSymbol ?? undefined,
  }, now);
  const bytes = await buildReportDocx(document);
  const fileName = `${t("report.file_name", { unit: unit.code, kind: period.kind, number: period.number, year: period.year })}.docx`;
  const row = await store.save({ unitId: unit.id, periodId: period.id, kind: "report-docx", fileName, mimeType: DOCX_MIME, bytes });
  return { row, bytes };
}
