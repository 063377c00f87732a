/**
 * Turns whatever Zalo delivered (a getUpdates result or a webhook body) into normalised updates.
 *
 * The platform sends one bare update per getUpdates call, webhooks arrive bare or wrapped as
 * `{ok:true,result:…}`, and SDKs also accept arrays and null (docs/zalo-bot-api.md §1.1, §1.3).
 * An item that does not validate is dropped, never thrown: one odd message must not stop the
 * poll loop or make a webhook answer 500 (which would only make Zalo resend it).
 */
import { rawUpdateSchema, type RawZaloMessage, type RawZaloUpdate, type ZaloUpdate } from "./api-types.js";

export type { ZaloUpdate };

/** Envelopes inside arrays inside envelopes are accepted; deeper nesting is not a Zalo shape. */
const MAX_NESTING = 3;

export function parseUpdates(body: unknown): ZaloUpdate[] {
  return candidates(body, 0).flatMap((item) => {
    const parsed = rawUpdateSchema.safeParse(item);
    return parsed.success ? [normalise(parsed.data)] : [];
  });
}

function candidates(body: unknown, depth: number): unknown[] {
  if (body === null || body === undefined || depth > MAX_NESTING) return [];
  if (Array.isArray(body)) return body.flatMap((item) => candidates(item, depth + 1));
  if (isEnvelope(body)) return body.ok === true ? candidates(body.result, depth + 1) : [];
  return [body];
}

/** An update has `event_name`/`message`; an envelope has a boolean `ok`. */
function isEnvelope(body: unknown): body is { ok: boolean; result?: unknown } {
  return typeof body === "object" && body !== null && typeof (body as { ok?: unknown }).ok === "boolean";
}

function normalise({ event_name, message: m }: RawZaloUpdate): ZaloUpdate {
  const photoUrl = m.photo_url ?? urlOf(m.photo) ?? (event_name?.includes("image") ? m.url : undefined);
  const quotedMessageId =
    m.quote_message_id ??
    m.reply_to_message_id ??
    m.reply_to_message?.message_id ??
    m.reply_to_message?.msg_id ??
    m.quote?.message_id ??
    m.quote?.msg_id;
  const mentionsBot = m.mentions_bot ?? m.is_mentioned;
  return {
    eventName: event_name ?? inferEventName(m, photoUrl),
    messageId: m.message_id,
    date: m.date ?? new Date(),
    chat: { id: m.chat.id, type: chatType(m) },
    from: {
      id: m.from.id,
      displayName: m.from.display_name ?? m.from.name ?? m.from.first_name ?? "",
      isBot: m.from.is_bot ?? false,
    },
    ...defined({ text: m.text, photoUrl, caption: m.caption, sticker: m.sticker, quotedMessageId, mentionsBot }),
  };
}

/** `PRIVATE`/`GROUP` in any case; when absent, a 1:1 chat is the one whose id equals the sender's. */
function chatType(m: RawZaloMessage): "private" | "group" {
  if (m.chat.chat_type !== undefined) return /group/i.test(m.chat.chat_type) ? "group" : "private";
  return m.chat.id === m.from.id ? "private" : "group";
}

/** Bodies without `event_name` still say what they carry. */
function inferEventName(m: RawZaloMessage, photoUrl: string | undefined): string {
  if (m.text !== undefined) return "message.text.received";
  if (photoUrl !== undefined) return "message.image.received";
  if (m.sticker !== undefined) return "message.sticker.received";
  return "message.unsupported.received";
}

/** `photo` as a URL, `{url}`/`{photo_url}`, or an array of those (the first that has one). */
function urlOf(photo: unknown): string | undefined {
  return Array.isArray(photo) ? photo.map(itemUrl).find((u) => u !== undefined) : itemUrl(photo);
}

function itemUrl(photo: unknown): string | undefined {
  if (typeof photo === "string") return photo || undefined;
  if (typeof photo === "object" && photo !== null && !Array.isArray(photo)) {
    const { url, photo_url } = photo as { url?: unknown; photo_url?: unknown };
    if (typeof url === "string" && url) return url;
    if (typeof photo_url === "string" && photo_url) return photo_url;
  }
  return undefined;
}

/** Absent, not undefined, so updates compare and serialise cleanly. */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
