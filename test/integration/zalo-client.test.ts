/** The real ZaloBotClient against FakeZalo over HTTP: every method, every failure the doc lists. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ZaloBotClient, type ZaloBotClientOptions } from "../../src/channels/zalo/client.js";
import { isPollTimeout, isRateLimited, isTransient, isUnauthorized, ZaloApiError } from "../../src/channels/zalo/errors.js";
import { parseUpdates } from "../../src/channels/zalo/update.js";
import { readJsonBody, verifyWebhookSecret, WEBHOOK_SECRET_HEADER } from "../../src/channels/zalo/webhook.js";
import { FakeZalo } from "../support/fake-zalo.js";

/** Everything a test starts is stopped afterwards, newest first, so vitest can exit. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function startFake(): Promise<FakeZalo> {
  const fake = await FakeZalo.start({ webhookRetryMs: 10 });
  cleanups.push(() => fake.stop());
  return fake;
}

/** A client whose retry waits are recorded instead of slept. */
function clientFor(fake: FakeZalo, options: Partial<ZaloBotClientOptions> = {}): { client: ZaloBotClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = new ZaloBotClient({
    token: fake.token,
    baseUrl: fake.baseUrl,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { client, sleeps };
}

const callsOf = (fake: FakeZalo, method: string) => fake.calls.filter((c) => c.method === method);

async function rejection(promise: Promise<unknown>): Promise<ZaloApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZaloApiError);
  return err as ZaloApiError;
}

