/**
 * First start: when the store is empty and config.seedDemo is on, generate the demo world
 * (deterministic, cached next to the data directory) and bulk-load it. Later starts do nothing.
 */
import path from 'node:path';
import type { GraphStore } from '../graph/store';
import type { AppLogger } from './app-deps';
import type { Config } from './config';

/** Returns true when it loaded the demo. */
export async function ensureDemoData(store: GraphStore, config: Pick<Config, 'seedDemo' | 'dataDir'>, log: AppLogger): Promise<boolean> {
  if (!config.seedDemo || !(await store.isEmpty())) return false;
  const t0 = Date.now();
  log.info('Empty store: generating and loading the demo data (first start only)…');
  const { generateWorld } = await import('../seeds/generator/generate');
  const { dir } = await generateWorld({ scale: 'demo', outDir: path.join(path.dirname(config.dataDir), 'demo-bulk') });
  const counts = await store.bulkLoad(dir);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  log.info(`Demo data loaded: ${rows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}
