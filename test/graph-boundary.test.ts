/**
 * The store layer stands on its own: no file under graph/ imports server/ (not even a type), and server
 * code reaches graph/ only through its entry point graph/index.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts)$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Every module specifier of a file: static imports/exports, dynamic import(), require(). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"`])([^'"`]+)\1/gm;
  for (const m of source.matchAll(re)) out.push(m[2]!);
  return out;
}

/** The repository-relative target of a relative specifier (null for packages). */
function resolveSpec(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return path
    .relative(ROOT, path.resolve(ROOT, path.dirname(file), spec))
    .split(path.sep)
    .join('/');
}

describe('graph/ does not depend on server/', () => {
  it('finds the import forms the check relies on', () => {
    expect(specifiers(`import type { A } from '../../server/x';\nconst m = await import("../server/y");\nimport '../server/z';`)).toEqual([
      '../../server/x',
      '../server/y',
      '../server/z',
    ]);
  });

  it('no file under graph/ imports from server/', () => {
    const offenders = tsFiles('graph').flatMap((f) =>
      specifiers(readFileSync(path.join(ROOT, f), 'utf8'))
        .map((s) => resolveSpec(f, s))
        .filter((t): t is string => t !== null && (t === 'server' || t.startsWith('server/')))
        .map((t) => `${f} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('server code reaches graph/ only through graph/index.ts', () => {
    const offenders = tsFiles('server')
      .filter((f) => !/\.test\.ts$/.test(f))
      .flatMap((f) =>
        specifiers(readFileSync(path.join(ROOT, f), 'utf8'))
          .map((s) => resolveSpec(f, s))
          .filter((t): t is string => t?.startsWith('graph/') === true && t !== 'graph/index')
          .map((t) => `${f} → ${t}`),
      );
    expect(offenders).toEqual([]);
  });
});
