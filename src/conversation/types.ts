/**
 * What a channel adapter hands to the conversation engine and gets back. Plain data only:
 * the engine never sees grammY or Zalo types, so every channel runs the same conversation.
 */
export type ChannelName = "telegram" | "zalo" | "console";

export interface Incoming {
  channel: ChannelName;
  /** Unique per channel for one delivery of one user action; a repeat is processed once. */
  updateKey: string;
  chat: { externalId: string; kind: "private" | "group"; title?: string };
  user: { externalId: string; displayName: string; username?: string };
  /** The message id on the channel, so that a reply can be addressed to it. */
  messageId?: string;
  text?: string;
  /** Data of a pressed button (Telegram callback query); Zalo sends the number typed instead. */
  choice?: string;
  /** The bot message this one replies to, when it replies to the bot. */
  replyToBotMessageId?: string;
  /** The bot was @mentioned (matters in groups, where everything else is chatter). */
  mentionsBot?: boolean;
}

export interface OutgoingOption {
  label: string;
  /** Sent back as Incoming.choice when pressed. */
  data: string;
}

export interface Outgoing {
  text: string;
  /** Choices: buttons where the channel has them, numbered lines elsewhere. */
  options?: OutgoingOption[];
  /**
   * Conveniences (skip, keep, back) shown as buttons where the channel has them. Text-only
   * channels drop them: the message already says which words to type, and numbering them
   * would clash with numeric answers.
   */
  shortcuts?: OutgoingOption[];
  /** Reply to this channel message (in groups: the officer's own message). */
  replyToMessageId?: string;
  /**
   * In a group, ask the addressed officer's app to open a reply (Telegram's selective
   * ForceReply), so that privacy mode still delivers the answer to the bot.
   */
  forceReply?: boolean;
  /** This message asks a question: record its channel message id for matching replies. */
  prompt?: PromptRef;
  /** A stored file (GeneratedFile) to deliver: a document on Telegram, a signed link on Zalo. */
  file?: { id: string; fileName: string };
  /**
   * Names in `text` to turn into mentions of those users where the channel has them (Telegram);
   * elsewhere the plain names stay. Each is looked for after the previous one.
   */
  mentions?: { text: string; userId: string }[];
}

export interface PromptRef {
  chatId: number;
  memberId: number;
  questionId: number;
  periodId: number;
}

/** How a channel reports what it sent, so that prompts can be matched to replies later. */
export interface SentMessage {
  externalMessageId: string;
}
