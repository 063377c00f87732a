/**
 * Translates a Telegram update into the engine's plain Incoming. Nothing else: no decisions
 * about what the message means.
 */
import type { Update, User } from "grammy/types";
import type { Incoming } from "../../conversation/types.js";

function displayName(user: User): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ") || user.username || String(user.id);
}

/** `/cmd@OtherBot` in a group is meant for another bot. */
function isCommandForOtherBot(text: string, botUsername: string): boolean {
  const match = /^\/[^\s@]+@(\S+)/.exec(text);
  return match !== null && match[1]!.toLowerCase() !== botUsername.toLowerCase();
}

export function toIncoming(update: Update, bot: { id: number; username: string }): Incoming | undefined {
  const updateKey = String(update.update_id);
  if (update.callback_query) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (!chat || q.data === undefined) return undefined;
    return {
      channel: "telegram",
      updateKey,
      chat: { externalId: String(chat.id), kind: chat.type === "private" ? "private" : "group", title: "title" in chat ? chat.title : undefined },
      user: { externalId: String(q.from.id), displayName: displayName(q.from), username: q.from.username },
      choice: q.data,
    };
  }
  const message = update.message;
  if (!message?.from || message.from.is_bot) return undefined;
  const raw = message.text ?? message.caption ?? "";
  if (isCommandForOtherBot(raw, bot.username)) return undefined;
  const mention = `@${bot.username}`;
  const mentionsBot = raw.toLowerCase().includes(mention.toLowerCase()) && !raw.startsWith("/");
  const replied = message.reply_to_message;
  return {
    channel: "telegram",
    updateKey,
    chat: {
      externalId: String(message.chat.id),
      kind: message.chat.type === "private" ? "private" : "group",
      title: "title" in message.chat ? message.chat.title : undefined,
    },
    user: { externalId: String(message.from.id), displayName: displayName(message.from), username: message.from.username },
    messageId: String(message.message_id),
    // "@BaoCaoBot 28" answers 28.
    text: mentionsBot ? raw.replace(new RegExp(mention.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "ig"), "").trim() : raw,
    replyToBotMessageId: replied?.from?.id === bot.id ? String(replied.message_id) : undefined,
    mentionsBot,
  };
}
