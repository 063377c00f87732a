/**
 * Runs tasks one after another per key (a chat) and concurrently across keys, so that an
 * officer's answers are handled in the order they were typed while other chats go on.
 */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<void>>();

  /** Queues `task` behind earlier tasks of the same key; errors go to `onError`, never to the caller. */
  push(key: string, task: () => Promise<void>, onError: (err: unknown) => void): Promise<void> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const next = previous.then(task).catch(onError);
    this.#tails.set(key, next);
    void next.then(() => {
      if (this.#tails.get(key) === next) this.#tails.delete(key);
    });
    return next;
  }

  /** Resolves when everything queued so far has finished. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all(this.#tails.values());
  }
}
