/**
 * Checks, when a template is loaded, everything a template says about the report's wording:
 * sentence patterns of questions, group headings, the document's own wording and its parts.
 * A placeholder that names no question, a figure a question cannot have (% of plan without a
 * plan, a rate of a count) or a part starting nowhere is a problem for the admin at start-up,
 * not a hole in a report at the deadline.
 */
import type { QuestionType } from "./answer-value.js";
import { readPattern, slotsOf, type SentencePattern } from "./sentence-pattern.js";

/** Names every pattern may use besides question keys: what the report is about. */
export const CONTEXT_NAMES = ["period", "next_period", "year", "next_year", "unit"] as const;
export type ContextName = (typeof CONTEXT_NAMES)[number];

const NUMERIC: readonly QuestionType[] = ["count", "decimal", "money", "percent", "ratio"];
const QUANTITY: readonly QuestionType[] = ["count", "decimal", "money"];
/** Narrative answers are printed as paragraphs of their own, never inside a sentence. */
export const NARRATIVE_TYPES: readonly QuestionType[] = ["text", "list"];

/**
 * The derived figures a placeholder can ask for, and what a question needs to have one. Their
 * values are computed from stored answers by src/reports/figures.ts.
 */
export const FIGURES = {
  /** The question's label. */
  label: { types: undefined, needsPlan: false },
  /** The yearly plan target, "8.291.000.000 đồng". */
  plan: { types: NUMERIC, needsPlan: true },
  /** "đạt 68,4% dự toán năm" (on the year-to-date total in a monthly report). */
  percent_plan: { types: NUMERIC, needsPlan: true },
  /** "lũy kế 11 tháng: …", monthly reports only. */
  cumulative: { types: QUANTITY, needsPlan: false },
  /** The same period last year, "607 cơ sở". */
  last_year: { types: NUMERIC, needsPlan: false },
  /** "tăng 18,1% so với cùng kỳ". */
  vs_last_year: { types: NUMERIC, needsPlan: false },
  /** "tăng 340 cơ sở so với cùng kỳ". */
  diff_last_year: { types: QUANTITY, needsPlan: false },
  /** "giảm 3,0% so với kỳ trước". */
  vs_previous: { types: NUMERIC, needsPlan: false },
  /** A ratio's achieved ÷ target, "83,0%". */
  rate: { types: ["ratio"], needsPlan: false },
  /** A ratio's two numbers, "507" and "611", for "507/611 trẻ, tỷ lệ 83,0%". */
  achieved: { types: ["ratio"], needsPlan: false },
  target: { types: ["ratio"], needsPlan: false },
  /** The part's share of its whole in a part_of check, "88,3%". */
  share: { types: undefined, needsPlan: false },
} as const satisfies Record<string, { types: readonly QuestionType[] | undefined; needsPlan: boolean }>;
export type FigureName = keyof typeof FIGURES;
const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];

export function isFigureName(name: string): name is FigureName {
  return (FIGURE_NAMES as string[]).includes(name);
}

export function isContextName(name: string): name is ContextName {
  return (CONTEXT_NAMES as readonly string[]).includes(name);
}

/** The wording a template may set for the whole document; the locale's wording for the period kind otherwise. */
export interface ReportWording {
  /** Trích yếu under "BÁO CÁO". */
  summary?: string;
  opening?: string;
  closing?: string;
  /** Heading of the results by field ("I. KẾT QUẢ THỰC HIỆN …"). */
  results?: string;
  /** "Phần thứ nhất / Phần thứ hai" for term reports, each from a section to the next part. */
  parts?: ReportPartSpec[];
}

export interface ReportPartSpec {
  /** Key of the part's first section. */
  from: string;
  /** "Phần thứ nhất". */
  heading: string;
  /** Printed in capitals under the heading. */
  title: string;
}

/** What the checks look at; the zod-parsed template before defaults. */
interface WordingInput {
  sections: { key: string; group: string; questions: { key: string; type: QuestionType; plan?: unknown; sentence?: string; heading?: string }[] }[];
  checks?: { kind: string; part?: string }[];
  document?: ReportWording;
}

export interface WordingProblem {
  path: (string | number)[];
  message: string;
}

const CONTEXT_LIST = CONTEXT_NAMES.map((n) => `{${n}}`).join(", ");

