/**
 * Vitest global setup: the run gets a temp folder of its own (TMPDIR, inherited by the test workers and
 * the browsers they start; processes started through childEnv keep the outer one, where tsx keeps its
 * compile cache), so what this run leaves behind is told apart from other runs on
 * the same machine. At the end every `hongtu-*` folder still in it is a test that did not clean up: the
 * run fails naming them. The run's folder is then removed.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Names in `dir` that a test should have removed. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.startsWith('hongtu-'))
    .sort();
}

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  process.env.HONGTU_OUTER_TMPDIR = tmpdir();
  const runDir = mkdtempSync(path.join(tmpdir(), 'vitest-run-'));
  process.env.TMPDIR = runDir;
  return () => {
    const left = leftovers(runDir);
    rmSync(runDir, { recursive: true, force: true });
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    if (left.length) {
      // A teardown that throws is only logged by vitest; the exit code is what CI sees.
      console.error(
        `\nFAIL: tests left ${left.length} temp folder(s) behind: ${left.join(', ')}. ` +
          'Create them with makeTempDir (test/support/temp-dirs.ts) or remove them in afterAll / finally.',
      );
      process.exitCode = 1;
    }
  };
}
