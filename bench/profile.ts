/**
 * `--profile`: the bot processes run with `node --cpu-prof`; this summarises each V8 CPU profile
 * by where the self time went (package in node_modules, file under src/, GC, idle).
 * Also usable alone: `npx tsx bench/profile.ts file.cpuprofile`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function category(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const src = /\/(src\/.+)$/.exec(url);
  if (src) return src[1]!;
  if (url.startsWith("node:")) return "node internals";
  return url;
}

export function summarise(path: string, top = 12): string {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName !== "(idle)").reduce((a, [, v]) => a + v, 0);
  const cats = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const c = category(f.url, f.functionName);
    cats.set(c, (cats.get(c) ?? 0) + us);
    const name = `${f.functionName || "(anonymous)"} ${c}${f.url ? `:${f.lineNumber + 1}` : ""}`;
    fns.set(name, (fns.get(name) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`.padStart(6);
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([k]) => k !== "(idle)" && !k.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${pct(us)}  ${k}`);
  return [
    `${path}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)}%); self time of the busy part:`,
    " by package / file:",
    ...list(cats),
    " by function:",
    ...list(fns),
  ].join("\n");
}

function busyMicros(path: string): number {
  const p = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  return p.samples.reduce((sum, id, i) => sum + (idle.has(id) ? 0 : (p.timeDeltas[i] ?? 0)), 0);
}

/** One summary per process (sub-directory): its busiest thread's profile, i.e. the main thread, not tsx's loader. */
export function summariseDir(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const files = readdirSync(join(dir, d.name)).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(dir, d.name, f));
      const main = files.sort((a, b) => busyMicros(b) - busyMicros(a))[0];
      return main ? [`[${d.name}] ${summarise(main)}`] : [];
    })
    .join("\n\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const path of process.argv.slice(2)) console.log(summarise(path, 25));
}
