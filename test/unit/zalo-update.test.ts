/** parseUpdates over every shape docs/zalo-bot-api.md §1.3 and §5 mention, and over random JSON. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUpdates } from "../../src/channels/zalo/update.js";

/** The doc's example update, verbatim. */
const docUpdate = {
  event_name: "message.text.received",
  message: {
    message_id: "16f6366b3f02645a3d15",
    date: 1766619597466,
    chat: { id: "e4ea2cd5189df1c3a88c", chat_type: "PRIVATE" },
    from: { id: "e4ea2cd5189df1c3a88c", display_name: "Nguyen Van A", is_bot: false },
    text: "Xin chào",
  },
};

const expected = {
  eventName: "message.text.received",
  messageId: "16f6366b3f02645a3d15",
  date: new Date(1766619597466),
  chat: { id: "e4ea2cd5189df1c3a88c", type: "private" },
  from: { id: "e4ea2cd5189df1c3a88c", displayName: "Nguyen Van A", isBot: false },
  text: "Xin chào",
};

/** The doc's update with message fields replaced or removed (undefined). */
function withMessage(patch: Record<string, unknown>): unknown {
  const message: Record<string, unknown> = { ...docUpdate.message, ...patch };
  for (const key of Object.keys(patch)) if (patch[key] === undefined) delete message[key];
  return { ...docUpdate, message };
}

describe("parseUpdates: envelopes", () => {
  it("reads a bare update (the webhook's first form)", () => {
    expect(parseUpdates(docUpdate)).toEqual([expected]);
  });

  it("reads {ok:true,result:update} (getUpdates, and the webhook's second form)", () => {
    expect(parseUpdates({ ok: true, result: docUpdate })).toEqual([expected]);
  });

  it("reads arrays, bare or in an envelope, keeping the order", () => {
    const second = withMessage({ message_id: "aa", text: "hai" });
    expect(parseUpdates([docUpdate, second]).map((u) => u.text)).toEqual(["Xin chào", "hai"]);
    expect(parseUpdates({ ok: true, result: [docUpdate, second] }).map((u) => u.messageId)).toEqual(["16f6366b3f02645a3d15", "aa"]);
  });

  it("gives [] for null, undefined, an empty array, {ok:true} without result and error envelopes", () => {
    for (const body of [null, undefined, [], { ok: true }, { ok: true, result: null }, { ok: false, error_code: 408, description: "Request timeout" }]) {
      expect(parseUpdates(body)).toEqual([]);
    }
  });

  it("drops items that do not validate and keeps the rest", () => {
    const body = [docUpdate, { event_name: "message.text.received" }, 42, "x", withMessage({ chat: undefined }), withMessage({ message_id: "" })];
    expect(parseUpdates(body)).toEqual([expected]);
  });

  it("keeps duplicates (deduplicating on messageId is the caller's job)", () => {
    expect(parseUpdates([docUpdate, docUpdate])).toHaveLength(2);
  });

  it("allows extra fields anywhere", () => {
    const body = { ok: true, result: { ...docUpdate, extra: 1, message: { ...docUpdate.message, message_type: "CHAT_TEXT", avatar: "x", chat: { ...docUpdate.message.chat, foo: [] } } } };
    expect(parseUpdates(body)).toEqual([expected]);
  });
});

