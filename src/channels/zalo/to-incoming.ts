/**
 * Translates a Zalo Bot API update into the engine's Incoming. Zalo has no buttons, so a
 * chosen option arrives as the number typed, which the engine reads as text.
 */
import type { Incoming } from "../../conversation/types.js";
import type { ZaloUpdate } from "./api-types.js";

export function toIncoming(update: ZaloUpdate): Incoming | undefined {
  if (update.from.isBot) return undefined;
  return {
    channel: "zalo",
    // Zalo has no update id: the message id identifies a delivery (and its redeliveries).
    updateKey: update.messageId,
    chat: { externalId: update.chat.id, kind: update.chat.type },
    user: { externalId: update.from.id, displayName: update.from.displayName },
    messageId: update.messageId,
    // Stickers, photos and files carry no text: the engine answers them with an explanation.
    text: update.text ?? update.caption ?? "",
    replyToBotMessageId: update.quotedMessageId,
    mentionsBot: update.mentionsBot,
  };
}
