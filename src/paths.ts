import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, for files shipped with the code (migrations, templates, locales). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
