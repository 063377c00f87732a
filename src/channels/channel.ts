import type { Outgoing } from "../conversation/types.js";

/** A started channel (Telegram, Zalo), stopped on shutdown. */
export interface RunningChannel {
  stop(): Promise<void>;
}

/** Sends one message to a chat of a channel; each running channel registers one in Core.senders. */
export type Sender = (chatExternalId: string, out: Outgoing) => Promise<void>;
