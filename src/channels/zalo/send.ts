/**
 * Sends Outgoing messages as Zalo text: at most 2,000 characters each, split at blank lines
 * or line ends. Options are already numbered in the text; shortcut buttons do not exist on
 * Zalo and are dropped (the text says which words to type).
 */
import { splitText } from "../../conversation/split-text.js";
import type { Outgoing } from "../../conversation/types.js";
import { ZALO_TEXT_LIMIT, type ZaloBotClient } from "./client.js";

/** How a file is offered where files cannot be sent: a line with a signed, expiring link. */
export type LinkFor = (file: { id: string; fileName: string }) => string;

/** Returns the message id of the last part (the one carrying the question). */
export async function sendOutgoing(client: ZaloBotClient, chatId: string, out: Outgoing, linkFor?: LinkFor): Promise<string> {
  const text = out.file && linkFor ? `${out.text}\n${linkFor(out.file)}` : out.text;
  let lastId = "";
  for (const part of splitText(text, ZALO_TEXT_LIMIT)) {
    lastId = (await client.sendMessage(chatId, part)).message_id;
  }
  return lastId;
}