export function wordingProblems(t: WordingInput): WordingProblem[] {
  const found: WordingProblem[] = [];
  const questions = new Map(t.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
  const parts = new Set((t.checks ?? []).flatMap((c) => (c.kind === "part_of" && c.part ? [c.part] : [])));

  /** Problems of one pattern; `own` is the question whose sentence it is (undefined: wording with context names only). */
  const check = (source: string, path: (string | number)[], own?: string) => {
    const reading = readPattern(source);
    if (!reading.ok) return found.push({ path, message: reading.message });
    for (const message of slotProblems(reading.pattern, own)) found.push({ path, message });
  };
  const slotProblems = (pattern: SentencePattern, own: string | undefined): string[] => {
    const slots = slotsOf(pattern);
    const out: string[] = [];
    for (const { name, figure } of slots) {
      if (isContextName(name)) {
        if (figure !== undefined) out.push(`{${name}.${figure}}: {${name}} has no figures`);
        continue;
      }
      if (own === undefined) {
        out.push(`{${name}} cannot be used here: the report's own wording can only use ${CONTEXT_LIST}`);
        continue;
      }
      const q = questions.get(name);
      if (!q) out.push(`there is no question "${name}" in this template, and {${name}} is none of ${CONTEXT_LIST}`);
      else if (NARRATIVE_TYPES.includes(q.type)) out.push(`"${name}" is a ${q.type} question: narrative answers are printed as paragraphs of their own, not inside a sentence`);
      else if (figure !== undefined) {
        const problem = figureProblem(q, figure, parts.has(name));
        if (problem) out.push(`{${name}.${figure}}: ${problem}`);
      }
    }
    if (own !== undefined && !slots.some((s) => s.name === own)) out.push(`the sentence never mentions {${own}}, the question it belongs to`);
    return out;
  };

  t.sections.forEach((section, s) => {
    check(section.group, ["sections", s, "group"]);
    const groupHasFigures = t.sections.some((o) => o.group === section.group && o.questions.some((q) => !NARRATIVE_TYPES.includes(q.type)));
    section.questions.forEach((q, i) => {
      const at = ["sections", s, "questions", i];
      if (isContextName(q.key)) found.push({ path: [...at, "key"], message: `"${q.key}" is reserved: {${q.key}} stands for the report's ${q.key.replace("_", " ")} in sentence patterns` });
      if (q.sentence !== undefined) check(q.sentence, [...at, "sentence"], q.key);
      if (q.heading !== undefined && groupHasFigures) {
        found.push({ path: [...at, "heading"], message: `a heading numbers a narrative answer under a group without figures (such as "Đánh giá chung"); group "${section.group}" has figures` });
      }
    });
  });

  const doc = t.document;
  if (!doc) return found;
  for (const field of ["summary", "opening", "closing", "results"] as const) {
    const text = doc[field];
    if (text !== undefined) check(text, ["document", field]);
  }
  const order = t.sections.map((s) => s.key);
  let previous = -1;
  doc.parts?.forEach((part, i) => {
    check(part.heading, ["document", "parts", i, "heading"]);
    check(part.title, ["document", "parts", i, "title"]);
    const at = order.indexOf(part.from);
    const where = ["document", "parts", i, "from"];
    if (at < 0) found.push({ path: where, message: `there is no section "${part.from}" in this template` });
    else if (i === 0 && at !== 0) found.push({ path: where, message: `the first part must start at the first section ("${order[0]}"), or the sections before it would belong to no part` });
    else if (at <= previous) found.push({ path: where, message: `parts must follow the order of the sections: "${part.from}" does not come after "${order[previous]}"` });
    if (at >= 0) previous = at;
  });
  return found;
}

function figureProblem(q: { type: QuestionType; plan?: unknown }, figure: string, isPart: boolean): string | undefined {
  if (!isFigureName(figure)) return `unknown figure "${figure}"; the figures are ${FIGURE_NAMES.join(", ")}`;
  const rule = FIGURES[figure];
  if (rule.types !== undefined && !(rule.types as readonly QuestionType[]).includes(q.type)) return `${figure} is only for ${rule.types.join("/")} questions, not ${q.type}`;
  if (rule.needsPlan && q.plan === undefined) return `${figure} needs a yearly plan target: add plan: { label: … } to the question`;
  if (figure === "share" && !isPart) return "share is the part's share of its whole: the question must be the part of a part_of check";
  return undefined;
}
