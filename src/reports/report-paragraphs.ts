/**
 * The paragraphs each answer contributes to the report. Narrative answers are printed as
 * written (a list item per line). A figure is printed with its question's sentence pattern when
 * it has one, otherwise as "label: value, comparisons." Because a sentence may also speak of other
 * answers ("… 947 cơ sở, trong đó 12 hộ đăng ký mới"), an answer mentioned in another question's
 * printed sentence gets no sentence of its own; and an answer whose own sentence cannot be
 * completed falls back to the plain sentence, so no answer is ever left out.
 */
import type { AnswerValue } from "../domain/answer-value.js";
import { indicatorNumber } from "../domain/answer-value.js";
import { renderValue, type RenderWords } from "../domain/render-value.js";
import { parsePattern, renderPattern, slotsOf, type Slot } from "../domain/sentence-pattern.js";
import type { Template } from "../domain/template.js";
import { isContextName, isFigureName } from "../domain/template-wording.js";
import type { IndexedQuestion } from "../conversation/template-index.js";
import { figureText, type FigureSources } from "./figures.js";
import { comparisons } from "./indicator-phrases.js";
import type { WordingContext } from "./report-wording.js";

export interface ParagraphInput {
  template: Template;
  questionByKey: ReadonlyMap<string, IndexedQuestion>;
  /** The questions that apply to this period's answers, in template order. */
  relevant: IndexedQuestion[];
  /** `values` holds the answers of exactly the relevant questions. */
  sources: FigureSources;
  context: WordingContext;
  words: RenderWords;
}

/** Paragraphs by question id, for every relevant question (empty when it has no answer). */
export async function reportParagraphs(input: ParagraphInput): Promise<Map<number, string[]>> {
  const { relevant, sources } = input;
  const own = new Map<number, string>();
  const mentioned = new Set<string>();
  for (const q of relevant) {
    if (q.def.sentence === undefined || !sources.values.has(q.def.key)) continue;
    const sentence = await ownSentence(input, q, q.def.sentence);
    if (!sentence) continue;
    own.set(q.id, sentence.text);
    for (const key of sentence.mentioned) if (key !== q.def.key) mentioned.add(key);
  }

  const out = new Map<number, string[]>();
  for (const q of relevant) {
    const value = sources.values.get(q.def.key);
    if (!value) out.set(q.id, []);
    else if (value.kind === "text") out.set(q.id, value.value.split(/\n+/));
    else if (value.kind === "list") out.set(q.id, value.items.map((item) => `- ${item}`));
    else if (own.has(q.id)) out.set(q.id, [own.get(q.id)!]);
    else if (mentioned.has(q.def.key)) out.set(q.id, []);
    else out.set(q.id, [await plainSentence(input, q, value)]);
  }
  return out;
}

async function ownSentence(input: ParagraphInput, q: IndexedQuestion, source: string) {
  const pattern = parsePattern(source, { file: `template ${input.template.key}@${input.template.version}`, path: `${q.def.key}.sentence` });
  // Figures are read from the database one at a time: the report may be built inside a transaction.
  const values = new Map<Slot, string | undefined>();
  for (const slot of slotsOf(pattern)) values.set(slot, await slotValue(input, slot));
  const sentence = renderPattern(pattern, (slot) => values.get(slot));
  return sentence && { ...sentence, text: capitalized(sentence.text) };
}

async function slotValue({ questionByKey, sources, context, words }: ParagraphInput, slot: Slot): Promise<string | undefined> {
  if (isContextName(slot.name)) return context[slot.name];
  const q = questionByKey.get(slot.name);
  if (!q) return undefined;
  if (slot.figure === undefined) {
    const value = sources.values.get(slot.name);
    return value && renderValue(value, q.def, words);
  }
  return isFigureName(slot.figure) ? figureText(sources, q.def, slot.figure) : undefined;
}

/** "Label: value, comparisons." — what a question without a sentence pattern prints. */
async function plainSentence({ sources, words }: ParagraphInput, q: IndexedQuestion, value: AnswerValue): Promise<string> {
  const n = indicatorNumber(value);
  const { db, t, ref, lastYear, previous, plans } = sources;
  const extra = n === undefined ? [] : await comparisons(db, t, q, n, { ref, lastYear, previous, plan: plans.get(q.def.key) });
  return `${q.def.label}: ${renderValue(value, q.def, words)}${extra.length ? `, ${extra.join(", ")}` : ""}.`;
}

/** A sentence that opens with a placeholder ("{period}, …") still starts with a capital. */
function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}
