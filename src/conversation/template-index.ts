/**
 * A template version with its database ids, in template order. Versions never change once
 * stored, so an index is built once per version and kept for the life of the process.
 */
import type { Question, Template } from "../domain/template.js";
import type { Db, Tx } from "../store/database.js";

export interface IndexedQuestion {
  id: number;
  def: Question;
  section: IndexedSection;
  /** 1-based position inside its section, for "câu 2/7". */
  number: number;
}

export interface IndexedSection {
  id: number;
  key: string;
  title: string;
  group: string;
  questions: IndexedQuestion[];
}

export interface TemplateIndex {
  versionId: number;
  template: Template;
  sections: IndexedSection[];
  questionById: Map<number, IndexedQuestion>;
  questionByKey: Map<string, IndexedQuestion>;
  sectionById: Map<number, IndexedSection>;
}

export class TemplateCache {
  readonly #byVersion = new Map<number, Promise<TemplateIndex>>();

  get(db: Db | Tx, versionId: number): Promise<TemplateIndex> {
    let index = this.#byVersion.get(versionId);
    if (!index) {
      index = build(db, versionId);
      index.catch(() => this.#byVersion.delete(versionId));
      this.#byVersion.set(versionId, index);
    }
    return index;
  }
}

async function build(db: Db | Tx, versionId: number): Promise<TemplateIndex> {
  const version = await db.templateVersion.findUniqueOrThrow({
    where: { id: versionId },
    include: { sections: { orderBy: { position: "asc" }, include: { questions: { orderBy: { position: "asc" } } } } },
  });
  const template = version.definition as unknown as Template;
  const index: TemplateIndex = {
    versionId,
    template,
    sections: [],
    questionById: new Map(),
    questionByKey: new Map(),
    sectionById: new Map(),
  };
  for (const row of version.sections) {
    const section: IndexedSection = { id: row.id, key: row.key, title: row.title, group: row.groupTitle, questions: [] };
    row.questions.forEach((q, i) => {
      const question: IndexedQuestion = { id: q.id, def: q.definition as unknown as Question, section, number: i + 1 };
      section.questions.push(question);
      index.questionById.set(q.id, question);
      index.questionByKey.set(q.key, question);
    });
    index.sections.push(section);
    index.sectionById.set(section.id, section);
  }
  return index;
}
