/**
 * The guided interview: ask the next question, take an answer, skip, go back, keep last
 * period's value, correct an earlier answer. Every answer is written (with its revision
 * history) inside the transaction of the message that carried it, before any reply is sent.
 */
import type { AnswerValue } from "../domain/answer-value.js";
import { periodLabel } from "../domain/period-label.js";
import { formatIndicator, renderShort, renderValue } from "../domain/render-value.js";
import { Prisma } from "../generated/sqlite/client.js";
import { consistencyWarnings } from "../reports/consistency.js";
import { optionsOf, parseAnswer } from "./answer-input.js";
import { byKey, firstOpen, previousQuestion, relevantQuestions, sectionProgress, sequence } from "./progress.js";
import type { IndexedQuestion, IndexedSection } from "./template-index.js";
import { reply, setState, type StatePatch, type Turn } from "./turn.js";
import type { Outgoing, OutgoingOption } from "./types.js";
import { loadCurrentWork, loadWorkForPeriod, type PeriodRow, type Work } from "./work.js";

export const CHOICE_PREFIX = "a:";
export const SHORTCUT_PREFIX = "k:";

function words(turn: Turn) {
  return { yes: turn.t("value.yes"), no: turn.t("value.no") };
}

/** Last period's answer to the same question (same section and question key), if any. */
async function previousValue(turn: Turn, work: Work, question: IndexedQuestion): Promise<AnswerValue | undefined> {
  const p = work.period;
  const before = await turn.tx.period.findFirst({
    where: {
      unitId: p.unitId,
      kind: p.kind,
      OR: [{ year: { lt: p.year } }, { year: p.year, number: { lt: p.number } }],
    },
    orderBy: [{ year: "desc" }, { number: "desc" }],
    select: { id: true },
  });
  if (!before) return undefined;
  const answer = await turn.tx.answer.findFirst({
    where: { periodId: before.id, skipped: false, question: { key: question.def.key, section: { key: question.section.key } } },
    select: { value: true },
  });
  return (answer?.value ?? undefined) as AnswerValue | undefined;
}

async function planTarget(turn: Turn, work: Work, question: IndexedQuestion): Promise<number | undefined> {
  if (!question.def.plan) return undefined;
  const row = await turn.tx.planTarget.findUnique({
    where: { unitId_year_questionKey: { unitId: work.period.unitId, year: work.period.year, questionKey: question.def.key } },
  });
  return row?.value;
}


/** "1, 2 hoặc 3": the numbers a text-only channel accepts for the options. */
function numberList(count: number, or: string): string {
  const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
  return numbers.length < 2 ? numbers.join("") : `${numbers.slice(0, -1).join(", ")}${or}${numbers.at(-1)}`;
}

/**
 * Sends the question on screen and remembers it as the member's position in this chat; `state`
 * holds other changes to that position, written in the same update.
 */
