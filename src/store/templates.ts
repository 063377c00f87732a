/**
 * Stores report templates (loaded from templates/*.yaml) as immutable versions in the
 * database, with a row per section and question, so that answers point at stable ids and a
 * period keeps the version it was opened with even after the YAML changes.
 */
import { createHash } from "node:crypto";
import type { Template } from "../domain/template.js";
import type { Db } from "./database.js";

export class TemplateVersionConflict extends Error {
  override name = "TemplateVersionConflict";
}

function hashOf(template: Template): string {
  return createHash("sha256").update(JSON.stringify(template)).digest("hex");
}

/** Makes sure every template version exists in the database; returns their ids by "key@version". */
export async function syncTemplates(db: Db, templates: Template[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const template of templates) ids.set(`${template.key}@${template.version}`, await syncOne(db, template));
  return ids;
}

async function syncOne(db: Db, template: Template): Promise<number> {
  const hash = hashOf(template);
  const stored = await findVersion(db, template);
  if (stored) {
    if (stored.hash !== hash) {
      throw new TemplateVersionConflict(
        `Template "${template.key}" version ${template.version} differs from the copy stored in the database. ` +
          `Periods already use that version: raise "version" in the YAML file instead of editing it in place.`,
      );
    }
    return stored.id;
  }
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.template.upsert({
        where: { key: template.key },
        create: { key: template.key, name: template.name },
        update: { name: template.name },
      });
      const version = await tx.templateVersion.create({
        data: { templateId: row.id, version: template.version, hash, definition: template as object },
      });
      for (const [sectionPosition, section] of template.sections.entries()) {
        const sectionRow = await tx.section.create({
          data: { templateVersionId: version.id, key: section.key, title: section.title, groupTitle: section.group, position: sectionPosition },
        });
        await tx.question.createMany({
          data: section.questions.map((q, position) => ({ sectionId: sectionRow.id, key: q.key, type: q.type, position, definition: q as object })),
        });
      }
      return version.id;
    });
  } catch (error) {
    // Another process stored the same version at the same moment: use theirs.
    const again = await findVersion(db, template);
    if (again?.hash === hash) return again.id;
    throw error;
  }
}

function findVersion(db: Db, template: Template) {
  return db.templateVersion.findFirst({
    where: { version: template.version, template: { key: template.key } },
    select: { id: true, hash: true },
  });
}
