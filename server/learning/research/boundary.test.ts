/**
 * The product's learner model stands apart from the research code: nothing the server runs imports
 * server/learning/research/ (baselines, evaluations) or the generator's hidden model, except the CLI's
 * `kt evaluate` (an evaluation command) and the offline simulator's world reader and runner. The
 * simulated policies themselves (simulate/policies.ts) see no hidden truth either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ALLOWED = new Set(['server/cli/commands/kt.ts', 'server/learning/simulate/run-simulation.ts', 'server/learning/simulate/sim-world.ts']);

function serverFiles(): string[] {
  return readdirSync(path.join(ROOT, 'server'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => `server/${f.split(path.sep).join('/')}`)
    .filter((f) => !f.startsWith('server/learning/research/'));
}

/** Module specifiers of a file: static imports/exports, dynamic import(), require(). */
function specifiers(source: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"`])([^'"`]+)\1/gm;
  return [...source.matchAll(re)].map((m) => m[2]!);
}

const target = (file: string, spec: string) =>
  spec.startsWith('.')
    ? path
        .relative(ROOT, path.resolve(ROOT, path.dirname(file), spec))
        .split(path.sep)
        .join('/')
    : spec;

describe('product model apart from research code', () => {
  it('no server file outside research/ imports research/ or the hidden model, except the evaluation entry points', () => {
    const offenders = serverFiles()
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) =>
        specifiers(readFileSync(path.join(ROOT, f), 'utf8'))
          .map((s) => target(f, s))
          .filter((t) => t.startsWith('server/learning/research/') || t === 'seeds/generator/hidden-model')
          .map((t) => `${f} → ${t}`),
      );
    expect(serverFiles().length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
