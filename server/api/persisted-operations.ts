/**
 * Persisted operations (yoga's plugin-persisted-operations): a request may name one of the web
 * client's own operations by the SHA-256 of its document (`extensions.persistedQuery.sha256Hash`,
 * the form urql's persisted exchange sends) instead of sending the document. The manifest
 * (server/api/persisted-manifest.ts) is made by `npm run codegen` from client/src/**\/*.graphql.
 *
 * With config.persistedOnly (default in production) that is the only way in for browser sessions
 * and anonymous callers: a document of their own is refused as FORBIDDEN before it is parsed, so
 * nothing of it runs. Callers with a valid personal access token (developers, scripts) may still
 * send any document. An unknown hash is NOT_FOUND (code from the closed set; `persistedQuery` in
 * the extensions says which part was not found). Outside production every caller may send
 * documents, and the manifest is read again on a miss, so `npm run codegen` during `npm run dev`
 * needs no restart.
 */
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../graph';
import type { Config } from '../config';
import { isAccessToken, verifyAccessTokenOnce } from '../auth/access-tokens';
import { bearerToken } from '../auth/tokens';
import { readPersistedManifest } from './persisted-manifest';

export interface PersistedOperationsOptions {
  config: Pick<Config, 'persistedOnly'>;
  store: GraphStore;
  now?: () => number;
  /** hash → document; default: the generated manifest file. */
  manifest?: () => Map<string, string>;
}

export const ARBITRARY_DOCUMENT_REFUSED =
  'This server runs only the operations of its own web client (persisted operations). ' +
  'To send other GraphQL documents, use a personal access token: Authorization: Bearer htpat_… (account page → access tokens)';

export function usePersistedOnly(opts: PersistedOperationsOptions): Plugin {
  const load = opts.manifest ?? (() => readPersistedManifest());
  let manifest = load();
  const now = opts.now ?? Date.now;
  const lookup = (hash: string): string | null => {
    const hit = manifest.get(hash);
    if (hit !== undefined || opts.config.persistedOnly) return hit ?? null;
    manifest = load();
    return manifest.get(hash) ?? null;
  };
  return usePersistedOperations({
    getPersistedOperation: (hash) => lookup(hash),
    allowArbitraryOperations: async (request) => {
      if (!opts.config.persistedOnly) return true;
      const token = bearerToken(request.headers.get('authorization'));
      if (!token || !isAccessToken(token)) return false;
      try {
        await verifyAccessTokenOnce(opts.store, request, token, now());
        return true;
      } catch {
        return false;
      }
    },
    customErrors: {
      notFound: ({ params }) => {
        const hash = String((params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash ?? '').slice(0, 64);
        return appError(
          'NOT_FOUND',
          `Persisted operation "${hash}" not found: this server knows only its own web client's operations; ` + 'reload the page if the client is older than the server',
          { persistedQuery: 'NOT_FOUND' },
        );
      },
      persistedQueryOnly: () => appError('FORBIDDEN', ARBITRARY_DOCUMENT_REFUSED, { persistedQuery: 'REQUIRED' }),
      keyNotFound: () =>
        appError('BAD_USER_INPUT', 'Send a GraphQL document in "query", or a persisted operation in ' + 'extensions.persistedQuery ({ version: 1, sha256Hash })', {
          field: 'query',
        }),
    },
  });
}

function appError(code: string, message: string, extra: Record<string, unknown>): Error {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}
