/**
 * Generated files (compiled reports) kept in a folder, one file per id, with a GeneratedFile
 * row each. The id is 128 random bits, so it cannot be guessed, and it names the file on disk
 * with the extension of its file name ("<id>.docx", so the folder opens in a file manager), which
 * is checked to be a few ascii letters or digits: no user text ever becomes part of a path.
 * Bytes are written before the row exists, so a row always points at a complete file. Files
 * stored before extensions were used lie under their bare id and are still found there.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import type { GeneratedFile } from "../generated/sqlite/client.js";
import type { Db } from "../store/database.js";

export type GeneratedFileRow = GeneratedFile;

export interface NewFile {
  unitId: number;
  periodId?: number;
  /** What the file is, e.g. "report"; versions are counted per unit, period and kind. */
  kind: string;
  /** Shown to the person downloading it, e.g. "Báo cáo tháng 11-2026.docx". */
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Exactly what randomBytes(16).toString("base64url") produces; anything else is not ours. */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const EXTENSION = /^\.[a-z0-9]{1,10}$/;

/** "<id>.docx" for "Báo cáo tháng 11.docx"; the bare id when the name has no plain extension. */
function diskName(id: string, fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return EXTENSION.test(ext) ? `${id}${ext}` : id;
}

export class FileStore {
  private readonly dir: string;
  private readonly db: Db;
  private readonly now: () => Date;

  constructor(options: { dir: string; db: Db; now?: () => Date }) {
    this.dir = options.dir;
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
  }

  /** Where a stored file lies on disk (for the terminal demo, which has no chat to send it to). */
  pathOf(file: { id: string; fileName: string }): string {
    return resolve(this.dir, diskName(file.id, file.fileName));
  }

  async save(file: NewFile): Promise<GeneratedFileRow> {
    const id = randomBytes(16).toString("base64url");
    const path = join(this.dir, diskName(id, file.fileName));
    await this.writeAtomically(path, file.bytes);
    const periodId = file.periodId ?? null;
    try {
      // No unique index backs the version, so two simultaneous saves of the same report could
      // share one; it orders versions for people, nothing relies on it being unique.
      return await this.db.$transaction(async (tx) => {
        const previous = await tx.generatedFile.aggregate({
          where: { unitId: file.unitId, periodId, kind: file.kind },
          _max: { version: true },
        });
        return tx.generatedFile.create({
          data: {
            id,
            unitId: file.unitId,
            periodId,
            kind: file.kind,
            version: (previous._max.version ?? 0) + 1,
            fileName: file.fileName,
            mimeType: file.mimeType,
            size: file.bytes.length,
            sha256: sha256(file.bytes),
            createdAt: this.now(),
          },
        });
      });
    } catch (err) {
      // A file without a row could never be served; do not leave it behind.
      await unlink(path).catch(() => undefined);
      throw err;
    }
  }

  /**
   * The row and bytes of a file, or undefined when there is no such row or file. Bytes that
   * no longer match their checksum throw: serving a damaged report would be worse than none.
   */
  async open(id: string): Promise<{ row: GeneratedFileRow; bytes: Buffer } | undefined> {
    if (!ID_PATTERN.test(id)) return undefined;
    const row = await this.db.generatedFile.findUnique({ where: { id } });
    if (!row) return undefined;
    const bytes = (await readIfPresent(join(this.dir, diskName(id, row.fileName)))) ?? (await readIfPresent(join(this.dir, id)));
    if (!bytes) return undefined;
    if (sha256(bytes) !== row.sha256) throw new Error(`generated file ${id} does not match its checksum`);
    return { row, bytes };
  }

  /** Temp file, fsync, rename: a crash leaves either the whole file or none under its id. */
  private async writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = `${path}.tmp`;
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (err) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    await handle.close();
    await rename(temp, path);
  }
}

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
