/**
 * Temp folders for tests. `makeTempDir('hongtu-x-')` creates one under the run's temp folder and
 * remembers it; test/support/setup-temp.ts (a vitest setup file) removes every folder a test file made
 * after that file's own afterAll hooks, whether its tests passed or failed.
 * test/support/global-temp.ts gives each vitest run its own temp folder and fails the run when a
 * `hongtu-*` folder is left in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Remove one folder now (it is no longer removed at the end of the file). */
export function removeTempDir(dir: string): void {
  const i = made.indexOf(dir);
  if (i >= 0) made.splice(i, 1);
  rmSync(dir, { recursive: true, force: true });
}

/** Remove every folder made so far in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
