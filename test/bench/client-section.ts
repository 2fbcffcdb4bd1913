/** Bench section: client bundle sizes per route chunk and the 2,000-node network render (client-bench.ts). */
import { runClientBench } from './client-bench';
import { fmt, percentile, type BenchRow } from './stats';

export async function bench(): Promise<BenchRow[]> {
  const { sizes, network } = await runClientBench();
  const rows: BenchRow[] = sizes.map((s) => ({
    section: 'client', metric: `bundle ${s.chunk}`, value: `${fmt(s.gzipBytes / 1024, 1)} KiB gzip`, note: `${fmt(s.bytes / 1024, 1)} KiB raw`,
  }));
  rows.push({
    section: 'client', metric: `render + layout ${network.nodes} nodes / ${network.edges} edges`,
    value: `median ${fmt(percentile(network.runs, 50), 0)} ms`, note: `headless Chromium; runs ${network.runs.map((r) => fmt(r, 0)).join(', ')} ms`,
  });
  return rows;
}
