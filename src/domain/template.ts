/**
 * Report templates: the sections and questions of one kind of report, kept as YAML files under
 * `templates/` so a ward can adapt them without touching code. Everything is checked when the
 * file is loaded, so a typo in a template fails at start-up with a precise message for the admin
 * instead of surfacing mid-conversation in front of an officer.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { QUESTION_TYPES, type QuestionType } from "./answer-value.js";
import { TemplateError, type TemplateProblem } from "./template-error.js";
import { NARRATIVE_TYPES, wordingProblems, type ReportWording } from "./template-wording.js";

export { TemplateError, type TemplateProblem, type ReportWording };

export type PeriodKind = "thang" | "quy" | "6thang" | "9thang" | "nam";
export const PERIOD_KINDS = ["thang", "quy", "6thang", "9thang", "nam"] as const satisfies readonly PeriodKind[];

export interface ChoiceOption {
  key: string;
  label: string;
}

/**
 * "Ask this question only when the condition on an EARLIER answer holds". Every comparison given
 * must hold. Numeric comparisons apply to count/decimal/money/percent values and to the
 * `achieved` part of a ratio.
 */
export interface Condition {
  question: string;
  equals?: string | number | boolean;
  notEquals?: string | number | boolean;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface Question {
  /** snake_case ascii, unique in the whole template: answers are stored under it. */
  key: string;
  type: QuestionType;
  /** The Vietnamese question shown to the officer. */
  label: string;
  /** What a valid answer looks like, shown with the question and with every parse error. */
  example: string;
  required: boolean;
  /** Required for count and decimal, forbidden otherwise. */
  unit?: string;
  min?: number;
  max?: number;
  /** Required (at least 2, unique keys) for choice, forbidden otherwise. */
  options?: ChoiceOption[];
  relevant?: Condition;
  /** This indicator has a yearly plan target, e.g. { label: "dự toán năm" }. */
  plan?: { label: string };
  /** Show last period's value beside the question and accept "giữ nguyên". */
  showPrevious: boolean;
  /** Text only. */
  maxLength?: number;
  /**
   * How the answer reads in the report, e.g. "Tổng thu ngân sách {thu_ngan_sach}[, {thu_ngan_sach.percent_plan}]."
   * (sentence-pattern.ts). Without one, "label: value, comparisons.". Not for text and list answers.
   */
  sentence?: string;
  /** Text and list only: the numbered heading ("1. Tồn tại, hạn chế") the answer is printed under, in a group without figures. */
  heading?: string;
}

export interface Section {
  key: string;
  title: string;
  /** The report heading the section sits under, e.g. "Lĩnh vực kinh tế". */
  group: string;
  questions: Question[];
}

/** A consistency rule between answers, checked when answering and listed in the summary. */
export type ConsistencyCheck =
  | { kind: "part_of"; part: string; whole: string }
  | { kind: "rate_max_100"; key: string }
  | { kind: "achieved_le_target"; key: string };

export interface Template {
  key: string;
  version: number;
  name: string;
  kinds: PeriodKind[];
  sections: Section[];
  checks?: ConsistencyCheck[];
  /** Wording of the document itself, where the period kind's usual wording does not fit (a term report). */
  document?: ReportWording;
}

const NUMERIC_TYPES: readonly QuestionType[] = ["count", "decimal", "money", "percent", "ratio"];
/** Types whose answer is a single number that min, max and a plan target apply to (a ratio carries its own target). */
const SCALAR_NUMERIC_TYPES: readonly QuestionType[] = ["count", "decimal", "money", "percent"];
const UNIT_TYPES: readonly QuestionType[] = ["count", "decimal"];
/** Last period's narrative, list or date is rarely still true, so those are asked afresh by default. */
const FRESH_BY_DEFAULT: readonly QuestionType[] = ["text", "list", "date"];

const QUESTION_KEY = /^[a-z][a-z0-9_]*$/;
const SECTION_KEY = /^[a-z][a-z0-9-]*$/;

const questionKey = z.string().regex(QUESTION_KEY, "must be snake_case ascii: a lowercase letter, then lowercase letters, digits or _");
const sectionKey = z.string().regex(SECTION_KEY, "must be kebab-case ascii: a lowercase letter, then lowercase letters, digits or -");
const nonEmpty = z.string().trim().min(1, "must not be empty");
const comparable = z.union([z.string(), z.number(), z.boolean()]);

const optionSchema = z.strictObject({ key: questionKey, label: nonEmpty });

const conditionSchema = z
  .strictObject({
    question: questionKey,
    equals: comparable.optional(),
    notEquals: comparable.optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
  })
  .refine((c) => comparisonsOf(c).length > 0, "needs at least one of equals, notEquals, gt, gte, lt, lte");

const questionSchema = z
  .strictObject({
    key: questionKey,
    type: z.enum(QUESTION_TYPES),
    label: nonEmpty,
    example: nonEmpty,
    required: z.boolean().default(true),
    unit: nonEmpty.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(optionSchema).optional(),
    relevant: conditionSchema.optional(),
    plan: z.strictObject({ label: nonEmpty }).optional(),
    showPrevious: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
    sentence: nonEmpty.optional(),
    heading: nonEmpty.optional(),
  })
  .superRefine((q, ctx) => {
    for (const { path, message } of questionProblems(q)) ctx.addIssue({ code: "custom", path, message });
  })
  .transform((q): Question => ({ ...q, showPrevious: q.showPrevious ?? !FRESH_BY_DEFAULT.includes(q.type) }));

const sectionSchema = z.strictObject({
  key: sectionKey,
  title: nonEmpty,
  group: nonEmpty,
  questions: z.array(questionSchema).min(1, "a section needs at least one question"),
});

const documentSchema = z.strictObject({
  summary: nonEmpty.optional(),
  opening: nonEmpty.optional(),
  closing: nonEmpty.optional(),
  results: nonEmpty.optional(),
  parts: z.array(z.strictObject({ from: sectionKey, heading: nonEmpty, title: nonEmpty })).min(1, "list at least one part, or leave parts out").optional(),
});

const checkSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("part_of"), part: questionKey, whole: questionKey }),
  z.strictObject({ kind: z.literal("rate_max_100"), key: questionKey }),
  z.strictObject({ kind: z.literal("achieved_le_target"), key: questionKey }),
]);

