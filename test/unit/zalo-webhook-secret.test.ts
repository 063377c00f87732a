/** The webhook's two gates: the X-Bot-Api-Secret-Token check and the bounded JSON body. */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { BodyTooLargeError, InvalidBodyError, readJsonBody, verifyWebhookSecret } from "../../src/channels/zalo/webhook.js";

const SECRET = "mykey-abcxyz";

describe("verifyWebhookSecret", () => {
  it("accepts the right secret", () => {
    expect(verifyWebhookSecret(SECRET, SECRET)).toBe(true);
    expect(verifyWebhookSecret("bí mật dài hơn tám ký tự", "bí mật dài hơn tám ký tự")).toBe(true);
  });

  it("rejects a wrong secret of the same length", () => {
    expect(verifyWebhookSecret("mykey-abcxyZ", SECRET)).toBe(false);
  });

  it("rejects a different length: prefixes, extensions, empty", () => {
    expect(verifyWebhookSecret("mykey", SECRET)).toBe(false);
    expect(verifyWebhookSecret(`${SECRET}x`, SECRET)).toBe(false);
    expect(verifyWebhookSecret("", SECRET)).toBe(false);
  });

  it("rejects a missing header", () => {
    expect(verifyWebhookSecret(undefined, SECRET)).toBe(false);
  });

  it("never matches when no secret is configured", () => {
    expect(verifyWebhookSecret("", "")).toBe(false);
    expect(verifyWebhookSecret(undefined, "")).toBe(false);
  });
});

/** A request-like stream: readJsonBody only uses the stream and `headers`. */
function fakeRequest(chunks: (string | Buffer)[], headers: Record<string, string> = {}): IncomingMessage {
  return Object.assign(Readable.from(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c))), { headers }) as unknown as IncomingMessage;
}

describe("readJsonBody", () => {
  it("parses a JSON body that arrives in pieces, multi-byte characters split across them", async () => {
    const bytes = Buffer.from(JSON.stringify({ text: "Xin chào phường 7" }));
    const split = bytes.indexOf(Buffer.from("à")) + 1;
    await expect(readJsonBody(fakeRequest([bytes.subarray(0, split), bytes.subarray(split)]))).resolves.toEqual({ text: "Xin chào phường 7" });
  });

  it("accepts exactly maxBytes and tolerates a byte-order mark", async () => {
    await expect(readJsonBody(fakeRequest(['{"a":"12345"}']), 13)).resolves.toEqual({ a: "12345" });
    await expect(readJsonBody(fakeRequest(["\uFEFF[1,2]"]))).resolves.toEqual([1, 2]);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const err = await readJsonBody(fakeRequest(["{}"], { "content-length": String(2 * 1024 * 1024) })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect((err as BodyTooLargeError).maxBytes).toBe(1024 * 1024);
  });

  it("refuses a streamed body that grows past the limit (no or lying Content-Length)", async () => {
    const chunk = "x".repeat(64 * 1024);
    const chunks = Array.from({ length: 17 }, () => chunk); // 1 MiB + 64 KiB
    await expect(readJsonBody(fakeRequest(chunks))).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(readJsonBody(fakeRequest(['{"a":"0123456789"}'], { "content-length": "2" }), 10)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("rejects bodies that are not JSON, or empty, as InvalidBodyError", async () => {
    for (const body of ["", "   ", "{not json", '{"ok":true,"result":']) {
      await expect(readJsonBody(fakeRequest([body]))).rejects.toBeInstanceOf(InvalidBodyError);
    }
  });

  describe("on a real server", () => {
    const servers: { close(cb: () => void): void; closeAllConnections(): void }[] = [];
    afterEach(async () => {
      for (const s of servers.splice(0)) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      }
    });

    it("lets the caller answer 413 and 400 on the same connection", async () => {
      const server = createServer((req, res) => {
        readJsonBody(req, 100).then(
          (body) => res.writeHead(200).end(JSON.stringify(body)),
          (err: unknown) => res.writeHead(err instanceof BodyTooLargeError ? 413 : err instanceof InvalidBodyError ? 400 : 500).end(),
        );
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const post = async (body: string) => (await fetch(url, { method: "POST", body, headers: { connection: "close" } })).status;

      expect(await post('{"ok":1}')).toBe(200);
      expect(await post(JSON.stringify({ text: "x".repeat(500) }))).toBe(413);
      expect(await post("<html>")).toBe(400);
      // Chunked, so no Content-Length warns the server: the overflow is found while streaming.
      const chunked = new Blob([JSON.stringify({ text: "x".repeat(5000) })]).stream();
      const res = await fetch(url, { method: "POST", body: chunked, duplex: "half", headers: { connection: "close" } } as RequestInit);
      expect(res.status).toBe(413);
    });
  });
});
