/** Small helpers for benchmark tables: percentiles over samples and a markdown table. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

export interface BenchRow { section: string; metric: string; value: string; note?: string }

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