const templateSchema = z
  .strictObject({
    key: sectionKey,
    version: z.number().int().positive(),
    name: nonEmpty,
    kinds: z
      .array(z.enum(PERIOD_KINDS))
      .min(1, "list at least one period kind")
      .refine((k) => new Set(k).size === k.length, "each period kind may appear only once"),
    sections: z.array(sectionSchema).min(1, "a template needs at least one section"),
    checks: z.array(checkSchema).optional(),
    document: documentSchema.optional(),
  })
  .superRefine((t, ctx) => {
    for (const { path, message } of crossProblems(t)) ctx.addIssue({ code: "custom", path, message });
    for (const { path, message } of checkProblems(t)) ctx.addIssue({ code: "custom", path, message });
    for (const { path, message } of wordingProblems(t)) ctx.addIssue({ code: "custom", path, message });
  });

/** Which question types each consistency rule can look at. */
const CHECK_TYPES: Record<ConsistencyCheck["kind"], readonly string[]> = {
  part_of: ["count", "decimal", "money", "percent"],
  rate_max_100: ["percent", "ratio"],
  achieved_le_target: ["ratio"],
};

function checkProblems(t: { sections: { questions: RawQuestion[] }[]; checks?: ConsistencyCheck[] }): Found[] {
  const byKey = new Map(t.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
  const found: Found[] = [];
  (t.checks ?? []).forEach((check, i) => {
    const keys = check.kind === "part_of" ? { part: check.part, whole: check.whole } : { key: check.key };
    for (const [field, key] of Object.entries(keys)) {
      const q = byKey.get(key);
      if (!q) found.push({ path: ["checks", i, field], message: `there is no question "${key}" in this template` });
      else if (!CHECK_TYPES[check.kind].includes(q.type)) found.push({ path: ["checks", i, field], message: `${check.kind} cannot check "${key}", a ${q.type} question` });
    }
  });
  return found;
}

interface Found {
  path: (string | number)[];
  message: string;
}

type Comparison = keyof Omit<Condition, "question">;
const COMPARISONS = ["equals", "notEquals", "gt", "gte", "lt", "lte"] as const satisfies readonly Comparison[];

function comparisonsOf(c: Condition): Comparison[] {
  return COMPARISONS.filter((op) => c[op] !== undefined);
}

const isEquality = (op: Comparison) => op === "equals" || op === "notEquals";

type RawQuestion = Omit<Question, "showPrevious">;

/** Rules that depend only on the question itself (its type decides which fields make sense). */
function questionProblems(q: RawQuestion): Found[] {
  const found: Found[] = [];
  const only = (field: keyof RawQuestion, types: readonly QuestionType[]) => {
    if (q[field] !== undefined && !types.includes(q.type)) {
      found.push({ path: [field], message: `${field} is only allowed on ${types.join("/")} questions, not on ${q.type}` });
    }
  };

  if (UNIT_TYPES.includes(q.type) && q.unit === undefined) {
    found.push({ path: ["unit"], message: `unit is required for ${q.type} questions (e.g. hồ sơ, vụ, hộ, người, ha, m²)` });
  }
  only("unit", UNIT_TYPES);

  if (q.type === "choice") {
    if (q.options === undefined) found.push({ path: ["options"], message: "options are required for choice questions (at least 2)" });
    else if (q.options.length < 2) found.push({ path: ["options"], message: "a choice question needs at least 2 options" });
    const seen = new Set<string>();
    q.options?.forEach((o, i) => {
      if (seen.has(o.key)) found.push({ path: ["options", i, "key"], message: `duplicate option key "${o.key}"` });
      seen.add(o.key);
    });
  }
  only("options", ["choice"]);

  only("min", SCALAR_NUMERIC_TYPES);
  only("max", SCALAR_NUMERIC_TYPES);
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
    found.push({ path: ["max"], message: `min (${q.min}) is greater than max (${q.max})` });
  }
  only("plan", SCALAR_NUMERIC_TYPES);
  only("maxLength", ["text"]);
  only("heading", NARRATIVE_TYPES);
  if (q.sentence !== undefined && NARRATIVE_TYPES.includes(q.type)) {
    found.push({ path: ["sentence"], message: `a ${q.type} answer is printed as paragraphs of its own; a sentence is for figures and other short answers` });
  }
  return found;
}

