import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildPersistedManifest, clientHashesModule, MANIFEST_PATH, manifestJson } from './persisted-manifest';

const root = path.resolve(import.meta.dirname, '../..');
const clientSrc = path.join(root, 'client', 'src');
const clientDocuments = () =>
  (readdirSync(clientSrc, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => parse(readFileSync(path.join(clientSrc, f), 'utf8')));

describe('persisted operations manifest', () => {
  it("is up to date with the client's .graphql files (run `npm run codegen` after changing them)", () => {
    const ops = buildPersistedManifest(clientDocuments());
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(manifestJson(ops));
    expect(readFileSync(path.join(clientSrc, 'gql', 'persisted-operations.ts'), 'utf8')).toContain(clientHashesModule(ops));
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(['SignIn', 'SignOut', 'CastBallot', 'DemoAccounts', 'SessionViewer']));
  });

  it('keys each operation by the SHA-256 of its document, which carries the fragments it uses and no others', () => {
    const docs = [
      parse(`
      query B { viewer { ...V } }
      fragment V on Viewer { role ...W }
      fragment W on Viewer { memberId }
      fragment Unused on Viewer { role }
      mutation A { signOut }`),
    ];
    const ops = buildPersistedManifest(docs);
    expect(ops.map((o) => o.name)).toEqual(['A', 'B']);
    expect(ops[1]!.document).toBe('query B {\n  viewer {\n    ...V\n  }\n}\n\nfragment V on Viewer {\n  role\n  ...W\n}\n\nfragment W on Viewer {\n  memberId\n}');
    for (const o of ops) expect(o.hash).toBe(createHash('sha256').update(o.document).digest('hex'));
    expect(buildPersistedManifest(docs)).toEqual(ops);
  });

  it('refuses unnamed, duplicate names and missing fragments', () => {
    expect(() => buildPersistedManifest([parse('{ health }')])).toThrow(/needs a name/);
    expect(() => buildPersistedManifest([parse('query X { health }'), parse('query X { health }')])).toThrow(/Two client operations are named "X"/);
    expect(() => buildPersistedManifest([parse('query X { viewer { ...Nope } }')])).toThrow(/Fragment "Nope"/);
  });
});
