/**
 * The bot's HTTP connections to the Bot API: an idle one is closed by the bot before the
 * server's keep-alive timeout, so the bot never sends a request on a connection the server is
 * closing (that fails with ECONNRESET, and grammY's auto-retry then waits 3 s). The real app
 * (grammY bot, engine, SQLite file) against the fake Bot API server over HTTP.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, expect, it } from "vitest";
import { Person, startBot, TEST_TOKEN, type RunningBot } from "../support/bot-harness.js";
import { tempSqliteUrl } from "../support/databases.js";
import { FakeTelegram } from "../support/fake-telegram.js";

let fake: FakeTelegram | undefined;
let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.stop();
});

it("closes idle connections itself, before the server's keep-alive timeout ends them", async () => {
  // The server announces "Keep-Alive: timeout=2": the bot should hang up after about 1 s idle.
  fake = await FakeTelegram.start({ token: TEST_TOKEN, keepAliveTimeoutMs: 2000 });
  bot = await startBot(fake, tempSqliteUrl());
  // Five people at once: the bot answers them concurrently, over several pooled connections.
  const people = [501, 502, 503, 504, 505].map((id) => new Person(fake!, { id, type: "private" }, { id, first_name: `Người ${id}` }));
  const replies = await Promise.all(people.map((p) => p.say("xin chào")));
  expect(new Set(replies.map((r) => r.chat_id)).size).toBe(5);

  // All but the one holding the next long poll are idle now. Node checks idle connections about once a
  // second: the server ends them 2-3 s from now, the bot should have after 1 s.
  await sleep(3500);
  const closes = fake.connectionCloses;
  expect(closes.byServer).toBe(0);
  expect(closes.byClient).toBeGreaterThan(0);

  // And the bot still talks over fresh connections.
  expect((await people[0]!.say("xin chào")).text).toBe(replies[0]!.text);
});
