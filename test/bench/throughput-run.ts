/**
 * `npx tsx test/bench/throughput-run.ts --data DIR [--scale medium]`: the "throughput" bench section
 * alone, on a copy of a loaded Kuzu data directory (the section writes answers and access records).
 * `npm run bench` runs it with the other sections.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { markdownTable } from './stats';
import { bench } from './throughput-bench';

const arg = (name: string, dflt?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const data = arg('data');
if (!data) throw new Error('--data DIR (a loaded Kuzu data directory) is required');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hongtu-tbench-'));
const store = new KuzuStore({ dir: path.join(tmp, 'kuzu') });
try {
  cpSync(path.resolve(data), path.join(tmp, 'kuzu'), { recursive: true });
  await store.init();
  const members = (await store.listMembers({}, 1)).totalCount;
  const scale = arg('scale', members > 1000 ? 'medium' : 'demo') as 'demo' | 'medium';
  console.log(markdownTable(await bench({ scale, bulkDir: '', members, store })));
} finally {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}
