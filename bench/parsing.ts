/**
 * Parsing typed Vietnamese figures (parseMoney) vs. the naive parse of the same strings: strip
 * the thousands dots and every letter with regular expressions, turn the decimal comma into a
 * point, Number(). Both allocate strings and run regular expressions, so a busy machine (or a
 * garbage collection) slows both alike; a bare Number() on ready-made strings allocates nothing,
 * and its ratio moved by a quarter between two runs. Interleaved repeats, medians.
 */
import { performance } from "node:perf_hooks";
import { parseMoney } from "../src/domain/parse-number.js";
import { median } from "./stats.js";
import type { Benchmark } from "./types.js";

/** Counted repeats (one more warms the JIT up first). */
const REPEATS = 15;
const REPEAT_BASE = 4;

function perSecond(fn: () => void, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return iterations / ((performance.now() - start) / 1000);
}

export const parsing: Benchmark = {
  id: "parsing",
  title: "parseMoney vs the naive parse",
  async run() {
    const inputs = ["5.670.000.000đ", "5,67 tỷ", "158,5 triệu", "1.234.567", "2,679 tỷ", "không", "950.000 đồng"];
    const naive = (s: string) => Number(s.replace(/\./g, "").replace(/[^\d,]/g, "").replace(",", "."));
    // Each timing runs for ~0.1 s: the naive parse needs REPEAT_BASE× the iterations of parseMoney for that.
    const n = 60_000;
    const ours: number[] = [];
    const base: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < REPEATS + 1; r++) {
      const o = perSecond(() => parseMoney(inputs[Math.floor(Math.random() * inputs.length)]!), n);
      const b = perSecond(() => naive(inputs[Math.floor(Math.random() * inputs.length)]!), n * REPEAT_BASE);
      // The first pair only warms the JIT.
      if (r === 0) continue;
      ours.push(o);
      base.push(b);
      ratios.push(o / b);
    }
    return [
      {
        id: "parsing.parseMoney",
        name: "parseMoney (inputs/s)",
        value: median(ours),
        unit: "/s",
        baseline: median(base),
        ratio: median(ratios),
        better: "higher",
        baselineLabel: `the naive parse of the same strings (regular expressions strip dots and letters, then Number()), median of ${REPEATS} interleaved repeats`,
      },
    ];
  },
};
