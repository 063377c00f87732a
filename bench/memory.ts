/**
 * Row 4: resident memory of the bot process (src/main.ts in a child process, read from
 * /proc/<pid>/status, the number process.memoryUsage().rss reports inside it): idle with one
 * unit, and at its peak under the interview load with 100 units (taken from the interview run
 * when it ran in the same invocation, else measured here with the same load).
 * Baseline: a bare Node process that imports nothing.
 */
import { TEST_TOKEN } from "../test/support/bot-harness.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { freshDatabase } from "./databases.js";
import { BIG, PER_UNIT, SMALL, UNITS } from "./interview.js";
import { drive, seedOfficers } from "./load.js";
import { bareNodeRss, rssOf, sampleRss, startBotProcess } from "./processes.js";
import { median, sleep } from "./stats.js";
import type { Benchmark } from "./types.js";

async function idleRss(fake: FakeTelegram): Promise<number> {
  const bench = await freshDatabase("sqlite");
  try {
    await seedOfficers(bench.database.db, 1, PER_UNIT);
    const bot = await startBotProcess(fake, bench.url, "polling", { tag: "bot-idle" });
    try {
      await sleep(2000);
      const samples: number[] = [];
      for (let i = 0; i < 5; i++, await sleep(200)) samples.push(rssOf(bot.child.pid!));
      return median(samples);
    } finally {
      await bot.stop();
    }
  } finally {
    await bench.dispose();
  }
}

async function loadedRss(fake: FakeTelegram): Promise<number> {
  const bench = await freshDatabase("sqlite");
  try {
    const load = await seedOfficers(bench.database.db, UNITS, PER_UNIT);
    const bot = await startBotProcess(fake, bench.url, "polling", { tag: "bot-memory" });
    try {
      const sampler = sampleRss(bot.child.pid!);
      // Without the interview benchmark in this run (--only memory): a shorter version of its load,
      // three answers from each of 100 officers, then one from each of the 1,000 at once.
      await drive({ fake, load, officers: load.officers.slice(0, SMALL.officers), answersEach: 3, expect: "bot", clock: "queued" });
      await drive({ fake, load, officers: load.officers, answersEach: 1, expect: "bot", clock: "queued" });
      return sampler.stop().peak;
    } finally {
      await bot.stop();
    }
  } finally {
    await bench.dispose();
  }
}

export const memory: Benchmark = {
  id: "memory",
  title: "Resident memory of the bot process",
  async run(ctx) {
    const fake = await FakeTelegram.start({ token: TEST_TOKEN });
    try {
      const bare = median([await bareNodeRss(), await bareNodeRss(), await bareNodeRss()]);
      const idle = await idleRss(fake);
      const loaded = ctx.shared.get("memory.loaded.rss") ?? (await loadedRss(fake));
      const baselineLabel = "rss of a bare Node process that imports nothing (node -e)";
      return [
        { id: "memory.idle", name: "memory: bot process rss idle, 1 unit, SQLite, reminders off (MB)", value: idle, unit: "MB", baseline: bare, better: "lower", baselineLabel },
        {
          id: "memory.loaded",
          name: `memory: bot process rss peak under interview load, ${BIG.units} units/${BIG.officers.toLocaleString("en")} officers, SQLite polling (MB)`,
          value: loaded,
          unit: "MB",
          baseline: bare,
          better: "lower",
          baselineLabel,
        },
      ];
    } finally {
      await fake.stop();
    }
  },
};
