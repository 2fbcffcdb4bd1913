/**
 * manifest.json of a generated bulk directory: what made it (generator version, scale, seed,
 * curriculum hash) and what is in it (row counts). Written last, so its presence means the
 * directory is complete; a directory is reused only when every input matches.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bulkFile, type BulkNode, type BulkRel } from '../../graph';

export const MANIFEST_FILE = 'manifest.json';
/** Bump whenever the generator's output for the same inputs changes. */
export const GENERATOR_VERSION = 'hongtu-synth/2';

export interface Manifest {
  format: 'hongtu-bulk/1';
  generator: string;
  scale: string;
  seed: number;
  referenceDate: number;
  curriculumHash: string;
  /** Rows per bulk table (headers excluded). */
  counts: Record<string, number>;
  /** Rows per truth file, by file name inside truth/. */
  truth: Record<string, number>;
}

export function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** The manifest of `dir` if it was generated from exactly these inputs and all its files exist. */
export function reusableManifest(dir: string, want: { scale: string; seed: number; curriculumHash: string }): Manifest | null {
  const m = readManifest(dir);
  if (!m || m.generator !== GENERATOR_VERSION || m.scale !== want.scale || m.seed !== want.seed || m.curriculumHash !== want.curriculumHash) {
    return null;
  }
  const files = Object.keys(m.counts).map((t) => bulkFile(t as BulkNode | BulkRel));
  return files.every((f) => existsSync(path.join(dir, f))) ? m : null;
}
