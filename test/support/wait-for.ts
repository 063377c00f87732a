/**
 * Shared by the fake servers: wait for the first recorded item (from index `after`) that
 * matches, woken by the server whenever it records something new.
 */
export interface Recording<T> {
  items: readonly T[];
  listeners: Set<() => void>;
  stopped(): boolean;
  /** The last few items, for a timeout message that shows what did arrive. */
  describeRecent(): string;
  name: string;
}

export function waitForRecorded<T>(rec: Recording<T>, predicate: (item: T) => boolean, opts: { timeoutMs?: number; after?: number } = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  let index = opts.after ?? 0;
  return new Promise((resolve, reject) => {
    const check = () => {
      for (; index < rec.items.length; index++) {
        const item = rec.items[index]!;
        if (predicate(item)) return finish(() => resolve(item));
      }
      if (rec.stopped()) finish(() => reject(new Error(`${rec.name} stopped while waiting for a message`)));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`waitFor: no matching message after ${timeoutMs} ms\n${rec.describeRecent()}`))), timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      rec.listeners.delete(check);
      settle();
    };
    rec.listeners.add(check);
    check();
  });
}
