/**
 * The connection pool of the bot's Bot API client.
 *
 * grammY's own agent keeps idle connections forever. A server that closes an idle connection
 * first (Node's default: after 5 s) races the bot's next request on it: the request fails with
 * ECONNRESET, and auto-retry waits 3 s before trying again, so the reply is late and, in
 * polling, the whole batch behind it waits. Measured on the interview benchmark: a burst of
 * 1,000 answers fell from ~50 to ~20 updates/s, a 3 s pause every 5 s.
 *
 * An agent with a `timeout` makes Node honour the server's `Keep-Alive: timeout=N` hint and
 * close an idle connection a second before the server would; without a hint, it closes it after
 * IDLE_MS. The timeout does not cut a request in progress (such as a 25 s long poll): Node only
 * destroys sockets that are idle in the pool.
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

const IDLE_MS = 30_000;

/** For grammY's `client.baseFetchConfig`: the agent for `apiRoot`'s scheme (https without one, as grammY's default root). */
export function keepAliveFetchConfig(apiRoot: string | undefined): { agent: HttpAgent } {
  const options = { keepAlive: true, timeout: IDLE_MS };
  return { agent: apiRoot?.startsWith("http:") ? new HttpAgent(options) : new HttpsAgent(options) };
}
