/** The store contract on the embedded Kuzu adapter, in a fresh temp directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runStoreContract } from '../graph/contract/index';
import { KuzuStore } from '../graph/kuzu/kuzu-store';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

runStoreContract('kuzu', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongtu-kuzu-contract-'));
  dirs.push(dir);
  return new KuzuStore({ dir });
});
