/**
 * The client sends its operations as persisted operations: the SHA-256 of each document, made by
 * `npm run codegen` (client/src/gql/persisted-operations.ts), instead of the document. In
 * production the server runs nothing else for a browser session (server/api/persisted-operations.ts).
 */
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { persistedExchange } from '@urql/exchange-persisted';
import { PERSISTED_OPERATION_HASHES } from '../gql/persisted-operations';

/** The hash of a codegen document's operation, or null for a document codegen did not make. */
export function persistedHash(document: DocumentNode): string | null {
  // Compared as a string: no graphql-js at run time in the bundle, only its types.
  const op = document.definitions.find((d) => (d.kind as string) === 'OperationDefinition') as OperationDefinitionNode | undefined;
  return (op?.name && PERSISTED_OPERATION_HASHES[op.name.value]) || null;
}

/** The body of a request for a codegen operation, sent by its hash. */
export function persistedRequestBody(document: DocumentNode, variables: Record<string, unknown>): string {
  const hash = persistedHash(document);
  if (!hash) throw new Error('Not a persisted operation: run `npm run codegen`');
  return JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
}

/**
 * urql's persisted exchange with the codegen hashes, for queries and mutations, always over POST (GET
 * would put variables, some of them personal, into URLs and proxy logs). The server knows every hash,
 * so a miss is an error to show, not a reason to send the document (which production refuses).
 */
export const clientPersistedExchange = persistedExchange({
  enforcePersistedQueries: true,
  enableForMutation: true,
  preferGetForPersistedQueries: false,
  generateHash: async (_query, document) => persistedHash(document),
});
