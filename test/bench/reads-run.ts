/**
 * `npx tsx test/bench/reads-run.ts --data DIR [--repeats 3] [--members 40]`: the "reads" bench section
 * alone, on a copy of a loaded Kuzu data directory (the section writes access records and maintained
 * state). Prints the table, and the rows as JSON on the last line (for comparing builds).
 * `npm run bench` runs it with the other sections.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { bench } from './reads-bench';
import { markdownTable } from './stats';

const arg = (name: string, dflt?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const data = arg('data');
if (!data) throw new Error('--data DIR (a loaded Kuzu data directory) is required');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hongtu-rbench-'));
const store = new KuzuStore({ dir: path.join(tmp, 'kuzu') });
try {
  cpSync(path.resolve(data), path.join(tmp, 'kuzu'), { recursive: true });
  await store.init();
  const members = (await store.listMembers({}, 1)).totalCount;
  const rows = await bench(
    { scale: members > 1000 ? 'medium' : 'demo', bulkDir: '', members, store },
    { repeats: Number(arg('repeats', '3')), members: Number(arg('members', '40')) },
  );
  console.log(markdownTable(rows));
  console.log(JSON.stringify(rows));
} finally {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}