export async function ask(turn: Turn, work: Work, question: IndexedQuestion, lead: string[] = [], state: StatePatch = {}): Promise<Outgoing[]> {
  const { t } = turn;
  const q = question.def;
  const current = work.answers.get(question.id);
  const lines = [
    ...lead,
    t("ask.header", { section: question.section.title, number: question.number, total: question.section.questions.length }),
    `❓ ${q.label}${q.unit ? ` (${q.unit})` : q.type === "money" ? ` (${t("unit.dong")})` : ""}`,
  ];
  const options = optionsOf(q, words(turn));
  if (options) lines.push(...options.map((o, i) => `${i + 1}. ${o.label}`), t("ask.choose", { numbers: numberList(options.length, t("ask.or")) }));
  lines.push(t("ask.example", { example: q.example }));

  const shortcuts: OutgoingOption[] = [];
  if (current && !current.skipped && current.value) {
    lines.push(t("ask.current", { value: renderShort(current.value, q, words(turn)) }));
    shortcuts.push({ label: t("button.keep"), data: `${SHORTCUT_PREFIX}${question.id}:keep` });
  } else if (q.showPrevious) {
    const previous = await previousValue(turn, work, question);
    if (previous) {
      lines.push(t("ask.previous", { value: renderShort(previous, q, words(turn)) }));
      shortcuts.push({ label: t("button.keep"), data: `${SHORTCUT_PREFIX}${question.id}:keep` });
    }
  }
  const plan = await planTarget(turn, work, question);
  if (plan !== undefined && q.plan) lines.push(t("ask.plan", { label: q.plan.label, value: formatIndicator(question.def, plan) }));
  if (!q.required) {
    lines.push(t("ask.optional"));
    shortcuts.push({ label: t("button.skip"), data: `${SHORTCUT_PREFIX}${question.id}:skip` });
  }
  if (sequence(work.sections, work.keyed)[0]?.id !== question.id) shortcuts.push({ label: t("button.back"), data: `${SHORTCUT_PREFIX}${question.id}:back` });

  await setState(turn, { ...state, mode: "answering", periodId: work.period.id, questionId: question.id });
  const prompt = { chatId: turn.chat.id, memberId: turn.member.id, questionId: question.id, periodId: work.period.id };
  const buttons = options?.map((o) => ({ label: o.label, data: `${CHOICE_PREFIX}${question.id}:${o.key}` }));
  return [
    reply(turn, lines.join("\n"), {
      prompt,
      options: buttons,
      // In a group a typed answer needs the reply box (ForceReply), which cannot be combined
      // with buttons; the prompt already says which words to type instead.
      shortcuts: buttons || turn.chat.kind === "group" ? undefined : shortcuts,
      forceReply: turn.chat.kind === "group" && !buttons,
    }),
  ];
}

/** `/nhap`: continue where the member left off (or resume a question opened by "quay lại"/"/sua"). */
export async function resume(turn: Turn, lead: string[] = []): Promise<Outgoing[]> {
  const work = await loadCurrentWork(turn.tx, turn.templates, turn.member.id, turn.state.questionId ? turn.state.periodId : null);
  if (!work) {
    await setState(turn, { mode: "idle", periodId: null, questionId: null, editing: false });
    return [reply(turn, [...lead, turn.t("interview.nothing_assigned")].join("\n"))];
  }
  const sameQuestion = turn.state.questionId && turn.state.periodId === work.period.id;
  const onScreen = sameQuestion ? work.index.questionById.get(turn.state.questionId!) : undefined;
  const stillAsked = onScreen && sequence(work.sections, work.keyed).some((q) => q.id === onScreen.id);
  const next = stillAsked ? onScreen : firstOpen(work.sections, work.answers, work.keyed);
  if (!next) return finished(turn, work, lead);
  return ask(turn, work, next, lead);
}

async function finished(turn: Turn, work: Work, lead: string[]): Promise<Outgoing[]> {
  await setState(turn, { mode: "idle", questionId: null, editing: false });
  return [reply(turn, [...lead, turn.t("interview.all_done", { period: periodLabel(work.period, turn.t) })].join("\n"))];
}

/** Work for the question on screen, or undefined if the member has nothing open. */
async function workOnScreen(turn: Turn, questionId?: number): Promise<{ work: Work; question: IndexedQuestion } | undefined> {
  const id = questionId ?? turn.state.questionId;
  if (!id || !turn.state.periodId) return undefined;
  const period = await turn.tx.period.findFirst({ where: { id: turn.state.periodId, status: "open" } });
  if (!period) return undefined;
  const work = await loadWorkForPeriod(turn.tx, turn.templates, turn.member.id, period as PeriodRow);
  const question = work.index.questionById.get(id);
  if (!question || !work.sections.some((s) => s.id === question.section.id)) return undefined;
  return { work, question };
}

