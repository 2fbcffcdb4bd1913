/** Bench section: client bundle per route (gzip) and the 2,000-node network render (client-bench.ts). */
import { runClientBench } from './client-bench';
import { fmt, percentile, type BenchRow } from './stats';

export async function bench(): Promise<BenchRow[]> {
  const { sizes, routes, network } = await runClientBench();
  const entry = sizes.find((s) => s.chunk.startsWith('index.js'));
  const rows: BenchRow[] = [];
  if (entry)
    rows.push({
      section: 'client',
      metric: 'bundle: entry (shell, React, urql, i18n)',
      value: `${fmt(entry.gzipBytes / 1024, 1)} KiB gzip`,
      note: `${fmt(entry.bytes / 1024, 1)} KiB raw`,
    });
  for (const r of routes.filter((x) => x.route !== 'entry')) {
    rows.push({ section: 'client', metric: `bundle: route ${r.route}`, value: `+${fmt(r.gzipBytes / 1024, 1)} KiB gzip`, note: `${r.chunks.length} chunks on top of the entry` });
  }
  rows.push({
    section: 'client',
    metric: `render + layout ${network.nodes} nodes / ${network.edges} edges`,
    value: `median ${fmt(percentile(network.runs, 50), 0)} ms`,
    note: `headless Chromium; elements ${fmt(network.applyMs, 0)} ms, layout ${fmt(network.layoutMs, 0)} ms; runs ${network.runs.map((r) => fmt(r, 0)).join(', ')} ms`,
  });
  return rows;
}
