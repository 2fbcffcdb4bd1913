/** Small helpers for benchmark tables: percentiles over samples and a markdown table. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

export interface BenchRow {
  section: string;
  metric: string;
  value: string;
  note?: string;
}

export function markdownTable(rows: BenchRow[]): string {
  const lines = ['| section | metric | value | note |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.section} | ${r.metric} | ${r.value} | ${r.note ?? ''} |`);
  return lines.join('\n');
}

/** Time an async function `n` times after `warm` warm-up calls; returns milliseconds per call. */
export async function sample(n: number, warm: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warm; i++) await f(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** The median of numbers (NaN for none). */
export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Per-round figures of one side of a comparison, and their median and spread over the rounds. */
export interface SideFigures {
  /** p50 and p99 of each round, in ms. */
  rounds: { p50: number; p99: number }[];
  p50: number;
  p99: number;
  /** Lowest and highest round p50. */
  p50Spread: [number, number];
  /** Samples per round. */
  n: number;
}

function figures(rounds: number[][]): SideFigures {
  const per = rounds.map((r) => ({ p50: percentile(r, 50), p99: percentile(r, 99) }));
  const p50s = per.map((r) => r.p50);
  return {
    rounds: per,
    p50: median(p50s),
    p99: median(per.map((r) => r.p99)),
    p50Spread: [Math.min(...p50s), Math.max(...p50s)],
    n: rounds[0]?.length ?? 0,
  };
}

/**
 * Ours against a baseline doing the same work, ALTERNATING: round r runs one batch of each, the order
 * flipping every round (ours first on even rounds), so drift of a shared machine hits both sides alike.
 * Each batch: `warm` untimed calls, then `n` timed calls. Returns per-side median over the rounds of the
 * round p50/p99, the spread of the round p50s, and the ratio of the medians.
 */
export async function alternate(
  opts: { rounds?: number; n: number; warm: number },
  ours: (i: number) => Promise<unknown>,
  baseline: (i: number) => Promise<unknown>,
): Promise<{ ours: SideFigures; baseline: SideFigures; ratio: number; rounds: number }> {
  const rounds = Math.max(3, opts.rounds ?? 3);
  const a: number[][] = [];
  const b: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    const runOurs = async () => {
      a.push(await sample(opts.n, opts.warm, ours));
    };
    const runBase = async () => {
      b.push(await sample(opts.n, opts.warm, baseline));
    };
    if (r % 2 === 0) {
      await runOurs();
      await runBase();
    } else {
      await runBase();
      await runOurs();
    }
  }
  const fo = figures(a);
  const fb = figures(b);
  return { ours: fo, baseline: fb, ratio: fo.p50 / fb.p50, rounds };
}

/** A one-shot measurement (e.g. a bulk load) repeated `rounds` (≥ 3) times: median and spread of seconds. */
export async function repeatSeconds(rounds: number, f: (round: number) => Promise<void>): Promise<{ median: number; spread: [number, number]; runs: number[] }> {
  const runs: number[] = [];
  for (let r = 0; r < Math.max(3, rounds); r++) {
    const t0 = performance.now();
    await f(r);
    runs.push((performance.now() - t0) / 1000);
  }
  return { median: median(runs), spread: [Math.min(...runs), Math.max(...runs)], runs };
}

/** "p50 1.20 ms (1.10–1.40), p99 3.00 ms" for a side. */
export const describeSide = (s: SideFigures) => `p50 ${fmt(s.p50)} ms (rounds ${fmt(s.p50Spread[0])}–${fmt(s.p50Spread[1])}), p99 ${fmt(s.p99)} ms`;
