/**
 * Sends the engine's Outgoing messages through the Bot API: options as inline buttons,
 * a selective ForceReply in groups, long texts split at Telegram's limit.
 */
import { InputFile, type Api, type RawApi } from "grammy";
import type { InlineKeyboardButton, MessageEntity } from "grammy/types";
import { splitText } from "../../conversation/split-text.js";
import type { Outgoing, OutgoingOption } from "../../conversation/types.js";
import type { FileStore } from "../../files/file-store.js";

export const TELEGRAM_TEXT_LIMIT = 4096;

function keyboard(options: OutgoingOption[] | undefined, shortcuts: OutgoingOption[] | undefined): InlineKeyboardButton[][] | undefined {
  const rows: InlineKeyboardButton[][] = [];
  // Short labels two to a row (Có / Không), long ones one per row so they stay readable on a phone.
  const button = (o: OutgoingOption): InlineKeyboardButton => ({ text: o.label, callback_data: o.data });
  const list = options ?? [];
  const short = list.every((o) => o.label.length <= 14);
  for (let i = 0; i < list.length; i += short ? 2 : 1) rows.push(list.slice(i, i + (short ? 2 : 1)).map(button));
  if (shortcuts?.length) rows.push(shortcuts.map(button));
  return rows.length ? rows : undefined;
}

/** Sends one Outgoing; returns the id of the last message sent (the one carrying the buttons). */
export async function sendOutgoing(api: Api<RawApi>, chatId: string, out: Outgoing, files?: FileStore): Promise<string> {
  if (out.file && files) {
    const stored = await files.open(out.file.id);
    if (stored) {
      const sent = await api.sendDocument(chatId, new InputFile(stored.bytes, out.file.fileName), {
        caption: out.text,
        reply_parameters: out.replyToMessageId ? { message_id: Number(out.replyToMessageId), allow_sending_without_reply: true } : undefined,
      });
      return String(sent.message_id);
    }
  }
  const chunks = splitText(out.text, TELEGRAM_TEXT_LIMIT);
  const inline = keyboard(out.options, out.shortcuts);
  // Offsets would not survive splitting; a split message keeps the plain names.
  const entities = chunks.length === 1 ? mentionEntities(out) : undefined;
  let lastId = "";
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    const reply_markup = !last ? undefined : inline ? { inline_keyboard: inline } : out.forceReply ? { force_reply: true as const, selective: true } : undefined;
    const sent = await api.sendMessage(chatId, chunk, {
      reply_markup,
      reply_parameters: i === 0 && out.replyToMessageId ? { message_id: Number(out.replyToMessageId), allow_sending_without_reply: true } : undefined,
      link_preview_options: { is_disabled: true },
      entities,
    });
    lastId = String(sent.message_id);
  }
  return lastId;
}

/** Telegram counts offsets in UTF-16 code units, as JavaScript strings do. */
function mentionEntities(out: Outgoing): MessageEntity[] | undefined {
  if (!out.mentions?.length) return undefined;
  const entities: MessageEntity[] = [];
  let from = 0;
  for (const m of out.mentions) {
    const offset = out.text.indexOf(m.text, from);
    if (offset < 0 || !/^\d+$/.test(m.userId)) continue;
    entities.push({ type: "text_mention", offset, length: m.text.length, user: { id: Number(m.userId), is_bot: false, first_name: m.text } });
    from = offset + m.text.length;
  }
  return entities.length ? entities : undefined;
}
