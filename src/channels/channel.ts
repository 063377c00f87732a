/** A started channel (Telegram, Zalo), stopped on shutdown. */
export interface RunningChannel {
  stop(): Promise<void>;
}
