/**
 * A command line that does not fit the command's syntax (unknown command or option, missing
 * argument, a period written the wrong way). It is an AdminError so it prints the same way,
 * but the command line exits with 2 for it, as shells expect of a usage error.
 */
import { AdminError } from "../admin/admin-error.js";

export class UsageError extends AdminError {
  override name = "UsageError";
}
