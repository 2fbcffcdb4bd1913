/**
 * The persisted operations manifest: every operation of the web client (client/src/**\/*.graphql),
 * each as one document (the operation, then the fragments it uses, by name) printed by graphql-js,
 * keyed by the SHA-256 of that text. `npm run codegen` writes it to server/api/generated/ (the server
 * reads it) and the operation-name → hash map to client/src/gql/ (the client sends the hashes).
 * Both are derived from the .graphql files alone, so the same files always give the same manifest.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, print, visit } from 'graphql';

export interface PersistedOperation {
  name: string;
  hash: string;
  document: string;
}

/** Where `npm run codegen` writes the manifest (hash → document), next to the generated resolver types. */
export const MANIFEST_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'generated', 'persisted-operations.json');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function fragmentsUsed(node: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (seen.has(name)) return;
      const f = fragments.get(name);
      if (!f) throw new Error(`Fragment "${name}" is used but not defined in the client's .graphql files`);
      seen.add(name);
      fragmentsUsed(f, fragments, seen);
    },
  });
  return seen;
}

/** One entry per named operation of `documents`, sorted by name; throws on unnamed or duplicate operations. */
export function buildPersistedManifest(documents: readonly DocumentNode[]): PersistedOperation[] {
  const defs = documents.flatMap((d) => d.definitions);
  const fragments = new Map(defs.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const operations = defs.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const out = new Map<string, PersistedOperation>();
  for (const op of operations) {
    const name = op.name?.value;
    if (!name) throw new Error('Every client operation needs a name (the manifest and the client look it up by name)');
    if (out.has(name)) throw new Error(`Two client operations are named "${name}"`);
    const used = [...fragmentsUsed(op, fragments)].sort().map((n) => fragments.get(n)!);
    const document = print({ kind: Kind.DOCUMENT, definitions: [op, ...used] });
    out.set(name, { name, hash: sha256(document), document });
  }
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The manifest file's content: hash → document, in the order of the operations' names. */
export function manifestJson(ops: readonly PersistedOperation[]): string {
  return `${JSON.stringify(Object.fromEntries(ops.map((o) => [o.hash, o.document])), null, 2)}\n`;
}

/** The client's map: operation name → hash (a TypeScript module under client/src/gql/). */
export function clientHashesModule(ops: readonly PersistedOperation[]): string {
  const lines = ops.map((o) => `  ${o.name}: '${o.hash}',`);
  return (
    `/** SHA-256 of each client operation's document, by operation name (see server/api/persisted-manifest.ts). */\n` +
    `export const PERSISTED_OPERATION_HASHES: Readonly<Record<string, string>> = {\n${lines.join('\n')}\n};\n`
  );
}

/** Read the manifest (hash → document); an empty map when the file is missing. */
export function readPersistedManifest(file = MANIFEST_PATH): Map<string, string> {
  if (!existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}
