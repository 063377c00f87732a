/**
 * The one error a report template can produce: every problem found, each located by file, line
 * and path, so an admin can fix the YAML without reading code. Its own module because both the
 * template loader and the sentence-pattern parser raise it.
 */

/** One thing wrong with a template file, located as precisely as the file allows. */
export interface TemplateProblem {
  file: string;
  /** Readable path inside the document, e.g. `sections.kinh-te.questions.thu_ngan_sach.unit`; empty when the problem is the whole file. */
  path: string;
  line?: number;
  message: string;
}

/** Every problem found in one or more template files, one per line in the message. */
export class TemplateError extends Error {
  override readonly name = "TemplateError";

  constructor(readonly problems: readonly TemplateProblem[]) {
    const files = [...new Set(problems.map((p) => p.file))].join(", ");
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super([`Invalid report template (${files}), ${count}:`, ...problems.map(formatProblem)].join("\n"));
  }
}

function formatProblem(p: TemplateProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `  ${where}: ${p.path ? `${p.path}: ` : ""}${p.message}`;
}