describe("parseUpdates: fields", () => {
  it.each([
    ["display_name", { display_name: "Trần Thị B" }],
    ["name", { name: "Trần Thị B" }],
    ["first_name", { first_name: "Trần Thị B" }],
  ])("takes the sender's name from %s", (_, from) => {
    const [u] = parseUpdates(withMessage({ from: { id: "u1", ...from } }));
    expect(u?.from).toEqual({ id: "u1", displayName: "Trần Thị B", isBot: false });
  });

  it("prefers display_name, then name, then first_name; none gives an empty name", () => {
    expect(parseUpdates(withMessage({ from: { id: "u1", first_name: "C", name: "B", display_name: "A" } }))[0]?.from.displayName).toBe("A");
    expect(parseUpdates(withMessage({ from: { id: "u1", first_name: "C", name: "B" } }))[0]?.from.displayName).toBe("B");
    expect(parseUpdates(withMessage({ from: { id: "u1" } }))[0]?.from.displayName).toBe("");
  });

  it.each([
    ["milliseconds", 1766619597466, 1766619597466],
    ["seconds", 1766619597, 1766619597000],
    ["a numeric string in ms", "1766619597466", 1766619597466],
    ["a numeric string in seconds", "1766619597", 1766619597000],
  ])("reads a date in %s", (_, date, ms) => {
    expect(parseUpdates(withMessage({ date }))[0]?.date.getTime()).toBe(ms);
  });

  it("uses the receive time when the date is missing or unreadable", () => {
    const before = Date.now();
    for (const date of [undefined, "yesterday", 1e20, null]) {
      const u = parseUpdates(withMessage({ date }))[0];
      expect(u?.date.getTime()).toBeGreaterThanOrEqual(before);
      expect(u?.date.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it("turns numeric ids into strings", () => {
    const [u] = parseUpdates(withMessage({ message_id: 123, chat: { id: 456, chat_type: "PRIVATE" }, from: { id: 456, display_name: "A" } }));
    expect(u).toMatchObject({ messageId: "123", chat: { id: "456" }, from: { id: "456" } });
  });

  it("reads chat_type in any case, and infers it when absent (1:1 chat id equals the sender's)", () => {
    const type = (chat: object, fromId = "u1") => parseUpdates(withMessage({ chat, from: { id: fromId, display_name: "A" } }))[0]?.chat.type;
    expect(type({ id: "g1", chat_type: "GROUP" })).toBe("group");
    expect(type({ id: "g1", chat_type: "group" })).toBe("group");
    expect(type({ id: "u1", chat_type: "PRIVATE" })).toBe("private");
    expect(type({ id: "u1" })).toBe("private");
    expect(type({ id: "g1" })).toBe("group");
  });

  it("reads is_bot", () => {
    expect(parseUpdates(withMessage({ from: { id: "b", display_name: "Bot", is_bot: true } }))[0]?.from.isBot).toBe(true);
  });

  it.each([
    ["photo_url", { photo_url: "https://x/a.jpg" }],
    ["photo as a string", { photo: "https://x/a.jpg" }],
    ["photo as an object", { photo: { url: "https://x/a.jpg" } }],
    ["photo as an array", { photo: [{ width: 1 }, { url: "https://x/a.jpg" }] }],
    ["url on an image event", { url: "https://x/a.jpg" }],
  ])("reads an image from %s, with its caption", (_, fields) => {
    const [u] = parseUpdates({ event_name: "message.image.received", message: { ...docUpdate.message, text: undefined, caption: "Biên bản", ...fields } });
    expect(u).toMatchObject({ eventName: "message.image.received", photoUrl: "https://x/a.jpg", caption: "Biên bản" });
    expect(u).not.toHaveProperty("text");
  });

  it("reads a sticker (its url is not a photo)", () => {
    const [u] = parseUpdates({ event_name: "message.sticker.received", message: { ...docUpdate.message, text: undefined, sticker: "0e078a2fb66a5f34067b", url: "https://x/s.png" } });
    expect(u).toMatchObject({ eventName: "message.sticker.received", sticker: "0e078a2fb66a5f34067b" });
    expect(u).not.toHaveProperty("photoUrl");
  });

  it("keeps unsupported events (files, videos) with what they carry", () => {
    const [u] = parseUpdates({ event_name: "message.unsupported.received", message: { ...docUpdate.message, text: undefined } });
    expect(u).toMatchObject({ eventName: "message.unsupported.received", messageId: "16f6366b3f02645a3d15" });
  });

  it("infers the event name when it is missing", () => {
    const { event_name: _, ...bare } = docUpdate;
    expect(parseUpdates(bare)[0]?.eventName).toBe("message.text.received");
    expect(parseUpdates({ message: { ...docUpdate.message, text: undefined, photo_url: "https://x/a.jpg" } })[0]?.eventName).toBe("message.image.received");
    expect(parseUpdates({ message: { ...docUpdate.message, text: undefined, sticker: "s" } })[0]?.eventName).toBe("message.sticker.received");
    expect(parseUpdates({ message: { ...docUpdate.message, text: undefined } })[0]?.eventName).toBe("message.unsupported.received");
  });

  it("drops a content field of the wrong type but keeps the message", () => {
    const [u] = parseUpdates(withMessage({ text: 42, caption: { a: 1 } }));
    expect(u).toMatchObject({ messageId: "16f6366b3f02645a3d15" });
    expect(u).not.toHaveProperty("text");
  });

  it.each([
    ["quote_message_id", { quote_message_id: "82599fa32f56d00e8941" }],
    ["reply_to_message_id", { reply_to_message_id: "82599fa32f56d00e8941" }],
    ["reply_to_message.message_id", { reply_to_message: { message_id: "82599fa32f56d00e8941", text: "Câu 1/5" } }],
    ["quote.msg_id", { quote: { msg_id: "82599fa32f56d00e8941" } }],
  ])("reads the quoted message from %s", (_, fields) => {
    expect(parseUpdates(withMessage(fields))[0]?.quotedMessageId).toBe("82599fa32f56d00e8941");
  });

  it("reads an explicit mention flag, and leaves quote and mention absent when the update says nothing", () => {
    expect(parseUpdates(withMessage({ mentions_bot: true }))[0]?.mentionsBot).toBe(true);
    expect(parseUpdates(withMessage({ is_mentioned: false }))[0]?.mentionsBot).toBe(false);
    const [plain] = parseUpdates(docUpdate);
    expect(plain).not.toHaveProperty("mentionsBot");
    expect(plain).not.toHaveProperty("quotedMessageId");
  });
});

describe("parseUpdates: fuzzed", () => {
  it("never throws on random JSON and always returns an array", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        expect(Array.isArray(parseUpdates(body))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on random values, envelopes included", () => {
    const anything = fc.anything({ withNullPrototype: true, withObjectString: true });
    fc.assert(
      fc.property(fc.oneof(anything, anything.map((result) => ({ ok: true, result }))), (body) => {
        expect(Array.isArray(parseUpdates(body))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("normalises every update-like object it accepts", () => {
    const id = fc.oneof(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 1, maxLength: 20 }), fc.nat());
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const update = fc.record({
      event_name: maybe(fc.constantFrom("message.text.received", "message.image.received", "message.sticker.received", "x")),
      message: fc.record({
        message_id: id,
        date: maybe(fc.oneof(fc.integer({ min: 0, max: 2e12 }), fc.string())),
        chat: fc.record({ id, chat_type: maybe(fc.constantFrom("PRIVATE", "GROUP", "odd")) }),
        from: fc.record({ id, display_name: maybe(fc.string()), name: maybe(fc.string()), is_bot: maybe(fc.boolean()) }),
        text: maybe(fc.oneof(fc.string(), fc.integer())),
        photo: maybe(fc.jsonValue()),
        quote: maybe(fc.jsonValue()),
      }),
    });
    fc.assert(
      fc.property(update, fc.boolean(), (raw, wrap) => {
        const [u, ...rest] = parseUpdates(wrap ? { ok: true, result: raw } : raw);
        expect(rest).toEqual([]);
        expect(u).toBeDefined();
        expect(typeof u!.messageId).toBe("string");
        expect(Number.isNaN(u!.date.getTime())).toBe(false);
        expect(["private", "group"]).toContain(u!.chat.type);
        expect(typeof u!.from.displayName).toBe("string");
        expect(typeof u!.eventName).toBe("string");
        for (const key of ["text", "photoUrl", "caption", "sticker", "quotedMessageId"] as const) {
          if (key in u!) expect(typeof u![key]).toBe("string");
        }
      }),
      { numRuns: 1000 },
    );
  });
});