/** A local webhook endpoint built from the module's own checks, recording what it accepted. */
async function startWebhook(secret: string, statuses: number[] = []): Promise<{ url: string; bodies: unknown[]; rejected: number }> {
  const state = { url: "", bodies: [] as unknown[], rejected: 0 };
  const server: Server = createServer((req, res) => {
    if (!verifyWebhookSecret(req.headers[WEBHOOK_SECRET_HEADER] as string | undefined, secret)) {
      state.rejected++;
      return void res.writeHead(401).end();
    }
    readJsonBody(req).then(
      (body) => {
        const status = statuses.shift() ?? 200;
        if (status === 200) state.bodies.push(body);
        res.writeHead(status).end();
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/hook`;
  return state;
}

describe("ZaloBotClient: methods", () => {
  it("getMe returns the bot, ids as strings", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    await expect(client.getMe()).resolves.toEqual({ id: fake.botId, account_name: fake.botName, account_type: "BASIC", can_join_groups: false });
  });

  it("sendMessage posts chat_id and text and returns Zalo's message id and date", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    const before = Date.now();
    const sent = await client.sendMessage("e4ea2cd5189df1c3a88c", "Câu 1/5: Số hộ dân?");
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(sent.date.getTime()).toBeGreaterThanOrEqual(before);
    const [record] = fake.sentTo("e4ea2cd5189df1c3a88c");
    expect(record).toMatchObject({ method: "sendMessage", text: "Câu 1/5: Số hộ dân?", message_id: sent.message_id });
    expect(record!.respondedAt).toBeGreaterThanOrEqual(record!.at);
  });

  it("sendPhoto, sendSticker and sendChatAction send what the doc lists", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    const photo = await client.sendPhoto("c1", "https://example.org/a.png", "Biểu đồ");
    await client.sendPhoto("c1", "https://example.org/b.png");
    const sticker = await client.sendSticker("c1", "0e078a2fb66a5f34067b");
    await expect(client.sendChatAction("c1")).resolves.toBeUndefined();
    expect(fake.sent.map((s) => [s.method, s.message_id])).toEqual([
      ["sendPhoto", photo.message_id],
      ["sendPhoto", expect.any(String)],
      ["sendSticker", sticker.message_id],
    ]);
    expect(fake.sent[0]).toMatchObject({ photo: "https://example.org/a.png", caption: "Biểu đồ" });
    expect(fake.sent[1]?.body).not.toHaveProperty("caption");
    expect(fake.sent[2]).toMatchObject({ sticker: "0e078a2fb66a5f34067b" });
    expect(callsOf(fake, "sendChatAction")[0]?.body).toEqual({ chat_id: "c1", action: "typing" });
  });

  it("rejects text over 2,000 UTF-16 units (and empty text) before sending", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    await expect(client.sendMessage("c1", "a".repeat(2001))).rejects.toThrow(/2001 UTF-16 units.*split/);
    await expect(client.sendMessage("c1", "😀".repeat(1001))).rejects.toThrow(RangeError); // 2,002 units
    await expect(client.sendMessage("c1", "")).rejects.toThrow(RangeError);
    await expect(client.sendPhoto("c1", "https://example.org/a.png", "a".repeat(2001))).rejects.toThrow(RangeError);
    expect(fake.calls).toEqual([]);
    await expect(client.sendMessage("c1", "ạ".repeat(2000))).resolves.toBeDefined();
  });

  it("getUpdates sends the timeout as a string and returns one normalised update per call", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    const first = fake.userSends({ chatId: "u1", from: { id: "u1", displayName: "Lan" }, text: "xin chào" });
    fake.userSends({ chatId: "u2", text: "hai" });
    const updates = await client.getUpdates(1);
    expect(updates).toEqual([
      {
        eventName: "message.text.received",
        messageId: first.message.message_id,
        date: new Date(first.message.date),
        chat: { id: "u1", type: "private" },
        from: { id: "u1", displayName: "Lan", isBot: false },
        text: "xin chào",
      },
    ]);
    expect(callsOf(fake, "getUpdates")[0]?.body).toEqual({ timeout: "1" });
    expect((await client.getUpdates(1)).map((u) => u.text)).toEqual(["hai"]);
  });

  it("getUpdates holds the poll until a user writes", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    const poll = client.getUpdates(5);
    await new Promise((r) => setTimeout(r, 100));
    fake.userSends({ chatId: "g1", chatType: "GROUP", from: { id: "u9", displayName: "Hùng" }, text: "@bot báo cáo", mentionsBot: true, quotedMessageId: "82599fa32f56d00e8941" });
    const started = performance.now();
    const [update] = await poll;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(update).toMatchObject({ chat: { id: "g1", type: "group" }, from: { id: "u9" }, mentionsBot: true, quotedMessageId: "82599fa32f56d00e8941" });
  });

  it("an idle poll (408) is an empty result, not an error, and is not retried", async () => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake);
    const started = performance.now();
    await expect(client.getUpdates(1)).resolves.toEqual([]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(callsOf(fake, "getUpdates")).toHaveLength(1);
    expect(callsOf(fake, "getUpdates")[0]?.httpStatus).toBe(408);
    expect(sleeps).toEqual([]);
  });

  it("getUpdates reads arrays, null and junk pushed raw, dropping what does not validate", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    const update = { event_name: "message.text.received", message: { message_id: 7, date: 1766619597, chat: { id: 1, chat_type: "PRIVATE" }, from: { id: 1, name: "A" }, text: "x" } };
    fake.pushRaw([update, { nonsense: true }]);
    fake.pushRaw(null);
    expect(await client.getUpdates(1)).toMatchObject([{ messageId: "7", date: new Date(1766619597000), from: { displayName: "A" } }]);
    await expect(client.getUpdates(1)).resolves.toEqual([]);
  });

  it("a signal ends a held poll at once, without retries", async () => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake);
    const abort = new AbortController();
    const poll = client.getUpdates(30, abort.signal);
    setTimeout(() => abort.abort(), 50);
    const started = performance.now();
    await expect(poll).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sleeps).toEqual([]);
  });
});

describe("ZaloBotClient: webhooks", () => {
  it("setWebhook, getWebhookInfo, deleteWebhook; polling is refused (400) while a webhook is set", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    await expect(client.getWebhookInfo()).resolves.toMatchObject({ url: "" });
    const set = await client.setWebhook("https://x.example/zalo", "mykey-abcxyz");
    expect(set).toMatchObject({ url: "https://x.example/zalo", updated_at: expect.any(Date) });
    expect(fake.webhook).toEqual({ url: "https://x.example/zalo", secret_token: "mykey-abcxyz" });
    await expect(client.getWebhookInfo()).resolves.toMatchObject({ url: "https://x.example/zalo" });

    const err = await rejection(client.getUpdates(1));
    expect(err).toMatchObject({ code: 400, kind: "api" });
    expect(callsOf(fake, "getUpdates")).toHaveLength(1);

    await expect(client.deleteWebhook()).resolves.toMatchObject({ url: "" });
    expect(fake.webhook).toBeUndefined();
  });

  it("setWebhook enforces https (loopback http allowed in the fake) and an 8–256-character secret", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    await expect(client.setWebhook("http://x.example/zalo", "mykey-abcxyz")).rejects.toMatchObject({ code: 400 });
    await expect(client.setWebhook("https://x.example/zalo", "short")).rejects.toMatchObject({ code: 400 });
    await expect(client.setWebhook("https://x.example/zalo", "x".repeat(257))).rejects.toMatchObject({ code: 400 });
    await expect(client.setWebhook("http://127.0.0.1:9/hook", "x".repeat(256))).resolves.toMatchObject({ url: "http://127.0.0.1:9/hook" });
  });

  it("delivers updates to the webhook with the secret header, bare or enveloped, and retries non-2xx answers", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    const hook = await startWebhook("mykey-abcxyz", [500]);
    fake.userSends({ chatId: "u1", text: "queued before the webhook" });
    await client.setWebhook(hook.url, "mykey-abcxyz");
    fake.userSends({ chatId: "u1", text: "wrapped", envelope: true });

    await expect.poll(() => hook.bodies.length).toBe(2);
    expect(hook.bodies.flatMap(parseUpdates).map((u) => u.text)).toEqual(["queued before the webhook", "wrapped"]);
    expect(hook.bodies[1]).toMatchObject({ ok: true, result: { event_name: "message.text.received" } });
    expect(fake.webhookDeliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 200],
      [1, 200],
    ]);

    expect(await fake.deliverTo(hook.url, { ok: true }, { secret: "wrong-secret" })).toBe(401);
    expect(await fake.deliverTo(hook.url, "{not json", { secret: "mykey-abcxyz" })).toBe(400);
    expect(hook.rejected).toBe(1);
  });
});

describe("ZaloBotClient: errors and retries", () => {
  it("401 from a wrong token is isUnauthorized and not retried", async () => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake, { token: "1459232241454765289:WrongTokenWrongTokenWrong" });
    const err = await rejection(client.getMe());
    expect(isUnauthorized(err)).toBe(true);
    expect(err).toMatchObject({ method: "getMe", code: 401, httpStatus: 401, kind: "api", description: "Unauthorized" });
    expect(callsOf(fake, "getMe")).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("401 in an HTTP 200 envelope is read from the body", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    fake.failNext("sendMessage", { error_code: 401, description: "Unauthorized", httpStatus: 200 });
    const err = await rejection(client.sendMessage("c1", "x"));
    expect(err).toMatchObject({ code: 401, httpStatus: 200 });
    expect(isUnauthorized(err)).toBe(true);
    expect(callsOf(fake, "sendMessage")).toHaveLength(1);
  });

  it.each([400, 404, 408])("%i is not retried", async (code) => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake);
    fake.failNext("sendMessage", { error_code: code, description: "nope" });
    await expect(client.sendMessage("c1", "x")).rejects.toMatchObject({ code });
    expect(callsOf(fake, "sendMessage")).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("429 with retry_after waits that long, then succeeds", async () => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake);
    fake.failNext("sendMessage", { error_code: 429, description: "quota exceeded", retry_after: 2 }, 2);
    await expect(client.sendMessage("c1", "nhắc hạn")).resolves.toMatchObject({ message_id: expect.any(String) });
    expect(callsOf(fake, "sendMessage").map((c) => c.httpStatus)).toEqual([429, 429, 200]);
    expect(sleeps).toEqual([2000, 2000]);
    expect(fake.sent).toHaveLength(1);
  });

  it("a retry_after longer than a minute is not waited out", async () => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake);
    fake.failNext("sendMessage", { error_code: 429, description: "quota exceeded", retry_after: 3600 });
    const err = await rejection(client.sendMessage("c1", "x"));
    expect(isRateLimited(err)).toBe(true);
    expect(err.retryAfterSec).toBe(3600);
    expect(sleeps).toEqual([]);
  });

  it("403 (Zalo's internal server error) and 5xx are retried with growing, jittered backoff", async () => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake);
    fake.failNext("getMe", { error_code: 403, description: "internal server error" }, 2);
    fake.failNext("getMe", { error_code: 502, description: "Bad Gateway", malformed: true });
    await expect(client.getMe()).resolves.toMatchObject({ id: fake.botId });
    expect(callsOf(fake, "getMe").map((c) => c.httpStatus)).toEqual([403, 403, 502, 200]);
    expect(sleeps).toHaveLength(3);
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(250 * 2 ** i);
      expect(ms).toBeLessThanOrEqual(500 * 2 ** i);
    });
  });

  it("gives up after `retries` retries with the last error", async () => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake, { retries: 2 });
    fake.failNext("sendMessage", { error_code: 503, description: "Service Unavailable" }, 5);
    const err = await rejection(client.sendMessage("c1", "x"));
    expect(err).toMatchObject({ code: 503 });
    expect(isTransient(err)).toBe(true);
    expect(callsOf(fake, "sendMessage")).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it("rides out a 429 storm", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake, { sleep: (ms) => new Promise((r) => setTimeout(r, ms / 10)) });
    fake.failWhile("sendMessage", (remainingMs) => ({ error_code: 429, description: "quota exceeded", retry_after: Math.ceil(remainingMs / 1000) }), 300);
    await expect(client.sendMessage("c1", "sau bão")).resolves.toBeDefined();
    expect(callsOf(fake, "sendMessage").at(-1)?.httpStatus).toBe(200);
    expect(callsOf(fake, "sendMessage").length).toBeGreaterThan(1);
  });

  it("a malformed 200 body is a ZaloApiError, not a crash, and is not retried", async () => {
    const fake = await startFake();
    const { client, sleeps } = clientFor(fake);
    fake.failNext("sendMessage", { error_code: 0, description: "", malformed: true, httpStatus: 200 });
    const err = await rejection(client.sendMessage("c1", "x"));
    expect(err).toMatchObject({ kind: "malformed", code: 200 });
    expect(err.description).toMatch(/not a Zalo envelope/);
    expect(isTransient(err)).toBe(false);
    expect(sleeps).toEqual([]);
  });

  it("a result of the wrong shape is a ZaloApiError naming the field", async () => {
    const fetchStub = (async () => new Response(JSON.stringify({ ok: true, result: { account_name: "x" } }))) as typeof fetch;
    const client = new ZaloBotClient({ token: "1:secret-secret", baseUrl: "http://127.0.0.1:9", fetch: fetchStub });
    const err = await rejection(client.getMe());
    expect(err).toMatchObject({ kind: "malformed" });
    expect(err.description).toMatch(/result\.id/);
  });

  it("getUpdates with a broken body is an error, not an empty poll", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake);
    fake.pushRaw('{"event_name":"message.text.rec');
    await expect(client.getUpdates(1)).rejects.toMatchObject({ kind: "malformed" });
  });

  it("times out a slow answer as a transient error, and a retry succeeds", async () => {
    const fake = await startFake();
    fake.delayNext("getMe", 1000);
    const once = clientFor(fake, { timeoutMs: 100, retries: 0 }).client;
    const err = await rejection(once.getMe());
    expect(err).toMatchObject({ kind: "timeout", code: 0 });
    expect(isTransient(err)).toBe(true);
    expect(isPollTimeout(err)).toBe(false);

    fake.delayNext("getMe", 1000);
    const retrying = clientFor(fake, { timeoutMs: 100, retries: 1 }).client;
    await expect(retrying.getMe()).resolves.toMatchObject({ id: fake.botId });
  });

  it("a refused connection is a transient network error, retried", async () => {
    const fake = await startFake();
    const baseUrl = fake.baseUrl;
    await fake.stop();
    const { client, sleeps } = clientFor(fake, { baseUrl, retries: 2 });
    const err = await rejection(client.getMe());
    expect(err).toMatchObject({ kind: "network", code: 0 });
    expect(err.description).toMatch(/ECONNREFUSED/);
    expect(sleeps).toHaveLength(2);
  });
});

describe("ZaloBotClient: the token never leaks", () => {
  const token = "1459232241454765289:Sup3rS3cretZaloB0tT0ken-abc_xyz";

  function assertClean(err: unknown): void {
    expect(err).toBeInstanceOf(ZaloApiError);
    const e = err as ZaloApiError;
    const secretHalf = token.split(":")[1]!;
    for (const text of [e.message, e.stack ?? "", e.description, JSON.stringify(e), String(e), JSON.stringify(Object.values(e))]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(secretHalf);
    }
  }

  it("not in API, network, timeout or malformed errors, nor in errors that quote the URL", async () => {
    const fake = await FakeZalo.start({ token });
    cleanups.push(() => fake.stop());
    const errors: unknown[] = [];
    const collect = (p: Promise<unknown>) => p.then(() => expect.fail("should have failed"), (e: unknown) => errors.push(e));
    const { client } = clientFor(fake, { retries: 0, timeoutMs: 100 });

    fake.failNext("getMe", { error_code: 401, description: `Unauthorized token ${token}` });
    await collect(client.getMe());
    fake.failNext("getMe", { error_code: 502, description: "", malformed: true });
    await collect(client.getMe());
    fake.failNext("getMe", { error_code: 0, description: "", malformed: true, httpStatus: 200 });
    await collect(client.getMe());
    fake.delayNext("getMe", 500);
    await collect(client.getMe());

    // Node's fetch names the URL in some errors ("Failed to parse URL from …").
    const echoing = clientFor(fake, {
      retries: 0,
      fetch: (async (url: string | URL | Request) => {
        throw new TypeError(`Failed to parse URL from ${String(url)}`, { cause: new Error(`bad path ${encodeURIComponent(String(url))}`) });
      }) as typeof fetch,
    }).client;
    await collect(echoing.getMe());
    // A proxy that echoes the request path in its error page.
    const proxy = clientFor(fake, {
      retries: 0,
      fetch: (async (url: string | URL | Request) => new Response(`<h1>502</h1> upstream failed for ${String(url)}`, { status: 502 })) as typeof fetch,
    }).client;
    await collect(proxy.getMe());

    const baseUrl = fake.baseUrl;
    await fake.stop();
    await collect(clientFor(fake, { baseUrl, retries: 0 }).client.getMe());

    expect(errors).toHaveLength(7);
    errors.forEach(assertClean);
    expect((errors[4] as ZaloApiError).message).toContain("<redacted>");
  });

  it("not when the client itself is logged or serialised", () => {
    const client = new ZaloBotClient({ token, baseUrl: "https://bot-api.zaloplatforms.com" });
    expect(JSON.stringify(client)).not.toContain(token);
    expect(Object.values(client).join(" ")).not.toContain(token);
  });
});

describe("ZaloBotClient: base URL", () => {
  it("strips trailing slashes and keeps a path prefix", () => {
    expect(new ZaloBotClient({ token: "1:x", baseUrl: "http://127.0.0.1:8080///" }).baseUrl).toBe("http://127.0.0.1:8080");
    expect(new ZaloBotClient({ token: "1:x", baseUrl: "https://proxy.example/zalo/" }).baseUrl).toBe("https://proxy.example/zalo");
  });

  it("defaults to ZALO_BOT_API_BASE, then the platform", () => {
    const saved = process.env.ZALO_BOT_API_BASE;
    try {
      process.env.ZALO_BOT_API_BASE = "http://127.0.0.1:1234/";
      expect(new ZaloBotClient({ token: "1:x" }).baseUrl).toBe("http://127.0.0.1:1234");
      delete process.env.ZALO_BOT_API_BASE;
      expect(new ZaloBotClient({ token: "1:x" }).baseUrl).toBe("https://bot-api.zaloplatforms.com");
    } finally {
      if (saved === undefined) delete process.env.ZALO_BOT_API_BASE;
      else process.env.ZALO_BOT_API_BASE = saved;
    }
  });

  it("rejects a query string, a fragment, other schemes and a token that cannot go in a path", () => {
    expect(() => new ZaloBotClient({ token: "1:x", baseUrl: "https://a.example/?k=v" })).toThrow(/query string or fragment/);
    expect(() => new ZaloBotClient({ token: "1:x", baseUrl: "https://a.example/#x" })).toThrow(/query string or fragment/);
    expect(() => new ZaloBotClient({ token: "1:x", baseUrl: "ftp://a.example" })).toThrow(/http/);
    expect(() => new ZaloBotClient({ token: "1:x", baseUrl: "not a url" })).toThrow(/not a valid URL/);
    expect(() => new ZaloBotClient({ token: "", baseUrl: "https://a.example" })).toThrow(/token/);
    expect(() => new ZaloBotClient({ token: "1:a/b", baseUrl: "https://a.example" })).toThrow(/token/);
  });
});

describe("FakeZalo control routes", () => {
  it("inbound, fail and sent work over plain HTTP", async () => {
    const fake = await startFake();
    const { client } = clientFor(fake, { retries: 0 });
    const post = (path: string, body: unknown) => fetch(`${fake.baseUrl}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

    const inbound = (await (await post("/__test/inbound", { chatId: "u5", text: "/start" })).json()) as { result: { message: { text: string } } };
    expect(inbound.result.message.text).toBe("/start");
    expect((await client.getUpdates(1)).map((u) => u.text)).toEqual(["/start"]);

    expect((await post("/__test/fail", { method: "sendMessage", error_code: 429, retry_after: 1 })).status).toBe(200);
    await expect(client.sendMessage("u5", "x")).rejects.toMatchObject({ code: 429, retryAfterSec: 1 });
    await client.sendMessage("u5", "chào");

    const sent = (await (await fetch(`${fake.baseUrl}/__test/sent`)).json()) as { result: { text: string }[] };
    expect(sent.result.map((s) => s.text)).toEqual(["chào"]);
    expect((await post("/__test/inbound", { text: 1 })).status).toBe(400);
  });
});
