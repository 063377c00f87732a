/**
 * The chat digest a leader gets with `/baocao`: completion per section and who still owes
 * what, then the key figures with every comparison computed from stored values, then what
 * looks inconsistent. Sections are separated by blank lines, where long digests are split.
 */
import { formatDateVn } from "../domain/format-vn.js";
import { maxPeriodNumber, periodLabel } from "../domain/period-label.js";
import { renderShort } from "../domain/render-value.js";
import type { PeriodKind } from "../domain/template.js";
import type { Translate } from "../i18n.js";
import type { Db, Tx } from "../store/database.js";
import { localDay } from "../domain/local-time.js";
import { byKey, relevantQuestions, sectionProgress } from "../conversation/progress.js";
import type { TemplateCache } from "../conversation/template-index.js";
import { loadAnswers, type PeriodRow } from "../conversation/work.js";
import { figuresFor, previousOf } from "./history.js";
import { indicatorNumber } from "../domain/answer-value.js";
import { comparisons } from "./indicator-phrases.js";
import { consistencyWarnings } from "./consistency.js";

export async function buildDigest(db: Db | Tx, templates: TemplateCache, t: Translate, period: PeriodRow, timeZone: string): Promise<string> {
  const index = await templates.get(db, period.templateVersionId);
  const answers = await loadAnswers(db as Tx, period.id);
  const keyed = byKey(index.sections, answers);
  const assignments = await db.assignment.findMany({ where: { periodId: period.id }, include: { member: { select: { displayName: true } } } });
  const owner = new Map(assignments.map((a) => [a.sectionId, a.member.displayName]));
  const progress = index.sections.map((s) => sectionProgress(s, answers, keyed));
  const answered = progress.reduce((n, p) => n + p.answered, 0);
  const total = progress.reduce((n, p) => n + p.total, 0);

  const blocks: string[][] = [];
  blocks.push([
    t("digest.header", { period: periodLabel(period, t), deadline: formatDateVn(localDay(period.deadline, timeZone)) }),
    t("progress.unit", { done: progress.filter((p) => p.complete).length, sections: progress.length, answered, total, percent: total === 0 ? "0" : String(Math.floor((answered / total) * 100)) }),
  ]);
  const missing = progress.filter((p) => !p.complete);
  blocks.push(
    missing.length === 0
      ? [t("digest.all_done")]
      : [
          t("digest.missing_header"),
          ...missing.map((p) =>
            t("digest.missing_line", { section: p.section.title, who: owner.get(p.section.id) ?? t("digest.unassigned"), answered: p.answered, total: p.total }),
          ),
        ],
  );

  const ref = { unitId: period.unitId, kind: period.kind, year: period.year, number: period.number };
  const lastYear = await figuresFor(db, { ...ref, year: ref.year - 1 });
  const previous = await figuresFor(db, previousOf(ref, maxPeriodNumber(period.kind as PeriodKind)));
  const plans = new Map((await db.planTarget.findMany({ where: { unitId: period.unitId, year: period.year } })).map((p) => [p.questionKey, p.value]));
  const words = { yes: t("value.yes"), no: t("value.no") };
  blocks.push([t("digest.figures_header")]);
  for (const section of index.sections) {
    const lines: string[] = [];
    for (const q of relevantQuestions(section, keyed)) {
      const a = answers.get(q.id);
      if (!a?.value || indicatorNumber(a.value) === undefined) continue;
      const parts = [`• ${q.def.label}: ${renderShort(a.value, q.def, words, 60)}`];
      parts.push(...(await comparisons(db, t, q, indicatorNumber(a.value)!, { ref, lastYear, previous, plan: plans.get(q.def.key) })));
      lines.push(parts.join("; "));
    }
    if (lines.length) blocks.push([`${section.title}:`, ...lines]);
  }
  if (blocks.length === 3) blocks[2]!.push(t("digest.no_figures"));
  const warnings = consistencyWarnings(index.template, keyed, t);
  if (warnings.length) blocks.push([t("digest.checks_header"), ...warnings.map((w) => `• ${w}`)]);
  return blocks.map((b) => b.join("\n")).join("\n\n");
}
