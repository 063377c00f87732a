/**
 * Turns a period's stored answers into the official report (a ReportDocument for the .docx
 * builder): the document's wording for the period kind or from the template, each answer's
 * paragraphs (report-paragraphs.ts) laid out in the usual outline (outline.ts), and an annex of
 * indicators for 6-month, 9-month and annual reports.
 */
import type { AnswerValue } from "../domain/answer-value.js";
import { maxPeriodNumber } from "../domain/period-label.js";
import type { PeriodKind } from "../domain/template.js";
import type { Translate } from "../i18n.js";
import type { Db, Tx } from "../store/database.js";
import { byKey, relevantQuestions } from "../conversation/progress.js";
import type { TemplateCache } from "../conversation/template-index.js";
import { loadAnswers, type PeriodRow } from "../conversation/work.js";
import type { ReportDocument } from "./docx/report-model.js";
import type { FigureSources } from "./figures.js";
import { figuresFor, previousOf } from "./history.js";
import { ANNEX_KINDS, indicatorAnnex } from "./indicator-annex.js";
import { outline } from "./outline.js";
import { reportParagraphs } from "./report-paragraphs.js";
import { documentWording, wordingContext } from "./report-wording.js";

export interface UnitForReport {
  name: string;
  /** "ỦY BAN NHÂN DÂN PHƯỜNG 1"; by default derived from the unit's name. */
  officialName?: string;
  /** "Phường 1" before the date; by default the unit's name without "UBND". */
  placeName?: string;
  signerName?: string;
  signerPosition?: string;
  recipients?: string[];
  /** "BC-UBND" by default. */
  symbol?: string;
}

export async function composeReport(db: Db | Tx, templates: TemplateCache, t: Translate, period: PeriodRow, unit: UnitForReport, issuedOn?: Date): Promise<ReportDocument> {
  const index = await templates.get(db, period.templateVersionId);
  const answers = await loadAnswers(db as Tx, period.id);
  const keyed = byKey(index.sections, answers);
  const relevant = index.sections.flatMap((s) => relevantQuestions(s, keyed));
  const values = new Map<string, AnswerValue>();
  for (const q of relevant) {
    const value = answers.get(q.id)?.value;
    if (value) values.set(q.def.key, value);
  }
  const ref = { unitId: period.unitId, kind: period.kind, year: period.year, number: period.number };
  const sources: FigureSources = {
    db,
    t,
    ref,
    values,
    lastYear: await figuresFor(db, { ...ref, year: ref.year - 1 }),
    previous: await figuresFor(db, previousOf(ref, maxPeriodNumber(period.kind as PeriodKind))),
    plans: new Map((await db.planTarget.findMany({ where: { unitId: period.unitId, year: period.year } })).map((p) => [p.questionKey, p.value])),
    checks: index.template.checks ?? [],
  };

  const place = unit.placeName ?? unit.name.replace(/^(UBND|Ủy ban nhân dân)\s+/i, "");
  const context = wordingContext(period, t, t("report.unit", { place }));
  const wording = documentWording(index.template, period.kind as PeriodKind, t, context);
  const paragraphs = await reportParagraphs({
    template: index.template,
    questionByKey: index.questionByKey,
    relevant,
    sources,
    context,
    words: { yes: t("value.yes"), no: t("value.no") },
  });

  const date = issuedOn ? { month: issuedOn.getMonth() + 1, year: issuedOn.getFullYear() } : undefined;
  return {
    issuer: { name: unit.officialName ?? `ỦY BAN NHÂN DÂN ${place.toUpperCase()}` },
    symbol: unit.symbol ?? "BC-UBND",
    place,
    date,
    title: "BÁO CÁO",
    summary: wording.summary,
    opening: wording.opening,
    parts: outline({ sections: index.sections, parts: wording.parts, results: wording.results, group: wording.group, paragraphs }),
    closing: wording.closing,
    recipients: unit.recipients ?? [t("report.recipient.province"), t("report.recipient.party"), t("report.recipient.archive")],
    signer: { authority: "TM. ỦY BAN NHÂN DÂN", position: unit.signerPosition ?? "CHỦ TỊCH", name: unit.signerName ?? "" },
    annex: ANNEX_KINDS.includes(period.kind) ? indicatorAnnex(t, index.sections, values, sources.plans, sources.lastYear, context.period) : undefined,
  };
}
