/**
 * Parsing typed Vietnamese figures (parseMoney) vs. the JavaScript number parser on the same
 * strings with the Vietnamese separators removed. Interleaved repeats, medians.
 */
import { performance } from "node:perf_hooks";
import { parseMoney } from "../src/domain/parse-number.js";
import { median } from "./stats.js";
import type { Benchmark } from "./types.js";

function perSecond(fn: () => void, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return iterations / ((performance.now() - start) / 1000);
}

export const parsing: Benchmark = {
  id: "parsing",
  title: "parseMoney vs Number()",
  async run() {
    const inputs = ["5.670.000.000đ", "5,67 tỷ", "158,5 triệu", "1.234.567", "2,679 tỷ", "không", "950.000 đồng"];
    const plain = inputs.map((s) => s.replace(/[^\d,]/g, "").replace(",", "."));
    // Each timing runs for ~0.1-0.2 s: Number() needs 20× the iterations of parseMoney for that.
    const n = 60_000;
    const ours: number[] = [];
    const base: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < 8; r++) {
      const o = perSecond(() => parseMoney(inputs[Math.floor(Math.random() * inputs.length)]!), n);
      const b = perSecond(() => Number(plain[Math.floor(Math.random() * plain.length)]!), n * 20);
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
        baselineLabel: "Number() on the same figures without Vietnamese separators (median of 7 interleaved repeats)",
      },
    ];
  },
};
