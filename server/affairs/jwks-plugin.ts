/** Serves the instance's public signing key at /.well-known/jwks.json (404 when it has none). */
import type { Plugin } from 'graphql-yoga';
import { type InstanceKeys, publishedJwks } from './profile';

export const JWKS_PATH = '/.well-known/jwks.json';

export function useJwks(keys: InstanceKeys | undefined): Plugin {
  return {
    onRequest: ({ url, endResponse, fetchAPI }) => {
      if (url.pathname !== JWKS_PATH) return;
      endResponse(
        keys
          ? new fetchAPI.Response(JSON.stringify(publishedJwks(keys)), {
              status: 200,
              headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300' },
            })
          : new fetchAPI.Response('No signing key on this instance', { status: 404 }),
      );
    },
  };
}
