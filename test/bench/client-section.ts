/** Bench section: client bundle per route (gzip) and the 2,000-node network render (client-bench.ts). */
import { runClientBench } from './client-bench';
import { fmt, percentile, type BenchRow } from './stats';

export async function bench(): Promise<BenchRow[]> {
  const { sizes, routes, network, withAll } = await runClientBench();
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
  for (const [r, what] of [
    [network, `as it opens: ${network.hiddenEdges} gap and member edges held back`],
    [withAll, 'every edge drawn'],
  ] as const) {
    rows.push({
      section: 'client',
      metric: `render + layout ${r.nodes} nodes / ${r.edges} edges (${what})`,
      value: `median ${fmt(percentile(r.runs, 50), 0)} ms`,
      note: `headless Chromium; main-thread CPU median ${fmt(percentile(r.cpu, 50), 0)} ms; elements ${fmt(r.applyMs, 0)} ms, layout ${fmt(r.layoutMs, 0)} ms; runs ${r.runs.map((x) => fmt(x, 0)).join(', ')} ms`,
    });
  }
  return rows;
}
