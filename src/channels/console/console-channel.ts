/**
 * A chat in the terminal, driven by the same conversation engine as Telegram and Zalo, so
 * the bot can be tried with no account anywhere. Lines typed are messages from one demo
 * officer in a private chat; replies are printed with their options numbered.
 */
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ConversationEngine } from "../../conversation/engine.js";

export const CONSOLE_USER = { externalId: "console", displayName: "Cán bộ demo" };


export interface ConsoleChannel {
  /** Resolves when the input ends (Ctrl+D) or stop() is called. */
  closed: Promise<void>;
  stop(): void;
}

export function startConsole(engine: ConversationEngine, input: Readable, output: Writable, greeting: string): ConsoleChannel {
  const rl = createInterface({ input, output, terminal: false });
  output.write(`${greeting}\n> `);
  // One line at a time, in order, like a chat.
  let queue = Promise.resolve();
  rl.on("line", (line) => {
    queue = queue.then(async () => {
      const text = line.trim();
      if (text) {
        const replies = await engine.handle({
          channel: "console",
          updateKey: randomUUID(),
          chat: { externalId: "console", kind: "private" },
          user: CONSOLE_USER,
          text,
        });
        for (const out of replies) output.write(`\n${out.text}\n`);
      }
      output.write("> ");
    });
  });
  const closed = new Promise<void>((resolve) => rl.once("close", () => void queue.then(resolve)));
  return { closed, stop: () => rl.close() };
}