/** Rules across questions: unique keys, and conditions that look back at an earlier answer of a fitting type. */
function crossProblems(t: { sections: { key: string; questions: RawQuestion[] }[] }): Found[] {
  const found: Found[] = [];
  const allKeys = new Set(t.sections.flatMap((s) => s.questions.map((q) => q.key)));
  const sectionKeys = new Set<string>();
  const earlier = new Map<string, RawQuestion>();

  t.sections.forEach((section, s) => {
    if (sectionKeys.has(section.key)) found.push({ path: ["sections", s, "key"], message: `duplicate section key "${section.key}"` });
    sectionKeys.add(section.key);

    section.questions.forEach((q, i) => {
      const at = ["sections", s, "questions", i];
      if (earlier.has(q.key)) found.push({ path: [...at, "key"], message: `duplicate question key "${q.key}" (question keys must be unique in the whole template)` });

      if (q.relevant) {
        const ref = q.relevant.question;
        const target = earlier.get(ref);
        if (target) {
          for (const p of conditionProblems(q.relevant, target)) found.push({ path: [...at, "relevant", ...p.path], message: p.message });
        } else {
          const why = ref === q.key
            ? "a question cannot depend on its own answer"
            : allKeys.has(ref)
              ? `question "${ref}" comes later in the template; a condition can only look at an earlier answer`
              : `there is no question "${ref}" in this template`;
          found.push({ path: [...at, "relevant", "question"], message: why });
        }
      }
      if (!earlier.has(q.key)) earlier.set(q.key, q);
    });
  });
  return found;
}

/** Whether each comparison in `c` can be evaluated against an answer to `target`. */
function conditionProblems(c: Condition, target: RawQuestion): Found[] {
  const { key, type } = target;
  if (type === "text" || type === "list" || type === "date") {
    return [{ path: ["question"], message: `"${key}" is a ${type} question, which cannot be used in a condition` }];
  }
  const found: Found[] = [];
  for (const op of comparisonsOf(c)) {
    const value = c[op];
    const bad = (message: string) => found.push({ path: [op], message });
    if (type === "choice") {
      const keys = target.options?.map((o) => o.key) ?? [];
      if (!isEquality(op)) bad(`${op} compares numbers, but "${key}" is a choice question; use equals or notEquals`);
      else if (typeof value !== "string" || !keys.includes(value)) bad(`${JSON.stringify(value)} is not an option of "${key}" (options: ${keys.join(", ")})`);
    } else if (type === "yesno") {
      if (!isEquality(op)) bad(`${op} compares numbers, but "${key}" is a yes/no question; use equals: true or equals: false`);
      else if (typeof value !== "boolean") bad(`"${key}" is a yes/no question, so ${op} must be true or false, not ${JSON.stringify(value)}`);
    } else if (NUMERIC_TYPES.includes(type) && typeof value !== "number") {
      bad(`"${key}" is a ${type} question, so ${op} must be a number, not ${JSON.stringify(value)}`);
    }
  }
  return found;
}