/** A typed answer (or a pressed option) for the question on screen, or for `questionId` when a group reply names it. */
export async function answer(turn: Turn, text: string, questionId?: number): Promise<Outgoing[]> {
  const target = await workOnScreen(turn, questionId);
  if (!target) return resume(turn);
  const { work, question } = target;
  const parsed = parseAnswer(text, question.def, work.period.year);
  if (!parsed.ok) {
    const why = turn.t(`parse.${parsed.error}`, { ...parsed.params, unit: question.def.unit ?? "" });
    return ask(turn, work, question, [turn.t("interview.invalid", { why, example: question.def.example }), ""]);
  }
  return saveAndContinue(turn, work, question, parsed.value, text);
}

export async function skip(turn: Turn): Promise<Outgoing[]> {
  const target = await workOnScreen(turn);
  if (!target) return resume(turn);
  if (target.question.def.required) {
    return ask(turn, target.work, target.question, [turn.t("interview.required")]);
  }
  return saveAndContinue(turn, target.work, target.question, null, turn.incoming.text ?? "bỏ qua");
}

export async function back(turn: Turn): Promise<Outgoing[]> {
  const target = await workOnScreen(turn);
  if (!target) return resume(turn);
  const previous = previousQuestion(target.work.sections, target.work.keyed, target.question);
  if (!previous) return ask(turn, target.work, target.question, [turn.t("interview.at_first")]);
  await setState(turn, { editing: true });
  return ask(turn, target.work, previous);
}

/** "giữ nguyên": keep the answer already given, or reuse last period's value shown beside the question. */
export async function keep(turn: Turn): Promise<Outgoing[]> {
  const target = await workOnScreen(turn);
  if (!target) return resume(turn);
  const { work, question } = target;
  const current = work.answers.get(question.id);
  if (current) return next(turn, work, [turn.t("interview.kept", { value: current.value ? renderShort(current.value, question.def, words(turn)) : turn.t("value.skipped") })], question);
  const previous = question.def.showPrevious ? await previousValue(turn, work, question) : undefined;
  if (!previous) return ask(turn, work, question, [turn.t("interview.no_previous")]);
  return saveAndContinue(turn, work, question, previous, turn.incoming.text ?? "giữ nguyên");
}

async function saveAndContinue(turn: Turn, work: Work, question: IndexedQuestion, value: AnswerValue | null, raw: string): Promise<Outgoing[]> {
  await saveAnswer(turn, work.period.id, question.id, value, raw, work.answers.has(question.id));
  work.answers.set(question.id, { questionId: question.id, value, skipped: value === null, raw });
  work.keyed = byKey(work.index.sections, work.answers);
  const saved = value
    ? turn.t("interview.saved", { value: renderValue(value, question.def, words(turn)) })
    : turn.t("interview.skipped");
  const warnings = consistencyWarnings(work.index.template, work.keyed, turn.t, question.def.key).map((warning) => turn.t("interview.check_warning", { warning }));
  return next(turn, work, [saved, ...warnings], question);
}

/** After an answer: close the section if it is now complete, then go on to the next open question. */
async function next(turn: Turn, work: Work, lead: string[], answered: IndexedQuestion): Promise<Outgoing[]> {
  const recap = await updateSectionCompletion(turn, work, answered.section);
  const following = turn.state.editing ? firstOpen(work.sections, work.answers, work.keyed) : nextAfter(work, answered);
  const messages = recap ? [...lead, "", recap] : lead;
  // finished() and ask() both end an edit (editing: false) in their one write of the state.
  if (!following) return finished(turn, work, messages);
  return ask(turn, work, following, [...messages, ""], { editing: false });
}

/** The first open question after `answered` in the member's sequence, wrapping to the start. */
function nextAfter(work: Work, answered: IndexedQuestion): IndexedQuestion | undefined {
  const all = sequence(work.sections, work.keyed);
  const at = all.findIndex((q) => q.id === answered.id);
  return [...all.slice(at + 1), ...all.slice(0, Math.max(at, 0))].find((q) => !work.answers.has(q.id));
}

