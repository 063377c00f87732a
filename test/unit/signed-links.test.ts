/**
 * Signed download links: a link opens its own file until it expires, and no edit of any part
 * of it (file id, expiry, signature) is accepted.
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downloadKey } from "../../src/http/download-key.js";
import { signDownload, verifyDownload } from "../../src/http/signed-links.js";

const key = randomBytes(32);
const fileId = "q3Xo0vZkVb9uXl0m2aYd8w";
const now = new Date("2026-11-20T08:00:00Z");
const expiresAt = new Date("2026-11-21T08:00:00Z");

/** The parts of a link as the route reads them. */
function parts(link: string): { fileId: string; exp: string; sig: string } {
  const url = new URL(link);
  return {
    fileId: url.pathname.slice("/files/".length),
    exp: url.searchParams.get("exp") ?? "",
    sig: url.searchParams.get("sig") ?? "",
  };
}

const link = parts(signDownload({ fileId, expiresAt, key, baseUrl: "https://bot.example.vn" }));

describe("signed download links", () => {
  it("puts the file id, expiry in unix seconds and signature in the link", () => {
    const url = signDownload({ fileId, expiresAt, key, baseUrl: "https://bot.example.vn/" });
    expect(url).toMatch(new RegExp(`^https://bot\\.example\\.vn/files/${fileId}\\?exp=${expiresAt.getTime() / 1000}&sig=[A-Za-z0-9_-]{43}$`));
  });

  it("verifies a valid link", () => {
    expect(verifyDownload({ ...link, key, now })).toBe("ok");
  });

  it("reports an expired link, from the second of expiry on", () => {
    expect(verifyDownload({ ...link, key, now: new Date(expiresAt.getTime() - 1) })).toBe("ok");
    expect(verifyDownload({ ...link, key, now: expiresAt })).toBe("expired");
    expect(verifyDownload({ ...link, key, now: new Date("2027-01-01T00:00:00Z") })).toBe("expired");
  });

  it("refuses a changed signature, file id or expiry", () => {
    const flipped = (link.sig[0] === "A" ? "B" : "A") + link.sig.slice(1);
    expect(verifyDownload({ ...link, sig: flipped, key, now })).toBe("bad_signature");
    expect(verifyDownload({ ...link, fileId: "AAAAAAAAAAAAAAAAAAAAAA", key, now })).toBe("bad_signature");
    expect(verifyDownload({ ...link, exp: String(Number(link.exp) + 86_400), key, now })).toBe("bad_signature");
    expect(verifyDownload({ ...link, exp: `0${link.exp}`, key, now })).toBe("bad_signature");
  });

  it("refuses a truncated, extended or missing signature", () => {
    expect(verifyDownload({ ...link, sig: link.sig.slice(0, -1), key, now })).toBe("bad_signature");
    expect(verifyDownload({ ...link, sig: `${link.sig}A`, key, now })).toBe("bad_signature");
    expect(verifyDownload({ ...link, sig: "", key, now })).toBe("bad_signature");
  });

  it("refuses a link signed with another key", () => {
    expect(verifyDownload({ ...link, key: randomBytes(32), now })).toBe("bad_signature");
  });

  it("checks the signature before the expiry, so a forged expired link learns nothing", () => {
    const later = new Date("2027-01-01T00:00:00Z");
    expect(verifyDownload({ ...link, sig: link.sig.slice(1), key, now: later })).toBe("bad_signature");
  });

  it("refuses any single-character change to the signature", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: link.sig.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
        (index, replacement) => {
          fc.pre(replacement !== link.sig[index]);
          const sig = link.sig.slice(0, index) + replacement + link.sig.slice(index + 1);
          expect(verifyDownload({ ...link, sig, key, now })).toBe("bad_signature");
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses any change of the last signature character, whose spare bits base64url ignores", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (const c of alphabet) {
      if (c === link.sig.at(-1)) continue;
      expect(verifyDownload({ ...link, sig: link.sig.slice(0, -1) + c, key, now })).toBe("bad_signature");
    }
  });

  it("round-trips for any key, file id and expiry", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.uint8Array({ minLength: 1, maxLength: 32 }).map((b) => Buffer.from(b).toString("base64url")),
        fc.integer({ min: 1, max: 4_000_000_000 }),
        (keyBytes, id, expSeconds) => {
          const k = Buffer.from(keyBytes);
          const p = parts(signDownload({ fileId: id, expiresAt: new Date(expSeconds * 1000), key: k, baseUrl: "https://x.vn" }));
          expect(p.fileId).toBe(id);
          expect(verifyDownload({ ...p, key: k, now: new Date((expSeconds - 1) * 1000) })).toBe("ok");
          expect(verifyDownload({ ...p, key: k, now: new Date(expSeconds * 1000) })).toBe("expired");
        },
      ),
    );
  });
});

describe("download signing key", () => {
  const warnings: string[] = [];
  const log = { warn: (message: string) => void warnings.push(message) };

  it("derives the same 32-byte key from the same configured secret, so links survive a restart", () => {
    const secret = "s".repeat(32);
    expect(downloadKey(secret, log)).toHaveLength(32);
    expect(downloadKey(secret, log).equals(downloadKey(secret, log))).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("refuses a short secret without echoing it", () => {
    expect(() => downloadKey("too-short-secret", log)).toThrow(/DOWNLOAD_SIGNING_KEY.*32/);
    expect(() => downloadKey("too-short-secret", log)).not.toThrow(/too-short-secret/);
  });

  it("uses a random key and warns when no secret is configured", () => {
    expect(downloadKey(undefined, log).equals(downloadKey(undefined, log))).toBe(false);
    expect(warnings).toHaveLength(2);
  });
});
