import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';
import { clientPersistedExchange } from './persisted';
import { expireSession, readSession } from './session';

/** Header the API requires with the session cookie (CSRF prevention; browsers cannot add it cross-site). */
export const CSRF_HEADERS = { 'x-graphql-csrf': '1' } as const;

/**
 * The urql client for one language: requests say it in Accept-Language, so the server's reasons come back
 * in the language the user chose (the app makes a new client, with a fresh cache, when it changes). The browser sends the HttpOnly session cookie itself (same origin); every request
 * carries the CSRF header. Operations go by their persisted hash (./persisted.ts). When the API says the session has ended (UNAUTHENTICATED), the app signs out
 * and falls back to the sign-in page.
 */
export function createUrqlClient(url = '/graphql', locale = 'zh-CN'): Client {
  return new Client({
    url,
    exchanges: [
      mapExchange({
        onError(error) {
          const unauth = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          if (unauth && readSession()) expireSession();
        },
      }),
      cacheExchange,
      clientPersistedExchange,
      fetchExchange,
    ],
    fetchOptions: (): RequestInit => ({ headers: { ...CSRF_HEADERS, 'accept-language': locale }, credentials: 'same-origin' }),
  });
}