/**
 * Parses and validates one template; `fileName` only serves to name the file in errors.
 * All problems are reported at once, except that a value of the wrong type (a number where text
 * belongs, say) hides the rules that would look at it until it is fixed.
 */
export function parseTemplate(yamlText: string, fileName: string): Template {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new TemplateError(
      doc.errors.map((e) => ({
        file: fileName,
        path: "",
        line: lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax error: ${e.message}`,
      })),
    );
  }

  const raw: unknown = doc.toJS();
  const result = templateSchema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;

  const problems = result.error.issues.flatMap((issue) =>
    explain(issue).map(({ path, message }) => ({
      file: fileName,
      path: readablePath(raw, path),
      line: lineOf(doc, lineCounter, path),
      message,
    })),
  );
  throw new TemplateError(problems);
}

/** Zod's wording, made specific where the default is unhelpful to someone editing YAML. */
function explain(issue: z.core.$ZodIssue): Found[] {
  const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => ({ path: [...path, k], message: `unknown field "${k}"` }));
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return [{ path, message: `missing required field (expected ${issue.expected})` }];
  }
  if (issue.code === "invalid_type" && issue.input === null) {
    return [{ path, message: `has no value (expected ${issue.expected})` }];
  }
  if (issue.code === "invalid_type" && issue.expected === "string" && typeof issue.input === "number") {
    // YAML reads 1.230 as the number 1.23: quoting keeps the text exactly as written.
    return [{ path, message: `must be text, got the number ${issue.input}; put the value in quotes` }];
  }
  return [{ path, message: issue.message }];
}

/** `sections.kinh-te.questions.thu_ngan_sach.unit` rather than `sections[0].questions[0].unit`, when keys allow. */
function readablePath(raw: unknown, path: (string | number)[]): string {
  let out = "";
  let node = raw;
  for (const seg of path) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[seg] : undefined;
    const key = isRecord(node) ? node.key : undefined;
    if (typeof seg === "number") {
      out += typeof key === "string" && /^[A-Za-z0-9_-]+$/.test(key) ? `.${key}` : `[${seg}]`;
    } else {
      out += out ? `.${seg}` : seg;
    }
  }
  return out || "(top level)";
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Line of the deepest node on `path` present in the document; for a map entry, the line of its key. */
function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = isScalar(node) || isMap(node) || isSeq(node) ? node.range?.[0] : undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      if (isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      if (isScalar(node) || isMap(node) || isSeq(node)) offset = node.range?.[0] ?? offset;
      else break;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

export async function loadTemplateFile(path: string): Promise<Template> {
  return parseTemplate(await readText(path), path);
}

/**
 * Loads every `*.yaml` / `*.yml` in `dir`, in name order. Problems in all files are reported
 * together, and two files may not define the same key and version (a period records which
 * version it was opened with, so that pair must name exactly one template).
 */
export async function loadTemplatesDir(dir: string): Promise<Template[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (e) {
    throw new TemplateError([{ file: dir, path: "", message: `cannot read directory: ${(e as Error).message}` }]);
  }

  const templates: Template[] = [];
  const problems: TemplateProblem[] = [];
  const definedIn = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    try {
      const t = await loadTemplateFile(file);
      const id = `${t.key}@${t.version}`;
      const first = definedIn.get(id);
      if (first) problems.push({ file, path: "key", message: `template "${t.key}" version ${t.version} is already defined in ${first}` });
      else definedIn.set(id, file);
      templates.push(t);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) throw new TemplateError(problems);
  return templates;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw new TemplateError([{ file: path, path: "", message: `cannot read file: ${(e as Error).message}` }]);
  }
}
