/** The benchmark's statistics and its run-to-run comparison (bench/stats.ts, bench/compare.ts). */
import { describe, expect, it } from "vitest";
import { renderComparison, type ResultsFile } from "../../bench/compare.js";
import { median, percentile } from "../../bench/stats.js";
import type { Row } from "../../bench/types.js";

describe("median and percentile", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("uses the nearest rank and leaves its input unsorted", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(values[0]).toBe(100);
  });
});

describe("--compare", () => {
  const row = (id: string, value: number, baseline: number, better: Row["better"] = "higher"): Row => ({ id, name: id, value, unit: "/s", baseline, better });
  const previous: ResultsFile = {
    startedAt: "2026-12-01T00:00:00.000Z",
    seconds: 400,
    node: "v20",
    postgres: true,
    rows: [row("steady", 100, 1000), row("faster", 100, 1000), row("slower", 100, 1000), row("latency", 100, 10, "lower"), row("gone", 1, 1)],
  };
  const lineOf = (text: string, id: string) => text.split("\n").find((l) => l.startsWith(`| ${id} |`)) ?? "";

  it("compares ratios, not raw values, and calls out only changes beyond 20 %", () => {
    const text = renderComparison(
      // "steady": both sides 30 % faster (a faster machine), the ratio unchanged.
      [row("steady", 130, 1300), row("faster", 125, 1000), row("slower", 75, 1000), row("latency", 130, 10, "lower"), row("new", 1, 1)],
      previous,
      "before.json",
    );
    expect(lineOf(text, "steady")).toMatch(/\| \+0% \| \+30% .*\|  \|$/);
    expect(lineOf(text, "faster")).toMatch(/\| better \|$/);
    expect(lineOf(text, "slower")).toMatch(/\| worse \|$/);
    // A latency that grows is worse.
    expect(lineOf(text, "latency")).toMatch(/\| worse \|$/);
    expect(lineOf(text, "new")).toMatch(/new row/);
    expect(text).toMatch(/Not measured this time: gone/);
    // steady, of steady/faster/slower/latency ("new" has nothing to compare with).
    expect(text).toContain("1 of 4 ratios within 20 % of the earlier run.");
  });
});
