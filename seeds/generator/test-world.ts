/**
 * Test helper: generate a demo world from the test curriculum into a temp dir and read its tables
 * back through the CSV reader (so every test also exercises the round trip).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../graph';
import { generateWorld, type GenerateResult } from './generate';
import { testCurriculum } from './test-curriculum';
import { makeTempDir } from '../../test/support/temp-dirs';

export type Row = Record<string, string>;

export async function generateTestWorld(seed = 7): Promise<GenerateResult> {
  const dir = path.join(makeTempDir('hongtu-gen-'), 'demo');
  return generateWorld({ scale: 'demo', outDir: dir, seed, curriculum: testCurriculum });
}

/** All rows of a CSV file in `dir` (relative path) as objects keyed by the header. */
export function readRows(dir: string, file: string): Row[] {
  const [header, ...recs] = parseCsv(readFileSync(path.join(dir, file), 'utf8'));
  return recs.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
