/**
 * Requests as the web client sends them: a document that is one of the client's own operations (its
 * text exactly as in the persisted manifest, server/api/generated/persisted-operations.json) goes by
 * its hash, as urql's persisted exchange sends it; any other document goes as text. So the test
 * clients behave like the browser, in production (only persisted operations for cookies and
 * anonymous callers) and outside it alike.
 */
import { createHash } from 'node:crypto';
import { parse, type OperationDefinitionNode } from 'graphql';
import { readPersistedManifest } from '../../server/api/persisted-manifest';

const manifest = readPersistedManifest();
const byName = new Map(
  [...manifest.values()].map((doc) => {
    const op = parse(doc).definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
    return [op.name!.value, doc] as const;
  }),
);

/** The document of the client operation `name` (e.g. "SignIn"), as the manifest holds it. */
export function clientDocument(name: string): string {
  const doc = byName.get(name);
  if (!doc) throw new Error(`No client operation "${name}" in the persisted manifest; run \`npm run codegen\``);
  return doc;
}

/** SHA-256 of a document's text: its persisted hash when it is a client operation. */
export const documentHash = (query: string): string => createHash('sha256').update(query).digest('hex');

/** The JSON body for `query`: by hash when it is a client operation, else the text. */
export function requestBody(query: string, variables?: Record<string, unknown>): string {
  const hash = documentHash(query);
  if (manifest.has(hash)) return JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
  return JSON.stringify({ query, variables });
}