/** Marks the member's assignment of a section done (or not done again); returns a recap when it just closed. */
async function updateSectionCompletion(turn: Turn, work: Work, section: IndexedSection): Promise<string | undefined> {
  const progress = sectionProgress(section, work.answers, work.keyed);
  const assignment = work.assignments.get(section.id);
  if (!assignment) return undefined;
  if (progress.complete && !assignment.completedAt) {
    await turn.tx.assignment.update({ where: { id: assignment.id }, data: { completedAt: turn.now } });
    return recap(turn, work, section);
  }
  if (!progress.complete && assignment.completedAt) {
    await turn.tx.assignment.update({ where: { id: assignment.id }, data: { completedAt: null } });
  }
  return undefined;
}

function recap(turn: Turn, work: Work, section: IndexedSection): string {
  const lines = relevantQuestions(section, work.keyed).map((q) => {
    const a = work.answers.get(q.id);
    const value = a?.value ? renderShort(a.value, q.def, words(turn), 60) : turn.t("value.skipped");
    return `• ${q.def.label}: ${value}`;
  });
  return [turn.t("interview.section_done", { section: section.title }), ...lines].join("\n");
}

/** Writes the answer and a revision row: the first answer is revision 1, every change adds one. */
async function saveAnswer(turn: Turn, periodId: number, questionId: number, value: AnswerValue | null, raw: string, existing: boolean): Promise<void> {
  const { tx } = turn;
  const data = { memberId: turn.member.id, value: value ?? undefined, raw, skipped: value === null, answeredAt: turn.now };
  // `existing` comes from the answers this transaction has just read: no second look is needed.
  const row = existing
    ? await tx.answer.update({ where: { periodId_questionId: { periodId, questionId } }, data: { ...data, value: value ?? Prisma.DbNull, revision: { increment: 1 } } })
    : await tx.answer.create({ data: { ...data, periodId, questionId } });
  await tx.answerRevision.create({
    data: { answerId: row.id, revision: row.revision, memberId: turn.member.id, value: value ?? undefined, raw, skipped: value === null, channel: turn.incoming.channel, createdAt: turn.now },
  });
  if (existing) {
    await tx.auditLog.create({ data: { unitId: turn.member.unitId, memberId: turn.member.id, action: "answer.revised", detail: { periodId, questionId, revision: row.revision }, createdAt: turn.now } });
  }
}

/** `/sua`: list the member's answers in the current period, numbered, to pick one to correct. */
export async function listForEdit(turn: Turn, pick?: string): Promise<Outgoing[]> {
  const work = await loadCurrentWork(turn.tx, turn.templates, turn.member.id, turn.state.periodId);
  if (!work) return [reply(turn, turn.t("interview.nothing_assigned"))];
  const answered = sequence(work.sections, work.keyed).filter((q) => work.answers.has(q.id));
  if (answered.length === 0) return [reply(turn, turn.t("edit.nothing"))];
  if (pick !== undefined) return pickForEdit(turn, work, answered, pick);
  await setState(turn, { mode: "picking_edit", periodId: work.period.id, questionId: null });
  const lines = answered.map((q, i) => {
    const a = work.answers.get(q.id);
    return `${i + 1}. ${q.def.label}: ${a?.value ? renderShort(a.value, q.def, words(turn), 40) : turn.t("value.skipped")}`;
  });
  return [reply(turn, [turn.t("edit.header", { period: periodLabel(work.period, turn.t) }), ...lines, turn.t("edit.pick", { count: answered.length })].join("\n"), { forceReply: turn.chat.kind === "group" })];
}

async function pickForEdit(turn: Turn, work: Work, answered: IndexedQuestion[], pick: string): Promise<Outgoing[]> {
  const n = Number(pick.trim());
  const question = Number.isInteger(n) ? answered[n - 1] : undefined;
  if (!question) return [reply(turn, turn.t("edit.bad_pick", { count: answered.length }), { forceReply: turn.chat.kind === "group" })];
  await setState(turn, { editing: true });
  return ask(turn, work, question);
}
