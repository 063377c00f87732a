/**
 * Wire shapes of the Zalo Bot Platform API (docs/zalo-bot-api.md §1.2, §1.3, §5) as zod schemas.
 *
 * The platform is young and its samples disagree, so the schemas are tolerant exactly where the
 * doc says they must be (ids as strings or numbers, dates in ms or seconds, several name fields)
 * and allow extra fields everywhere: a new field from Zalo must never break the bot. Method
 * results keep Zalo's field names with ids as strings and dates as `Date`; updates are
 * normalised further into `ZaloUpdate` (update.ts), whose type lives here with the other shapes.
 */
import { z } from "zod";

/** Ids are opaque hex strings; some SDK samples show numbers. Always strings here. */
export const zaloId = z.union([z.string().min(1), z.number()]).transform(String);

/**
 * Zalo sends milliseconds; OpenClaw also accepts seconds. A value below 1e12 would be a date in
 * 2001 if read as ms, so it must be seconds. Numeric strings are accepted too.
 */
export const zaloDate = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)])
  .transform((n) => new Date(n < 1e12 ? n * 1000 : n))
  .pipe(z.date());

/** An optional field whose wrong type drops the field, not the whole object. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const text = lenient(z.string());

// ---------------------------------------------------------------- envelope

/** retry_after in seconds; Telegram-style clients put it under `parameters`. */
const retryAfter = lenient(z.number().nonnegative());

/** `{ok, result}` or `{ok:false, error_code, description}`; `ok` is optional so a bare error still reads as one. */
export const envelopeSchema = z.looseObject({
  ok: lenient(z.boolean()),
  result: z.unknown().optional(),
  error_code: lenient(z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)])),
  description: text,
  retry_after: retryAfter,
  parameters: lenient(z.looseObject({ retry_after: retryAfter })),
});

// ---------------------------------------------------------------- method results

/** getMe. Some SDKs return `name` instead of `account_name`; both end up in `account_name`. */
export const botInfoSchema = z
  .looseObject({
    id: zaloId,
    account_name: text,
    name: text,
    account_type: text,
    can_join_groups: lenient(z.boolean()),
  })
  .transform(({ name, ...r }) => ({
    ...r,
    account_name: r.account_name ?? name ?? "",
    account_type: r.account_type ?? "",
    can_join_groups: r.can_join_groups ?? false,
  }));
export type ZaloBotInfo = z.output<typeof botInfoSchema>;

const webhookFields = { url: lenient(z.string().nullable()), updated_at: lenient(zaloDate) };

/** getWebhookInfo / deleteWebhook. An empty, missing or null `url` (or a null result) means no webhook: `url` is then "". */
export const webhookInfoSchema = z
  .looseObject(webhookFields)
  .nullish()
  .transform((r) => ({ ...r, url: r?.url ?? "", updated_at: r?.updated_at }));
export type ZaloWebhookInfo = z.output<typeof webhookInfoSchema>;

/** Newer docs: setWebhook reports the platform's test ping of the URL (`outcome` e.g. "webhook.ok", "webhook.err.blocked"). */
const verificationSchema = z.looseObject({
  ok: z.boolean(),
  status_code: lenient(z.number()),
  outcome: text,
  latency_ms: lenient(z.number()),
  hint: text,
});

/** setWebhook: the webhook info plus, in newer docs, `verification`. */
export const setWebhookResultSchema = z
  .looseObject({ ...webhookFields, verification: lenient(verificationSchema) })
  .transform((r) => ({ ...r, url: r.url ?? "" }));
export type ZaloSetWebhookResult = z.output<typeof setWebhookResultSchema>;

/** sendMessage, sendPhoto, sendSticker. A missing date is read as "now" rather than failing a send that worked. */
export const sentMessageSchema = z
  .looseObject({ message_id: zaloId, date: lenient(zaloDate) })
  .transform((r) => ({ ...r, date: r.date ?? new Date() }));
export type ZaloSentMessage = z.output<typeof sentMessageSchema>;

/** getUpdates: one update, an array or null; parseUpdates validates item by item and drops the rest. */
export const getUpdatesResultSchema = z.unknown();

/** sendChatAction answers `{"ok":true}` without a result; anything there is ignored. */
export const chatActionResultSchema = z.unknown();

// ---------------------------------------------------------------- updates

const rawUserSchema = z.looseObject({
  id: zaloId,
  display_name: text,
  name: text,
  first_name: text,
  is_bot: lenient(z.boolean()),
});

const rawChatSchema = z.looseObject({ id: zaloId, chat_type: text });

/** `{message_id}` or `{msg_id}` (the OA API's spelling). */
const messageRef = lenient(z.looseObject({ message_id: lenient(zaloId), msg_id: lenient(zaloId) }));

/**
 * One message as Zalo sends it. Content fields are lenient: a message with an odd `photo` still
 * carries a usable sender and chat. The quote and mention fields are guesses (no SDK documents
 * them; see update.ts).
 */
export const rawMessageSchema = z.looseObject({
  message_id: zaloId,
  date: lenient(zaloDate),
  chat: rawChatSchema,
  from: rawUserSchema,
  message_type: text,
  text,
  caption: text,
  sticker: text,
  photo_url: text,
  /** A URL string, an object with `url`, or an array of either (OpenClaw accepts all three). */
  photo: z.unknown().optional(),
  /** The sticker image for sticker events; some senders use it for images too. */
  url: text,
  quote_message_id: lenient(zaloId),
  reply_to_message_id: lenient(zaloId),
  reply_to_message: messageRef,
  quote: messageRef,
  mentions_bot: lenient(z.boolean()),
  is_mentioned: lenient(z.boolean()),
});
export type RawZaloMessage = z.output<typeof rawMessageSchema>;

export const rawUpdateSchema = z.looseObject({ event_name: text, message: rawMessageSchema });
export type RawZaloUpdate = z.output<typeof rawUpdateSchema>;

/** An update as the bot sees it, whatever shape and spelling Zalo used (built by parseUpdates). */
export interface ZaloUpdate {
  /** e.g. "message.text.received", "message.image.received", "message.sticker.received". */
  eventName: string;
  messageId: string;
  date: Date;
  chat: { id: string; type: "private" | "group" };
  from: { id: string; displayName: string; isBot: boolean };
  text?: string;
  photoUrl?: string;
  caption?: string;
  sticker?: string;
  /** The message this one quotes, when the update says so (group events arrive only as quotes or mentions). */
  quotedMessageId?: string;
  /** Present only when the update says whether the bot was @mentioned. */
  mentionsBot?: boolean;
}
