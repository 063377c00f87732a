/**
 * `GET /files/<id>?exp=...&sig=...`: serves a generated file to whoever holds a valid link.
 * The link is checked before the database is touched, so a forged link learns neither whether
 * the file exists nor whether the link would have expired. Nothing here logs the request
 * URL: it carries the signature, which is as good as the file.
 */
import type { FileStore } from "../files/file-store.js";
import { stripDiacritics } from "../domain/vn-text.js";
import type { HttpServer } from "./server.js";
import { DOWNLOAD_PATH, verifyDownload } from "./signed-links.js";

const STATUS = { bad_signature: 403, expired: 410 } as const;

export function registerDownloads(http: HttpServer, options: { store: FileStore; key: Buffer; now?: () => Date }): void {
  const now = options.now ?? (() => new Date());
  http.routePrefix("GET", DOWNLOAD_PATH, async (req, res) => {
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const fileId = (q < 0 ? url : url.slice(0, q)).slice(DOWNLOAD_PATH.length);
    const params = new URLSearchParams(q < 0 ? "" : url.slice(q + 1));
    const verdict = verifyDownload({ fileId, exp: params.get("exp") ?? "", sig: params.get("sig") ?? "", key: options.key, now: now() });
    if (verdict !== "ok") {
      res.writeHead(STATUS[verdict]).end();
      return;
    }
    const file = await options.store.open(fileId);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        "content-type": file.row.mimeType,
        "content-disposition": contentDisposition(file.row.fileName),
        "content-length": file.bytes.length,
        // The link is personal and short-lived: no shared cache may keep a copy.
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      })
      .end(file.bytes);
  });
}

/**
 * RFC 6266: `filename*` carries the Vietnamese name (RFC 5987 percent-encoded UTF-8); the plain
 * `filename` is an ASCII fallback for clients that ignore `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = stripDiacritics(fileName).replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
